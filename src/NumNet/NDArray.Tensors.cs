using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Creation;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// This array's elements as a <see cref="TensorSpan{T}"/> over the same memory (no copy): writes through either are
    /// seen through the other. Valid while the array's memory is: not after <see cref="Dispose"/>.
    /// </summary>
    /// <remarks>
    /// System.Numerics.Tensors has no rank 0 and no negative strides, so a 0-d array becomes a one-element span of
    /// rank 1, and a view with a negative stride (<c>a[::-1]</c>) cannot be exported without a copy
    /// (<c>a.Copy().AsTensorSpan&lt;T&gt;()</c>, or <see cref="AsTensor{T}"/>, which copies when it must).
    /// </remarks>
    /// <typeparam name="T">The .NET type of this array's dtype (<c>double</c> for float64, <c>Half</c> for float16, …).</typeparam>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is not this dtype's element type (or the byte order is not native), or the layout has a
    /// negative stride or a stride that is not a whole number of elements.
    /// </exception>
    /// <exception cref="ReadOnlyArrayException">The array is not writeable; use <see cref="AsReadOnlyTensorSpan{T}"/>.</exception>
    public TensorSpan<T> AsTensorSpan<T>() where T : unmanaged
    {
        if (!IsWriteable)
            throw new ReadOnlyArrayException("this array cannot be exported as a writable TensorSpan; use AsReadOnlyTensorSpan");
        var layout = TensorLayout.Of<T>(this, out string? problem) ?? throw new ArgumentException(problem);
        if (_size == 0)
            return new TensorSpan<T>(TensorLayout.Placeholder<T>.One, layout.Lengths, layout.Strides);
        if (layout.ElementExtent > int.MaxValue)
        {
            unsafe
            {
                return new TensorSpan<T>((T*)Unsafe.AsPointer(ref ElementReference<T>()), (nint)layout.ElementExtent, layout.Lengths, layout.Strides);
            }
        }
        return new TensorSpan<T>(MemoryMarshal.CreateSpan(ref ElementReference<T>(), (int)layout.ElementExtent), layout.Lengths, layout.Strides);
    }

    /// <summary>
    /// This array's elements as a <see cref="ReadOnlyTensorSpan{T}"/> over the same memory (no copy); works for
    /// read-only arrays too. The same layout rules as <see cref="AsTensorSpan{T}"/> apply.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is not this dtype's element type, or the layout cannot be expressed (negative or
    /// fractional strides).
    /// </exception>
    public ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>() where T : unmanaged
    {
        var layout = TensorLayout.Of<T>(this, out string? problem) ?? throw new ArgumentException(problem);
        if (_size == 0)
            return new ReadOnlyTensorSpan<T>(TensorLayout.Placeholder<T>.One, layout.Lengths, layout.Strides);
        if (layout.ElementExtent > int.MaxValue)
        {
            unsafe
            {
                return new ReadOnlyTensorSpan<T>((T*)Unsafe.AsPointer(ref ElementReference<T>()), (nint)layout.ElementExtent, layout.Lengths, layout.Strides);
            }
        }
        return new ReadOnlyTensorSpan<T>(MemoryMarshal.CreateReadOnlySpan(ref ElementReference<T>(), (int)layout.ElementExtent), layout.Lengths, layout.Strides);
    }

    /// <summary>
    /// This array as a <see cref="Tensor{T}"/>, with <c>np.asarray</c>'s copy rule: the tensor shares this array's
    /// memory when it can (the array lies in a <c>T[]</c>, or is the unchanged view of the tensor it was made from, with
    /// strides the tensor can express), and is a C-ordered copy otherwise.
    /// </summary>
    /// <param name="copy">
    /// <c>null</c>: share when possible, else copy; <c>true</c>: always copy; <c>false</c>: never copy, and throw
    /// when sharing is impossible.
    /// </param>
    /// <remarks>A 0-d array becomes a one-element tensor of rank 1 (System.Numerics.Tensors has no rank 0).</remarks>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is not this dtype's element type, or <paramref name="copy"/> is false and a copy is
    /// needed ("Unable to avoid copy while creating an array as requested.").
    /// </exception>
    public Tensor<T> AsTensor<T>(bool? copy = null) where T : unmanaged
    {
        var layout = TensorLayout.Of<T>(this, out string? problem);
        if (layout is null && !TensorLayout.ElementTypeFits<T>(_dtype))
            throw new ArgumentException(problem);
        if (copy != true && layout is not null && TensorLayout.Share<T>(this, layout) is { } shared)
            return shared;
        if (copy == false)
            throw new ArgumentException($"{Decide.NoCopyMessage} ({problem ?? "the array's memory is not a T[] a tensor can wrap"})");
        return Tensor.Create(ToArray<T>(), _shape.Length == 0 ? [1] : _shape.Select(d => (nint)d).ToArray());
    }

    // The first element; validated by the caller's layout (extent inside the buffer, as for every view). The span made
    // from it outlives the lease taken here: that is the documented contract of the Tensor exports (valid while the
    // array is, not after Dispose), which a lease cannot extend past the return.
    private ref T ElementReference<T>() where T : unmanaged
    {
        using var lease = Lease();
        return ref Unsafe.As<byte, T>(ref lease.At(_offset));
    }
}
