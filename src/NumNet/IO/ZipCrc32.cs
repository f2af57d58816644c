using System.Buffers.Binary;

namespace NumNet.IO;

/// <summary>
/// The CRC-32 zip records for each member (the reflected IEEE 802.3 polynomial 0xEDB88320), computed eight bytes at
/// a step from tables built once ("slicing by 8"). The BCL has no public CRC-32, and the package that has one is not
/// available everywhere NumNet builds.
/// </summary>
internal static class ZipCrc32
{
    private const uint Polynomial = 0xEDB88320;

    // Table[k][b]: the CRC of byte b followed by k zero bytes; eight lookups then advance the CRC by eight bytes.
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/> continuing from <paramref name="crc"/> (0 for a fresh start).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        uint c = ~crc;
        while (data.Length >= 8)
        {
            uint lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            uint hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >> 8) & 0xFF)] ^ t[5 * 256 + ((lo >> 16) & 0xFF)] ^ t[4 * 256 + (lo >> 24)]
              ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >> 8) & 0xFF)] ^ t[256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
            data = data[8..];
        }
        foreach (byte b in data)
            c = t[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    private static uint[] BuildTable()
    {
        var t = new uint[8 * 256];
        for (uint b = 0; b < 256; b++)
        {
            uint c = b;
            for (int bit = 0; bit < 8; bit++)
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            t[b] = c;
        }
        for (int k = 1; k < 8; k++)
        {
            for (int b = 0; b < 256; b++)
            {
                uint prev = t[(k - 1) * 256 + b];
                t[k * 256 + b] = t[prev & 0xFF] ^ (prev >> 8);
            }
        }
        return t;
    }
}
