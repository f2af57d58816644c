using System.Buffers;
using System.Globalization;
using System.Text;

namespace NumNet.DTypes.Text;

/// <summary>
/// Python's strict <c>bytes.decode()</c> (UTF-8), with the text of its UnicodeDecodeError, for the places NumPy decodes
/// a Python <c>bytes</c> object before reading it (a datetime64 or timedelta64 element stored from bytes).
/// </summary>
internal static class PythonUtf8
{
    /// <summary>The text <paramref name="bytes"/> encode.</summary>
    /// <exception cref="ArgumentException">
    /// The bytes are not UTF-8: Python's message, naming the first bad byte, or the bytes of the ill-formed sequence
    /// ("'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte").
    /// </exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status != OperationStatus.Done)
                throw new ArgumentException(DecodeError(bytes, i, consumed, status));
            i += consumed;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    // .NET reports the maximal ill-formed subpart of the sequence (Unicode's recommended practice), which is exactly
    // the span CPython's decoder names.
    private static string DecodeError(ReadOnlySpan<byte> bytes, int start, int length, OperationStatus status)
    {
        byte first = bytes[start];
        string reason = status == OperationStatus.NeedMoreData ? "unexpected end of data"
            : length == 1 && !IsStartByte(first) ? "invalid start byte"
            : "invalid continuation byte";
        string where = length == 1
            ? string.Create(CultureInfo.InvariantCulture, $"byte 0x{first:x2} in position {start}")
            : string.Create(CultureInfo.InvariantCulture, $"bytes in position {start}-{start + length - 1}");
        return $"'utf-8' codec can't decode {where}: {reason}";
    }

    // Lead bytes of a well-formed sequence: C2-DF, E0-EF, F0-F4 (ASCII never fails).
    private static bool IsStartByte(byte b) => b is >= 0xC2 and <= 0xF4;
}
