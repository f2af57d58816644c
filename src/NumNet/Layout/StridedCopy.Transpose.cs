using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumNet.Layout;

/// <summary>
/// The transpose kernels behind every order-changing copy.
/// </summary>
/// <remarks>
/// <para>
/// A plane is walked in the source's memory order: a band of a few source rows (plane columns) at a time, along their
/// contiguous axis. Each source row of the band is then a sequential stream that the hardware prefetchers follow,
/// and memory reads at full speed. Each step of the walk writes a short run to each of 8 destination rows, far apart.
/// Scattered writes are cheap when they cover whole cache lines: a full line written with a non-temporal store goes to
/// memory as it is, without first reading the line it replaces.
/// </para>
/// <para>
/// The other order, which fills 8 destination rows from start to end and reads one line from every source row in
/// turn, ran 2–4× slower on the benchmark machine (an AMD EPYC under KVM). Its reads jump 32 KiB at a time for a
/// 4096-wide float64 source, and no prefetcher follows that.
/// </para>
/// </remarks>
internal static partial class StridedCopy
{
    /// <summary>Rows per strip of the scalar kernel: one per way of an 8-way cache.</summary>
    private const int Strip = 8;

    /// <summary>How many source rows ahead the scalar kernel prefetches; enough to cover memory latency.</summary>
    private const int PrefetchRows = 8;

    /// <summary>
    /// Source rows read together when the result streams to memory: two tiles, so each destination row gets
    /// 128 bytes (two whole lines) per step. Measured on 1000² to 4096² float64: 16 beats 8, 32 and 64 by 1.5–2×.
    /// </summary>
    private const int StreamingBand = 16;

    /// <summary>Source rows read together when the result stays in cache. Measured on 256² to 800²: 32 is best.</summary>
    private const int CachedBand = 32;

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
    /// 8-byte elements with a contiguous destination row: 8×8 tiles, each built from four 4×4 register transposes so
    /// every load and store moves 32 bytes. With <paramref name="streaming"/> and 32-byte aligned destination rows,
    /// stores bypass the cache.
    /// </summary>
    internal static unsafe void TransposePlane8Avx(byte* src, byte* dst, Plane p, bool streaming)
    {
        if (streaming && ((nint)dst & 31) == 0 && (p.DstRow & 31) == 0)
        {
            TransposeTiles8<NonTemporalStore>(src, dst, p, StreamingBand);
            Sse.StoreFence();
        }
        else
        {
            TransposeTiles8<CachedStore>(src, dst, p, CachedBand);
        }
    }

    // The whole 8×8 tiles band by band in source order (see the class remarks), then the edges one element at a time.
    private static unsafe void TransposeTiles8<TStore>(byte* src, byte* dst, Plane p, int band) where TStore : struct, IVectorStore
    {
        nint sc = p.SrcCol, dr = p.DstRow;
        long rows8 = p.Rows & ~7L, cols8 = p.Cols & ~7L;
        for (long c0 = 0; c0 < cols8; c0 += band)
        {
            long cEnd = Math.Min(c0 + band, cols8);
            for (long r = 0; r < rows8; r += 8)
            {
                byte* s = src + r * 8;
                byte* d = dst + r * dr;
                for (long c = c0; c < cEnd; c += 8)
                    Tile8x8<TStore>(s + c * sc, sc, d + c * 8, dr);
            }
        }
        for (long c = cols8; c < p.Cols; c++)
        {
            for (long r = 0; r < rows8; r++)
                *(ulong*)(dst + r * dr + c * 8) = *(ulong*)(src + c * sc + r * 8);
        }
        if (rows8 < p.Rows)
            TransposePlaneScalar<ulong>(src + rows8 * 8, dst + rows8 * dr, p with { Rows = p.Rows - rows8 });
    }

    // One 8×8 tile. Each destination row's 64 bytes are stored back to back, so a non-temporal store fills its
    // write-combining buffer at once instead of holding several half-written lines open across the tile.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Tile8x8<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
    {
        HalfTile<TStore>(s, sc, d, dr);
        HalfTile<TStore>(s + 32, sc, d + 4 * dr, dr);
    }

    // Four destination rows of a tile: the left half from source rows 0–3, the right half from rows 4–7.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void HalfTile<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
    {
        Transpose4x4(s, sc, out var l0, out var l1, out var l2, out var l3);
        Transpose4x4(s + 4 * sc, sc, out var r0, out var r1, out var r2, out var r3);
        TStore.Store((double*)d, l0);
        TStore.Store((double*)(d + 32), r0);
        TStore.Store((double*)(d + dr), l1);
        TStore.Store((double*)(d + dr + 32), r1);
        TStore.Store((double*)(d + 2 * dr), l2);
        TStore.Store((double*)(d + 2 * dr + 32), r2);
        TStore.Store((double*)(d + 3 * dr), l3);
        TStore.Store((double*)(d + 3 * dr + 32), r3);
    }

    // Rows a, b, c, e of the source become columns: unpack pairs within 128-bit lanes, then swap lanes across.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Transpose4x4(byte* s, nint sc,
        out Vector256<double> o0, out Vector256<double> o1, out Vector256<double> o2, out Vector256<double> o3)
    {
        var a = Avx.LoadVector256((double*)s);
        var b = Avx.LoadVector256((double*)(s + sc));
        var c = Avx.LoadVector256((double*)(s + 2 * sc));
        var e = Avx.LoadVector256((double*)(s + 3 * sc));
        var ab0 = Avx.UnpackLow(a, b);   // a0 b0 a2 b2
        var ab1 = Avx.UnpackHigh(a, b);  // a1 b1 a3 b3
        var ce0 = Avx.UnpackLow(c, e);   // c0 e0 c2 e2
        var ce1 = Avx.UnpackHigh(c, e);  // c1 e1 c3 e3
        o0 = Avx.Permute2x128(ab0, ce0, 0x20);
        o1 = Avx.Permute2x128(ab1, ce1, 0x20);
        o2 = Avx.Permute2x128(ab0, ce0, 0x31);
        o3 = Avx.Permute2x128(ab1, ce1, 0x31);
    }

    /// <summary>How a kernel writes a vector; a struct type argument, so the JIT compiles one loop per kind.</summary>
    private interface IVectorStore
    {
        static abstract unsafe void Store(double* address, Vector256<double> value);
    }

    /// <summary>Ordinary stores, through the cache; any alignment.</summary>
    private readonly struct CachedStore : IVectorStore
    {
        public static unsafe void Store(double* address, Vector256<double> value) => Avx.Store(address, value);
    }

    /// <summary>Non-temporal stores, around the cache; the address must be 32-byte aligned.</summary>
    private readonly struct NonTemporalStore : IVectorStore
    {
        public static unsafe void Store(double* address, Vector256<double> value) => Avx.StoreAlignedNonTemporal(address, value);
    }
}
