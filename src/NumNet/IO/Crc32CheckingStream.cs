namespace NumNet.IO;

/// <summary>
/// A read-only pass-through over a zip member that hashes every byte it hands out, so that the reader can check the
/// member against the CRC-32 its directory records. .NET's zip reader does not check it, and a member whose CRC does
/// not match was damaged, or holds other data than its declared size says (a deflate stream that inflates past it).
/// </summary>
internal sealed class Crc32CheckingStream(Stream inner) : ReadOnlyForwardStream
{
    private uint _crc;

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads what is left (the caller stops at the end of the array; the declared size is what was hashed), then
    /// returns the CRC-32 of every byte of the member.
    /// </summary>
    public uint FinishAndGetCrc()
    {
        Span<byte> rest = stackalloc byte[4096];
        while (Read(rest) > 0)
        {
        }
        return _crc;
    }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        _crc = ZipCrc32.Append(_crc, buffer[..n]);
        BytesRead += n;
        return n;
    }
}
