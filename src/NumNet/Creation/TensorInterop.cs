using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NumNet.DTypes;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// Bridges to System.Numerics.Tensors: a <see cref="Tensor{T}"/> becomes a zero-copy view (its lengths and element
/// strides turned into a shape and byte strides), and a tensor span is copied, since a ref struct cannot be kept.
/// </summary>
internal static class TensorInterop
{
    /// <summary>A view of <paramref name="obj"/> when it is a <see cref="Tensor{T}"/> of a dtype's element type, else null.</summary>
    public static NDArray? TryView(object obj)
    {
        var type = obj.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Tensor<>))
            return null;
        if (BufferViews.DTypeOfElement(type.GetGenericArguments()[0]) is not { } dtype)
            return null;
        var visitor = new TensorVisitor(obj, dtype);
        return dtype.Family.Accept<TensorVisitor, NDArray?>(ref visitor);
    }

    /// <summary>The view of a tensor's memory.</summary>
    public static NDArray View<T>(Tensor<T> tensor, DType dtype) where T : unmanaged
    {
        int rank = tensor.Rank;
        var shape = new long[rank];
        var strides = new long[rank];
        long extent = tensor.IsEmpty ? 0 : 1;
        for (int i = 0; i < rank; i++)
        {
            shape[i] = tensor.Lengths[i];
            strides[i] = tensor.Strides[i] * (long)dtype.ItemSize;
            if (shape[i] > 0)
                extent += (shape[i] - 1) * tensor.Strides[i];
        }
        if (tensor.IsEmpty)
            extent = 0;
        return new NDArray(dtype, new TensorBuffer<T>(tensor, extent), 0, shape, strides, tensor);
    }

    /// <summary>A copy of a tensor span's elements as a new C-ordered array.</summary>
    public static NDArray Copy<T>(ReadOnlyTensorSpan<T> span, DType dtype) where T : unmanaged
    {
        var shape = new long[span.Rank];
        for (int i = 0; i < shape.Length; i++)
            shape[i] = span.Lengths[i];
        var result = NDArray.Allocate(dtype, shape, MemoryOrder.C, zero: false);
        if (result.Size > 0)
        {
            using var lease = result.Lease();
            var destination = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                ref Unsafe.As<byte, T>(ref lease.At(result.Offset)), checked((int)result.Size));
            span.FlattenTo(destination);
        }
        return result;
    }

    private readonly struct TensorVisitor(object obj, DType dtype) : IDTypeVisitor<NDArray?>
    {
        public NDArray? Visit<T>() where T : unmanaged => obj is Tensor<T> t ? View(t, dtype) : null;

        public NDArray? VisitOther(DTypeClass dtypeClass) => null;
    }

    /// <summary>A buffer over a tensor's memory; the tensor keeps the memory alive and reachable.</summary>
    private sealed class TensorBuffer<T>(Tensor<T> tensor, long elementExtent) : ArrayBuffer where T : unmanaged
    {
        public override long ByteLength => elementExtent * Unsafe.SizeOf<T>();

        public override bool IsReadOnly => false;

        internal override object? MemoryKey => tensor;

        internal override long KeyOffset => 0;

        internal override int BaseAlignment => Math.Min(Unsafe.SizeOf<T>(), 8);

        private protected override ref byte Origin() => ref Unsafe.As<T, byte>(ref tensor.GetPinnableReference());

        private protected override System.Buffers.MemoryHandle Pin() => tensor.GetPinnedHandle();
    }
}
