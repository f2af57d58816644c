using System.Text;

namespace NumNet;

/// <summary>
/// An immutable byte string: NumPy's <c>bytes_</c> scalar and Python's <c>bytes</c>. It is how NumNet tells a
/// fixed-width bytes value (dtype <c>S</c>) apart from a <c>byte[]</c>, which is a uint8 buffer.
/// </summary>
public readonly struct Bytes : IEquatable<Bytes>, IComparable<Bytes>
{
    private readonly byte[]? _data;

    /// <summary>Wraps a copy of <paramref name="data"/>.</summary>
    public Bytes(ReadOnlySpan<byte> data) => _data = data.ToArray();

    /// <summary>Encodes text whose characters are all below 256 (Latin-1), as Python's <c>b'...'</c> literal does.</summary>
    /// <exception cref="ArgumentException">A character is above U+00FF.</exception>
    public static Bytes FromLatin1(string text)
    {
        var data = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF)
                throw new ArgumentException($"bytes can only contain characters below U+0100; got U+{(int)text[i]:X4} in '{text}'", nameof(text));
            data[i] = (byte)text[i];
        }
        return new Bytes(data);
    }

    /// <summary>Number of bytes.</summary>
    public int Length => _data?.Length ?? 0;

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Span => _data;

    /// <summary>The bytes themselves, for read-only zero-copy views (np.frombuffer); never written.</summary>
    internal byte[] Storage => _data ?? [];

    /// <summary>The byte at <paramref name="index"/>.</summary>
    public byte this[int index] => Span[index];

    /// <summary>Decodes each byte as the character with the same code point (Latin-1).</summary>
    public string ToLatin1() => Encoding.Latin1.GetString(Span);

    /// <inheritdoc/>
    public bool Equals(Bytes other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bytes b && Equals(b);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Span);
        return h.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(Bytes other) => Span.SequenceCompareTo(other.Span);

    /// <summary>Equality by content.</summary>
    public static bool operator ==(Bytes a, Bytes b) => a.Equals(b);

    /// <summary>Inequality by content.</summary>
    public static bool operator !=(Bytes a, Bytes b) => !a.Equals(b);

    /// <summary>Python's repr of the value: <c>b'abc'</c>, with escapes for quotes, backslashes and non-printable bytes.</summary>
    public override string ToString()
    {
        var span = Span;
        bool hasSingle = span.Contains((byte)'\'');
        bool hasDouble = span.Contains((byte)'"');
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(span.Length + 3);
        sb.Append('b').Append(quote);
        foreach (byte c in span)
        {
            switch (c)
            {
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(quote);
                    else if (c < 0x20 || c >= 0x7F) sb.Append("\\x").Append(c.ToString("x2"));
                    else sb.Append((char)c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
