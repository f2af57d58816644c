using System.Buffers.Binary;
using System.Text;

namespace NumNet.DTypes.Strings;

/// <summary>
/// The 16 bytes of one StringDType element (NumPy's <c>npy_packed_static_string</c>, the same size): a string of at
/// most 15 UTF-8 bytes sits in the slot itself, a longer one is an index into the descriptor's
/// <see cref="StringArena"/>, and a missing value (NumPy's null string) is a flag. All zero bytes are the empty
/// string, so a zero-filled array holds empty strings, as NumPy's does.
/// </summary>
/// <remarks>
/// Layout: byte 15 is the tag; inline strings keep their bytes from 0 and their length in the tag's low nibble, arena
/// strings their index in bytes 0-7 (little-endian). Every byte not used by the tag's layout is zero, and reads check
/// that, so bytes that never were a slot (a raw view, uninitialised memory) raise instead of decoding.
/// </remarks>
internal static class PackedString
{
    /// <summary>Bytes per element, as NumPy's StringDType itemsize.</summary>
    public const int Size = 16;

    private const int InlineCapacity = Size - 1;
    private const byte Missing = 0x80;
    private const byte Inline = 0x40;
    private const byte InArena = 0x20;
    private const byte InlineMax = Inline | InlineCapacity;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Packs <paramref name="text"/> into <paramref name="slot"/>, storing it in the arena when it is too long.</summary>
    public static void Pack(Span<byte> slot, string text, StringArena arena)
    {
        System.Diagnostics.Debug.Assert(slot.Length == Size, "a StringDType slot is 16 bytes");
        slot.Clear();
        int bytes = StrictUtf8.GetByteCount(text);
        if (bytes <= InlineCapacity)
        {
            StrictUtf8.GetBytes(text, slot);
            slot[Size - 1] = (byte)(Inline | bytes);
            return;
        }
        BinaryPrimitives.WriteInt64LittleEndian(slot, arena.Add(text));
        slot[Size - 1] = InArena;
    }

    /// <summary>Marks <paramref name="slot"/> as a missing value.</summary>
    public static void PackMissing(Span<byte> slot)
    {
        slot.Clear();
        slot[Size - 1] = Missing;
    }

    /// <summary>The string in <paramref name="slot"/>, or null for a missing value.</summary>
    /// <exception cref="InvalidOperationException">The bytes are no slot of this dtype.</exception>
    public static string? Unpack(ReadOnlySpan<byte> slot, StringArena arena)
    {
        System.Diagnostics.Debug.Assert(slot.Length == Size, "a StringDType slot is 16 bytes");
        // One snapshot: another thread may be writing the element, and a tag checked against bytes that then change
        // would decode something never written (or fail inside the decoder).
        Span<byte> snapshot = stackalloc byte[Size];
        slot[..Size].CopyTo(snapshot);
        byte tag = snapshot[Size - 1];
        ReadOnlySpan<byte> body = snapshot[..(Size - 1)];
        switch (tag)
        {
            case 0:
                return body.ContainsAnyExcept((byte)0) ? throw Corrupt() : "";
            case Missing:
                return body.ContainsAnyExcept((byte)0) ? throw Corrupt() : null;
            case InArena:
                return body[8..].ContainsAnyExcept((byte)0) ? throw Corrupt() : arena.Get(BinaryPrimitives.ReadInt64LittleEndian(body));
            case >= Inline and <= InlineMax:
                int length = tag & 0x0F;
                if (body[length..].ContainsAnyExcept((byte)0))
                    throw Corrupt();
                try
                {
                    return StrictUtf8.GetString(body[..length]);
                }
                catch (DecoderFallbackException)
                {
                    throw Corrupt();
                }
            default:
                throw Corrupt();
        }
    }

    /// <summary>The error for bytes that are not a StringDType element of the descriptor reading them.</summary>
    public static InvalidOperationException Corrupt() =>
        new("a StringDType element holds bytes that are not a string of its dtype (written through a raw view, or never initialised)");
}
