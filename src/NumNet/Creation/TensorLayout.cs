using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NumNet.DTypes;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// An array's layout in System.Numerics.Tensors terms (lengths and element strides, all non-negative), and the rules
/// for handing its memory to a <see cref="Tensor{T}"/> without a copy: the export side of <see cref="TensorInterop"/>.
/// </summary>
internal sealed record TensorLayout(nint[] Lengths, nint[] Strides, long ElementExtent)
{
    /// <summary>Whether <typeparamref name="T"/> is exactly the element of <paramref name="dtype"/>, in native byte order.</summary>
    public static bool ElementTypeFits<T>(DType dtype) where T : unmanaged =>
        dtype.IsNative && !dtype.IsObject && dtype.ElementType == typeof(T) && dtype.ItemSize == Unsafe.SizeOf<T>();

    /// <summary>The layout of <paramref name="array"/> as elements of <typeparamref name="T"/>, or null and why not.</summary>
    public static TensorLayout? Of<T>(NDArray array, out string? problem) where T : unmanaged
    {
        var dtype = array.DType;
        if (!ElementTypeFits<T>(dtype))
        {
            problem = $"a {dtype} array cannot be seen as elements of {typeof(T).Name}" +
                (dtype.IsNative ? "; convert it with AsType first" : " (its byte order is not native); convert it with AsType first");
            return null;
        }
        var shape = array.ShapeRef;
        var strides = array.StridesRef;
        int size = Unsafe.SizeOf<T>();
        // Tensors have no rank 0: a 0-d array is one element of rank 1.
        int rank = Math.Max(shape.Length, 1);
        var lengths = new nint[rank];
        var elementStrides = new nint[rank];
        lengths[0] = 1;
        long extent = array.Size == 0 ? 0 : 1;
        for (int i = 0; i < shape.Length; i++)
        {
            lengths[i] = (nint)shape[i];
            // A dimension of length 0 or 1 never moves, and an empty array reads nothing: their strides are free.
            if (shape[i] <= 1 || array.Size == 0)
                continue;
            if (strides[i] < 0 || strides[i] % size != 0)
            {
                problem = strides[i] < 0
                    ? $"axis {i} has a negative stride ({strides[i]} bytes), which a tensor cannot express; copy the array first"
                    : $"axis {i} has a stride of {strides[i]} bytes, not a whole number of {size}-byte elements";
                return null;
            }
            elementStrides[i] = (nint)(strides[i] / size);
            extent += (shape[i] - 1) * (strides[i] / size);
        }
        problem = null;
        return new TensorLayout(lengths, elementStrides, extent);
    }

    /// <summary>
    /// A tensor over <paramref name="array"/>'s own memory, or null when there is none to share: the memory is not a
    /// <c>T[]</c> (native, memory-mapped, a multi-dimensional array), it is read-only (a tensor cannot refuse writes),
    /// or it starts between two elements.
    /// </summary>
    public static Tensor<T>? Share<T>(NDArray array, TensorLayout layout) where T : unmanaged
    {
        if (!array.IsWriteable)
            return null;
        var key = array.Buffer.MemoryKey;
        // The unchanged view of a tensor (np.asarray(tensor)) gives that tensor back, as asarray gives back an array.
        if (key is Tensor<T> source && array.Offset == 0 && array.Buffer.KeyOffset == 0
            && source.Lengths.SequenceEqual(layout.Lengths) && source.Strides.SequenceEqual(layout.Strides))
            return source;
        if (key is not T[] data || array.Size == 0)
            return null;
        long byteStart = array.Buffer.KeyOffset + array.Offset;
        if (byteStart % Unsafe.SizeOf<T>() != 0)
            return null;
        return Tensor.Create(data, checked((int)(byteStart / Unsafe.SizeOf<T>())), layout.Lengths, layout.Strides);
    }

    /// <summary>One element for the spans of empty arrays, which need some memory to stand on but never read it.</summary>
    public static class Placeholder<T>
    {
        /// <summary>A one-element array.</summary>
        public static readonly T[] One = new T[1];
    }
}
