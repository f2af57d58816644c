using System.Text;

namespace NumNet.IO.Pickle;

/// <summary>
/// UTF-8 as Python's pickle writes str: with <c>surrogatepass</c>, so a lone surrogate (which a .NET string and a
/// Python str may both hold) is encoded as its own three bytes instead of being replaced. Decoding is strict
/// otherwise: any other invalid sequence is a damaged pickle.
/// </summary>
internal static class Wtf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes of <paramref name="text"/>, lone surrogates included.</summary>
    public static byte[] Encode(string text)
    {
        if (!HasLoneSurrogate(text))
            return Strict.GetBytes(text);
        var bytes = new List<byte>(text.Length * 3);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AppendScalar(bytes, char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
            {
                AppendScalar(bytes, c);
            }
        }
        return [.. bytes];
    }

    /// <summary>The text of <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">Bytes that are not UTF-8, even allowing encoded surrogates.</exception>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return DecodeWithSurrogates(bytes);
        }
    }

    private static string DecodeWithSurrogates(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (int i = 0; i < bytes.Length;)
        {
            // An encoded surrogate: ED A0..BF 80..BF (U+D800..U+DFFF), which strict UTF-8 refuses.
            if (bytes[i] == 0xED && i + 2 < bytes.Length && bytes[i + 1] is >= 0xA0 and <= 0xBF && bytes[i + 2] is >= 0x80 and <= 0xBF)
            {
                text.Append((char)(0xD000 | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
                continue;
            }
            int length = SequenceLength(bytes[i]);
            if (length == 0 || i + length > bytes.Length)
                throw Invalid();
            try
            {
                text.Append(Strict.GetString(bytes, i, length));
            }
            catch (DecoderFallbackException)
            {
                throw Invalid();
            }
            i += length;
        }
        return text.ToString();
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xC2 and < 0xE0 => 2,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xF0 and < 0xF5 => 4,
        _ => 0,
    };

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    private static void AppendScalar(List<byte> bytes, int code)
    {
        if (code < 0x80)
        {
            bytes.Add((byte)code);
        }
        else if (code < 0x800)
        {
            bytes.Add((byte)(0xC0 | (code >> 6)));
            bytes.Add((byte)(0x80 | (code & 0x3F)));
        }
        else if (code < 0x10000)
        {
            bytes.Add((byte)(0xE0 | (code >> 12)));
            bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (code & 0x3F)));
        }
        else
        {
            bytes.Add((byte)(0xF0 | (code >> 18)));
            bytes.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
            bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (code & 0x3F)));
        }
    }

    private static InvalidDataException Invalid() => new("the pickle holds a str that is not valid UTF-8");
}
