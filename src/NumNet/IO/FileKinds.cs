using static System.FormattableString;

namespace NumNet.IO;

/// <summary>What a file to load holds, judged from its first bytes.</summary>
internal enum FileKind
{
    /// <summary>A .npy array.</summary>
    Npy,

    /// <summary>A zip archive, taken as .npz.</summary>
    Npz,

    /// <summary>A Python pickle (protocol 2 or later), as <c>pickle.dump</c> writes one.</summary>
    Pickle,
}

/// <summary>Tells .npy, .npz and a Python pickle apart by the first bytes, as <c>np.load</c> does, and refuses everything else.</summary>
internal static class FileKinds
{
    private const int SniffLength = 6;

    /// <summary>The kind of a seekable stream's content; the position is restored.</summary>
    /// <exception cref="InvalidDataException">Neither kind.</exception>
    public static FileKind Sniff(Stream stream)
    {
        long start = stream.Position;
        Span<byte> head = stackalloc byte[SniffLength];
        int n = stream.ReadAtLeast(head, SniffLength, throwOnEndOfStream: false);
        stream.Position = start;
        return Classify(head[..n]);
    }

    /// <summary>The kind of any stream's content, and in <paramref name="replay"/> a stream that reads it from the start.</summary>
    /// <exception cref="InvalidDataException">Neither kind.</exception>
    public static FileKind Sniff(Stream stream, out Stream replay)
    {
        if (stream.CanSeek)
        {
            replay = stream;
            return Sniff(stream);
        }
        var head = new byte[SniffLength];
        int n = stream.ReadAtLeast(head, SniffLength, throwOnEndOfStream: false);
        replay = new PrefixedStream(head[..n], stream);
        return Classify(head.AsSpan(0, n));
    }

    private static FileKind Classify(ReadOnlySpan<byte> head)
    {
        // Local-file header, or the end record of an empty archive.
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
            return FileKind.Npz;
        if (head.StartsWith(NpyFormat.Magic))
            return FileKind.Npy;
        if (head.Length < SniffLength && head.Length > 0 && NpyFormat.Magic.StartsWith(head))
            throw new InvalidDataException(Invariant($"the .npy file is truncated: it ends inside the magic string ({head.Length} of 6 bytes)"));
        if (head.Length == 0)
            throw new InvalidDataException("the file is empty: neither .npy nor .npz");
        if (head[0] == 0x80)
            return FileKind.Pickle;
        throw new InvalidDataException(Invariant($"neither a .npy file nor a .npz archive (it starts with {Convert.ToHexString(head)})"));
    }
}
