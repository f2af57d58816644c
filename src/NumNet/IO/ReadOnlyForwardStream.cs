namespace NumNet.IO;

/// <summary>
/// The shape every read-only, forward-only wrapper stream of the IO layer shares: reads go through
/// <see cref="Read(Span{byte})"/>, and seeking, length, position and writing are not supported.
/// </summary>
internal abstract class ReadOnlyForwardStream : Stream
{
    public sealed override bool CanRead => true;
    public sealed override bool CanSeek => false;
    public sealed override bool CanWrite => false;
    public sealed override long Length => throw new NotSupportedException();
    public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads into <paramref name="buffer"/>; 0 at the end of the stream.</summary>
    public abstract override int Read(Span<byte> buffer);

    public sealed override void Flush() { }
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public sealed override void SetLength(long value) => throw new NotSupportedException();
    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
