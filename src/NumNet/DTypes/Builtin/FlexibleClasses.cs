using System.Text;

namespace NumNet.DTypes.Builtin;

/// <summary><c>S&lt;n&gt;</c>: NUL-padded bytes. Reads strip trailing NULs, as NumPy's getitem does.</summary>
internal sealed class BytesClass() : DTypeClass(DTypeCode.Bytes, 'S', 'S', "bytes", 0, 1, null)
{
    public override int SwapUnit => 0;

    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype) => new Bytes(element.TrimEnd((byte)0));

    public override void SetBoxed(Span<byte> element, object? value, DType dtype)
    {
        ReadOnlySpan<byte> src = ScalarCoercion.ToBytes(value);
        // Too long values are truncated to the field width, as NumPy does on assignment.
        int n = Math.Min(src.Length, element.Length);
        src[..n].CopyTo(element);
        element[n..].Clear();
    }

    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.VisitOther(this);
}

/// <summary><c>U&lt;n&gt;</c>: NUL-padded UCS-4 code points, 4 bytes a character.</summary>
internal sealed class UnicodeClass() : DTypeClass(DTypeCode.Unicode, 'U', 'U', "str", 0, 4, null)
{
    public override int SwapUnit => 4;

    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype)
    {
        int chars = element.Length / 4;
        var sb = new StringBuilder(chars);
        Span<byte> unit = stackalloc byte[4];
        int end = chars;
        // Trailing NULs are padding; find the last non-NUL code point first.
        while (end > 0 && ReadCodePoint(element, end - 1, dtype, unit) == 0)
            end--;
        for (int i = 0; i < end; i++)
        {
            uint cp = ReadCodePoint(element, i, dtype, unit);
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                throw new ArgumentException($"invalid code point 0x{cp:X} in a unicode element");
            sb.Append(char.ConvertFromUtf32((int)cp));
        }
        return sb.ToString();
    }

    private static uint ReadCodePoint(ReadOnlySpan<byte> element, int index, DType dtype, Span<byte> scratch)
    {
        element.Slice(index * 4, 4).CopyTo(scratch);
        if (!dtype.IsNative)
            scratch.Reverse();
        return BitConverter.ToUInt32(scratch);
    }

    public override void SetBoxed(Span<byte> element, object? value, DType dtype)
    {
        string text = ScalarCoercion.ToText(value);
        element.Clear();
        int capacity = element.Length / 4;
        int i = 0;
        foreach (Rune r in text.EnumerateRunes())
        {
            // Too long text is cut at the field width, as NumPy does.
            if (i == capacity)
                break;
            var unit = element.Slice(i * 4, 4);
            BitConverter.TryWriteBytes(unit, (uint)r.Value);
            if (!dtype.IsNative)
                unit.Reverse();
            i++;
        }
    }

    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.VisitOther(this);
}

/// <summary><c>V&lt;n&gt;</c>: uninterpreted bytes. Reads return a copy as <c>byte[]</c>.</summary>
internal sealed class VoidClass() : DTypeClass(DTypeCode.Void, 'V', 'V', "void", 0, 1, null)
{
    public override int SwapUnit => 0;

    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype) => element.ToArray();

    public override void SetBoxed(Span<byte> element, object? value, DType dtype)
    {
        ReadOnlySpan<byte> src = value switch
        {
            byte[] b => b,
            Bytes b => b.Span,
            _ => throw new InvalidCastException($"cannot store a {value?.GetType().Name ?? "null"} in a void element"),
        };
        if (src.Length != element.Length)
            throw new ArgumentException($"a void element of {element.Length} bytes needs exactly that many bytes; got {src.Length}");
        src.CopyTo(element);
    }

    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.VisitOther(this);
}

/// <summary>
/// <c>object</c>: elements are .NET references held by an object buffer. Byte-level reads make no sense for them,
/// so the array routes object element access to its buffer directly; these members are never called.
/// </summary>
internal sealed class ObjectClass() : DTypeClass(DTypeCode.Object, 'O', 'O', "object", 8, 8, null)
{
    public override int SwapUnit => 0;

    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype) =>
        throw new InvalidOperationException("object elements are read through their buffer");

    public override void SetBoxed(Span<byte> element, object? value, DType dtype) =>
        throw new InvalidOperationException("object elements are written through their buffer");

    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.VisitOther(this);
}
