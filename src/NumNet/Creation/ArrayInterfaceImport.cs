using NumNet.DTypes;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// Turns an <see cref="IArrayInterface"/> export into a zero-copy view, after validating it: a known element type,
/// a sane shape, and every addressable element inside the declared memory (the NDArray constructor checks the
/// extent against the buffer, so a lying exporter gets an exception, never an out-of-bounds read).
/// </summary>
internal static class ArrayInterfaceImport
{
    /// <summary>The view of <paramref name="exporter"/>'s memory.</summary>
    /// <exception cref="ArgumentException">The export is malformed or reaches outside its memory.</exception>
    public static NDArray View(IArrayInterface exporter)
    {
        var info = exporter.ArrayInterface ?? throw new ArgumentException($"{exporter.GetType().Name} exported a null array interface");
        ArgumentNullException.ThrowIfNull(info.Shape, "ArrayInterface.Shape");
        var dtype = DTypeParser.Parse(info.TypeStr ?? throw new ArgumentException("the array interface has no typestr"));
        if (dtype.IsObject)
            throw new ArgumentException("an array interface cannot export object references");
        if (dtype.ItemSize == 0)
            throw new ArgumentException($"the array interface typestr '{info.TypeStr}' has no size");
        var shape = (long[])info.Shape.Clone();
        ShapeMath.CheckNDim(shape.Length);
        ShapeMath.CheckedByteSize(shape, dtype.ItemSize);
        long[] strides = info.Strides is { } s ? (long[])s.Clone() : ShapeMath.ContiguousStrides(shape, dtype.ItemSize, fortran: false);
        if (strides.Length != shape.Length)
            throw new ArgumentException($"the array interface gives {strides.Length} strides for {shape.Length} dimensions");
        var buffer = BufferOf(info);
        return new NDArray(dtype, buffer, info.Offset, shape, strides, exporter, writeable: !info.ReadOnly);
    }

    private static ArrayBuffer BufferOf(ArrayInterfaceInfo info)
    {
        bool ro = info.ReadOnly;
        switch (info.Owner)
        {
            case null:
                return new PointerBuffer(info.Pointer, info.ByteLength, ro);
            case ArrayBuffer b:
                return b;
            case Memory<byte> m:
                return BufferViews.OfMemory<byte>(m, np.uint8, ro, m).Buffer;
            case ReadOnlyMemory<byte> r:
                return BufferViews.OfMemory(r, np.uint8, readOnly: true, r).Buffer;
            case Array a when BufferViews.TryView(a) is { } view:
                return view.Buffer;
            default:
                throw new ArgumentException($"an array interface owner must be an ArrayBuffer, an array of numbers, or Memory<byte>; got {info.Owner.GetType().Name}");
        }
    }
}
