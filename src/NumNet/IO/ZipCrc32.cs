using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumNet.IO;

/// <summary>
/// The CRC-32 zip records for each member (the reflected IEEE 802.3 polynomial 0xEDB88320). Long runs fold 64 bytes
/// a step with carry-less multiplication (PCLMULQDQ) and reduce to 32 bits with Barrett's method; the rest, and
/// machines without the instruction, go eight bytes a step through tables built once ("slicing by 8"). The BCL has
/// no public CRC-32, and the package that has one is not available everywhere NumNet builds.
/// </summary>
internal static class ZipCrc32
{
    private const uint Polynomial = 0xEDB88320;

    // Table[k][b]: the CRC of byte b followed by k zero bytes; eight lookups then advance the CRC by eight bytes.
    private static readonly uint[] Table = BuildTable();

    // Folding constants: x^(k) mod P for the distances folded (512±32 and 128±32 bits, then 64 and 32), bit-reflected
    // and shifted as the reflected domain needs; then P itself and Barrett's mu = floor(x^64 / P), both reflected.
    private const ulong Fold512Low = 0x154442BD4, Fold512High = 0x1C6E41596;
    private const ulong Fold128Low = 0x1751997D0, Fold128High = 0x0CCAA009E;
    private const ulong Fold64 = 0x163CD6124;
    private const ulong ReflectedP = 0x1DB710641, BarrettMu = 0x1F7011641;

    /// <summary>The CRC of <paramref name="data"/> continuing from <paramref name="crc"/> (0 for a fresh start).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        if (Pclmulqdq.IsSupported && Sse41.IsSupported && data.Length >= 64)
        {
            int folded = data.Length & ~15;
            c = Fold(c, data[..folded]);
            data = data[folded..];
        }
        return ~Tables(c, data);
    }

    /// <summary>Slicing by 8 over the inverted running state <paramref name="c"/>.</summary>
    private static uint Tables(uint c, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
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
        return c;
    }

    /// <summary>
    /// Carry-less folding over <paramref name="data"/> (at least 64 bytes, a multiple of 16) from the inverted running
    /// state <paramref name="c"/>; returns the inverted state after it.
    /// </summary>
    private static uint Fold(uint c, ReadOnlySpan<byte> data)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        // Four lanes of 128 bits; the running CRC enters as the first 32 bits of the message.
        var x1 = Vector128.LoadUnsafe(ref p).AsUInt64() ^ Vector128.CreateScalar(c).AsUInt64();
        var x2 = Vector128.LoadUnsafe(ref p, 16).AsUInt64();
        var x3 = Vector128.LoadUnsafe(ref p, 32).AsUInt64();
        var x4 = Vector128.LoadUnsafe(ref p, 48).AsUInt64();
        var k = Vector128.Create(Fold512Low, Fold512High);
        nuint at = 64;
        for (; (int)at + 64 <= length; at += 64)
        {
            x1 = FoldInto(x1, k, Vector128.LoadUnsafe(ref p, at).AsUInt64());
            x2 = FoldInto(x2, k, Vector128.LoadUnsafe(ref p, at + 16).AsUInt64());
            x3 = FoldInto(x3, k, Vector128.LoadUnsafe(ref p, at + 32).AsUInt64());
            x4 = FoldInto(x4, k, Vector128.LoadUnsafe(ref p, at + 48).AsUInt64());
        }
        // Fold the four lanes into one, then the remaining 16-byte blocks into it.
        k = Vector128.Create(Fold128Low, Fold128High);
        x1 = FoldInto(x1, k, x2);
        x1 = FoldInto(x1, k, x3);
        x1 = FoldInto(x1, k, x4);
        for (; (int)at + 16 <= length; at += 16)
            x1 = FoldInto(x1, k, Vector128.LoadUnsafe(ref p, at).AsUInt64());

        // 128 bits to 64: the low half moves up by the 128-bit fold constant's partner, then 64 to 32 bits.
        var low32 = Vector128.Create(0xFFFFFFFFUL, 0xFFFFFFFFUL);
        var y = Pclmulqdq.CarrylessMultiply(x1, k, 0x10) ^ Sse2.ShiftRightLogical128BitLane(x1, 8);
        var z = Pclmulqdq.CarrylessMultiply(y & low32, Vector128.CreateScalar(Fold64), 0x00) ^ Sse2.ShiftRightLogical128BitLane(y, 4);
        // Barrett reduction of the remaining 64 bits modulo P.
        var barrett = Vector128.Create(ReflectedP, BarrettMu);
        var q = Pclmulqdq.CarrylessMultiply(z & low32, barrett, 0x10) & low32;
        var r = z ^ Pclmulqdq.CarrylessMultiply(q, barrett, 0x00);
        return Sse41.Extract(r.AsUInt32(), 1);
    }

    // One lane folded forward over the next 128 bits of message: its halves times the two fold constants, plus the data.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldInto(Vector128<ulong> lane, Vector128<ulong> k, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(lane, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(lane, k, 0x11) ^ next;

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
