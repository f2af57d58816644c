using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumNet.Layout;

/// <summary>
/// The transpose kernels behind every order-changing copy.
/// </summary>
/// <remarks>
/// A plane is copied as strips of 8 rows along the source's contiguous axis. Walking a strip reads one cache line (or
/// part of one) per source row and appends to 8 destination rows, so the work needs no reuse from the cache at all:
/// each source line is fetched once and each destination line is filled while it is one of only 8 open ones. That
/// matters because transposes usually have power-of-two strides (a 4096-wide float64 row is 32 KiB), which map every
/// row to the same cache set; square cache blocks then evict themselves, while 8 lines fit the 8-way L1 and L2.
/// </remarks>
internal static partial class StridedCopy
{
    /// <summary>Rows per strip: one per way of an 8-way cache, see the remarks on the class.</summary>
    private const int Strip = 8;

    /// <summary>How many source rows ahead the scalar kernel prefetches; enough to cover memory latency.</summary>
    private const int PrefetchRows = 8;

    /// <summary>
    /// A 2-d plane of a transpose: element (r, c) is at <c>src + r·itemsize + c·SrcCol</c> and at
    /// <c>dst + r·DstRow + c·DstCol</c>. Rows run along the source's contiguous axis, columns along the destination's
    /// innermost axis.
    /// </summary>
    internal readonly record struct Plane(long Rows, long Cols, nint SrcCol, nint DstRow, nint DstCol);

    /// <summary>Any element size: strips of 8 rows, one element at a time, with the next source rows prefetched.</summary>
    internal static unsafe void TransposePlaneScalar<T>(byte* src, byte* dst, Plane p) where T : unmanaged
    {
        int size = sizeof(T);
        nint sc = p.SrcCol, dr = p.DstRow, dc = p.DstCol;
        for (long r0 = 0; r0 < p.Rows; r0 += Strip)
        {
            int h = (int)Math.Min(Strip, p.Rows - r0);
            byte* s = src + r0 * size;
            byte* d = dst + r0 * dr;
            for (long c = 0; c < p.Cols; c++)
            {
                // The hardware prefetchers do not follow a 32 KiB stride far enough ahead; a prefetch never faults,
                // even past the end of the array.
                if (Sse.IsSupported)
                    Sse.Prefetch0(s + PrefetchRows * sc);
                byte* dd = d;
                for (int r = 0; r < h; r++)
                {
                    Unsafe.WriteUnaligned(dd, Unsafe.ReadUnaligned<T>(s + r * size));
                    dd += dr;
                }
                s += sc;
                d += dc;
            }
        }
    }

    /// <summary>
    /// 8-byte elements with a contiguous destination row: 8×8 tiles, each four 4×4 register transposes, so every
    /// load and store moves 32 bytes. With <paramref name="streaming"/> and 32-byte aligned rows, stores bypass the
    /// cache.
    /// </summary>
    internal static unsafe void TransposePlane8Avx(byte* src, byte* dst, Plane p, bool streaming)
    {
        nint sc = p.SrcCol, dr = p.DstRow;
        bool nt = streaming && ((nint)dst & 31) == 0 && (dr & 31) == 0;
        long rows8 = p.Rows & ~7L, cols8 = p.Cols & ~7L;
        for (long r0 = 0; r0 < rows8; r0 += Strip)
        {
            byte* s = src + r0 * 8;
            byte* d = dst + r0 * dr;
            long c = 0;
            if (nt)
            {
                for (; c < cols8; c += 8)
                    Tile8x8(s + c * sc, sc, d + c * 8, dr, nonTemporal: true);
            }
            else
            {
                for (; c < cols8; c += 8)
                    Tile8x8(s + c * sc, sc, d + c * 8, dr, nonTemporal: false);
            }
            for (; c < p.Cols; c++)
            {
                for (int r = 0; r < Strip; r++)
                    *(ulong*)(d + r * dr + c * 8) = *(ulong*)(s + c * sc + r * 8);
            }
        }
        if (nt)
            Sse.StoreFence();
        if (rows8 < p.Rows)
            TransposePlaneScalar<ulong>(src + rows8 * 8, dst + rows8 * dr, p with { Rows = p.Rows - rows8 });
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Tile8x8(byte* s, nint sc, byte* d, nint dr, bool nonTemporal)
    {
        Tile4x4(s, sc, d, dr, nonTemporal);
        Tile4x4(s + 32, sc, d + 4 * dr, dr, nonTemporal);
        Tile4x4(s + 4 * sc, sc, d + 32, dr, nonTemporal);
        Tile4x4(s + 4 * sc + 32, sc, d + 4 * dr + 32, dr, nonTemporal);
    }

    // Rows a, b, c, d of the source become columns: unpack pairs within 128-bit lanes, then swap lanes across.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Tile4x4(byte* s, nint sc, byte* d, nint dr, bool nonTemporal)
    {
        var a = Avx.LoadVector256((double*)s);
        var b = Avx.LoadVector256((double*)(s + sc));
        var c = Avx.LoadVector256((double*)(s + 2 * sc));
        var e = Avx.LoadVector256((double*)(s + 3 * sc));
        var ab0 = Avx.UnpackLow(a, b);   // a0 b0 a2 b2
        var ab1 = Avx.UnpackHigh(a, b);  // a1 b1 a3 b3
        var ce0 = Avx.UnpackLow(c, e);   // c0 e0 c2 e2
        var ce1 = Avx.UnpackHigh(c, e);  // c1 e1 c3 e3
        var o0 = Avx.Permute2x128(ab0, ce0, 0x20);
        var o1 = Avx.Permute2x128(ab1, ce1, 0x20);
        var o2 = Avx.Permute2x128(ab0, ce0, 0x31);
        var o3 = Avx.Permute2x128(ab1, ce1, 0x31);
        if (nonTemporal)
        {
            Avx.StoreAlignedNonTemporal((double*)d, o0);
            Avx.StoreAlignedNonTemporal((double*)(d + dr), o1);
            Avx.StoreAlignedNonTemporal((double*)(d + 2 * dr), o2);
            Avx.StoreAlignedNonTemporal((double*)(d + 3 * dr), o3);
        }
        else
        {
            Avx.Store((double*)d, o0);
            Avx.Store((double*)(d + dr), o1);
            Avx.Store((double*)(d + 2 * dr), o2);
            Avx.Store((double*)(d + 3 * dr), o3);
        }
    }
}
