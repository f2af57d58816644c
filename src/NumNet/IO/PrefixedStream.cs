namespace NumNet.IO;

/// <summary>
/// A read-only stream that replays bytes already taken from a non-seekable stream, then continues with it: how
/// <c>np.load</c> sniffs the file kind of a pipe without losing its first bytes.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ReadOnlyForwardStream
{
    private int _prefixPos;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }
        return rest.Read(buffer);
    }
}
