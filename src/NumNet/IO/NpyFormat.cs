using System.Buffers.Binary;
using System.Text;

namespace NumNet.IO;

/// <summary>
/// The byte layout of a .npy header: magic, version, little-endian header length, then the dict literal padded with
/// spaces and a newline so the data starts on a 64-byte boundary (what lets a memory map see aligned elements).
/// </summary>
internal static class NpyFormat
{
    /// <summary>The six bytes every .npy file starts with: 0x93 then "NUMPY".</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Magic plus the two version bytes.</summary>
    public const int MagicLength = 8;

    /// <summary>Data starts at a multiple of this many bytes.</summary>
    public const int Alignment = 64;

    /// <summary>
    /// Spare digits kept after the shape so a writer can grow the growth axis in place: NumPy pads as if that length
    /// could take up to 21 digits.
    /// </summary>
    private const int GrowthAxisDigits = 21;

    /// <summary>UTF-8 that throws on malformed input instead of substituting.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The dict literal NumPy writes for this header, keys sorted, with the growth-axis padding.</summary>
    public static string DictText(DType dtype, ReadOnlySpan<long> shape, bool fortranOrder)
    {
        var sb = new StringBuilder(128);
        sb.Append("{'descr': ").Append(PythonStr(dtype.Str));
        sb.Append(", 'fortran_order': ").Append(fortranOrder ? "True" : "False");
        sb.Append(", 'shape': (");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
                sb.Append(", ");
            sb.Append(shape[i]);
        }
        if (shape.Length == 1)
            sb.Append(',');
        sb.Append("), }");
        if (shape.Length > 0)
        {
            long growth = shape[fortranOrder ? shape.Length - 1 : 0];
            sb.Append(' ', Math.Max(0, GrowthAxisDigits - growth.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The complete header bytes for <paramref name="dictText"/>, in the oldest version that can hold it: 1.0, then 2.0
    /// when the length needs more than 16 bits, then 3.0 when the text is not Latin-1.
    /// </summary>
    public static byte[] Wrap(string dictText)
    {
        bool latin1 = dictText.All(c => c <= '\u00FF');
        if (latin1)
            return TryWrap(dictText, 1) ?? TryWrap(dictText, 2)!;
        return TryWrap(dictText, 3)!;
    }

    /// <summary>The header in version <paramref name="major"/>, or null when its length field cannot hold it.</summary>
    public static byte[]? TryWrap(string dictText, int major)
    {
        var encoding = major == 3 ? StrictUtf8 : Encoding.Latin1;
        int lengthSize = major == 1 ? 2 : 4;
        int textBytes = encoding.GetByteCount(dictText);
        long withNewline = textBytes + 1L;
        // NumPy's rule: always at least one space, a whole block of them when the length is already a multiple.
        long pad = Alignment - (MagicLength + lengthSize + withNewline) % Alignment;
        long headerLength = withNewline + pad;
        if (headerLength > (major == 1 ? ushort.MaxValue : uint.MaxValue))
            return null;
        var bytes = new byte[MagicLength + lengthSize + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = (byte)major;
        bytes[7] = 0;
        if (major == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(MagicLength), (ushort)headerLength);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(MagicLength), (uint)headerLength);
        int at = MagicLength + lengthSize;
        at += encoding.GetBytes(dictText, bytes.AsSpan(at));
        bytes.AsSpan(at, (int)pad).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>Python's <c>repr</c> of a string made of printable characters: single quotes, escapes for \ and '.</summary>
    private static string PythonStr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
