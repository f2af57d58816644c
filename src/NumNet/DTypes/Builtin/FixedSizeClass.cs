using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.DTypes.Builtin;

/// <summary>
/// A family whose elements are one unmanaged .NET value: bool, the integers, the floats, the complex types and
/// the datetime counts. Boxed reads return <typeparamref name="T"/>; boxed writes take any value
/// <see cref="ScalarCoercion"/> can turn into one.
/// </summary>
internal sealed class FixedSizeClass<T> : DTypeClass where T : unmanaged
{
    private readonly Func<object?, DType, T> _fromObject;
    private readonly Func<T, DType, object> _toObject;

    public FixedSizeClass(DTypeCode code, char kind, char typeChar, string name, int alignment, int swapUnit,
        Func<object?, DType, T> fromObject, Func<T, DType, object>? toObject = null)
        : base(code, kind, typeChar, name, Unsafe.SizeOf<T>(), alignment, typeof(T))
    {
        SwapUnit = swapUnit;
        _fromObject = fromObject;
        _toObject = toObject ?? ((v, _) => v);
    }

    public override int SwapUnit { get; }

    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype) => _toObject(Read(element, dtype), dtype);

    public override void SetBoxed(Span<byte> element, object? value, DType dtype) => Write(element, _fromObject(value, dtype), dtype);

    /// <summary>Reads an element, swapping bytes if the dtype is not in native order.</summary>
    public T Read(ReadOnlySpan<byte> element, DType dtype)
    {
        if (dtype.IsNative)
            return MemoryMarshal.Read<T>(element);
        Span<byte> tmp = stackalloc byte[Unsafe.SizeOf<T>()];
        element[..tmp.Length].CopyTo(tmp);
        SwapInPlace(tmp);
        return MemoryMarshal.Read<T>(tmp);
    }

    /// <summary>Writes an element, swapping bytes if the dtype is not in native order.</summary>
    public void Write(Span<byte> element, T value, DType dtype)
    {
        MemoryMarshal.Write(element, in value);
        if (!dtype.IsNative)
            SwapInPlace(element[..Unsafe.SizeOf<T>()]);
    }

    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.Visit<T>();
}
