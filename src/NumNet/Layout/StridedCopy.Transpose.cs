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
/// <para>
/// Elements of 1, 2, 4, 8 and 16 bytes go through register tiles (<c>StridedCopy.Tiles.cs</c>) when the destination
/// row is contiguous; the scalar strip takes the edges, a strided destination and machines without SSE2 or AVX.
/// </para>
/// </remarks>
internal static partial class StridedCopy
{
    /// <summary>Rows per strip of the scalar kernel: one per way of an 8-way cache.</summary>
    private const int Strip = 8;

    /// <summary>How many source rows ahead the scalar kernel prefetches; enough to cover memory latency.</summary>
    private const int PrefetchRows = 8;

    /// <summary>
    /// Bytes each destination row receives per step of the walk when the result streams to memory: two whole lines.
    /// Measured on 1000² to 4096² float64 and float32: 128 beats 64, 256 and 512 by up to 2×.
    /// </summary>
    private const int StreamingBandBytes = 128;

    /// <summary>The same when the result stays in cache; measured on 256² to 800² float64, 256 is best.</summary>
    private const int CachedBandBytes = 256;

    /// <summary>
    /// A 2-d plane of a transpose: element (r, c) is at <c>src + r·itemsize + c·SrcCol</c> and at
    /// <c>dst + r·DstRow + c·DstCol</c>. Rows run along the source's contiguous axis, columns along the destination's
    /// innermost axis.
    /// </summary>
    internal readonly record struct Plane(long Rows, long Cols, nint SrcCol, nint DstRow, nint DstCol);

    /// <summary>
    /// Any element size and any destination stride: strips of 8 rows, one element at a time, with the next source rows
    /// prefetched.
    /// </summary>
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
    /// Elements of 1, 2, 4, 8 or 16 bytes with a contiguous destination row: whole tiles through register transposes
    /// (<c>StridedCopy.Tiles.cs</c>), the edges one element at a time. With <paramref name="streaming"/>, a tile that
    /// writes whole destination lines and 32-byte aligned destination rows, stores bypass the cache.
    /// </summary>
    internal static unsafe void TransposePlaneVector<T>(byte* src, byte* dst, Plane p, bool streaming) where T : unmanaged
    {
        switch (sizeof(T))
        {
            case 1: TransposeInLineBlocks<T, ByteTile, ByteLines>(src, dst, p, streaming); break;
            case 2: TransposeInLineBlocks<T, HalfWordTile, HalfWordLines>(src, dst, p, streaming); break;
            case 4: TransposeWith<T, WordTile>(src, dst, p, streaming); break;
            case 8: TransposeWith<T, DoubleWordTile>(src, dst, p, streaming); break;
            case 16: TransposeWith<T, QuadWordTile>(src, dst, p, streaming); break;
            default: throw new ArgumentException($"no transpose tile for {sizeof(T)}-byte elements");
        }
    }

    /// <summary>Whether <see cref="TransposePlaneVector{T}"/> handles elements of <typeparamref name="T"/>'s size here.</summary>
    internal static bool HasVectorTiles<T>() where T : unmanaged => Unsafe.SizeOf<T>() switch
    {
        1 or 2 => Sse2.IsSupported,
        4 or 8 or 16 => Avx.IsSupported,
        _ => false,
    };

    /// <summary>
    /// 1- and 2-byte elements: with AVX2, the whole line blocks of the plane through <see cref="LineBlockTile{TLines}"/>,
    /// then the two edges it leaves (fewer than a block's rows or columns) through the 16-byte <typeparamref name="TSmall"/>.
    /// </summary>
    private static unsafe void TransposeInLineBlocks<T, TSmall, TLines>(byte* src, byte* dst, Plane p, bool streaming)
        where T : unmanaged where TSmall : struct, ITransposeTile where TLines : struct, ILineBlock
    {
        int block = LineBlockTile<TLines>.Rows;
        long rowsB = p.Rows - p.Rows % block, colsB = p.Cols - p.Cols % block;
        if (!Avx2.IsSupported || rowsB == 0 || colsB == 0)
        {
            TransposeWith<T, TSmall>(src, dst, p, streaming);
            return;
        }
        TransposeWith<T, LineBlockTile<TLines>>(src, dst, p with { Rows = rowsB, Cols = colsB }, streaming);
        int size = sizeof(T);
        if (colsB < p.Cols)
            TransposeWith<T, TSmall>(src + colsB * p.SrcCol, dst + colsB * size, p with { Cols = p.Cols - colsB }, streaming);
        if (rowsB < p.Rows)
            TransposeWith<T, TSmall>(src + rowsB * size, dst + rowsB * p.DstRow, p with { Rows = p.Rows - rowsB, Cols = colsB }, streaming);
    }

    private static unsafe void TransposeWith<T, TTile>(byte* src, byte* dst, Plane p, bool streaming)
        where T : unmanaged where TTile : struct, ITransposeTile
    {
        if (streaming && TTile.WritesWholeLines && ((nint)dst & 31) == 0 && (p.DstRow & 31) == 0)
        {
            TransposeTiles<T, TTile, NonTemporalStore>(src, dst, p, Band<T, TTile>(StreamingBandBytes));
            Sse.StoreFence();
        }
        else
        {
            TransposeTiles<T, TTile, CachedStore>(src, dst, p, Band<T, TTile>(CachedBandBytes));
        }
    }

    // Plane columns per band: the bytes each destination row receives per step, in whole tiles.
    private static int Band<T, TTile>(int bytesPerRow) where T : unmanaged where TTile : struct, ITransposeTile =>
        Math.Max(1, bytesPerRow / Unsafe.SizeOf<T>() / TTile.Cols) * TTile.Cols;

    // The whole tiles band by band in source order (see the class remarks), then the edges one element at a time.
    private static unsafe void TransposeTiles<T, TTile, TStore>(byte* src, byte* dst, Plane p, int band)
        where T : unmanaged where TTile : struct, ITransposeTile where TStore : struct, IVectorStore
    {
        int size = sizeof(T);
        nint sc = p.SrcCol, dr = p.DstRow;
        long rowsT = p.Rows - p.Rows % TTile.Rows, colsT = p.Cols - p.Cols % TTile.Cols;
        for (long c0 = 0; c0 < colsT; c0 += band)
        {
            long cEnd = Math.Min(c0 + band, colsT);
            for (long r = 0; r < rowsT; r += TTile.Rows)
            {
                byte* s = src + r * size;
                byte* d = dst + r * dr;
                for (long c = c0; c < cEnd; c += TTile.Cols)
                    TTile.Copy<TStore>(s + c * sc, sc, d + c * size, dr);
            }
        }
        for (long c = colsT; c < p.Cols; c++)
        {
            for (long r = 0; r < rowsT; r++)
                Unsafe.WriteUnaligned(dst + r * dr + c * size, Unsafe.ReadUnaligned<T>(src + c * sc + r * size));
        }
        if (rowsT < p.Rows)
            TransposePlaneScalar<T>(src + rowsT * size, dst + rowsT * dr, p with { Rows = p.Rows - rowsT });
    }

    /// <summary>How a kernel writes a vector; a struct type argument, so the JIT compiles one loop per kind.</summary>
    internal interface IVectorStore
    {
        static abstract unsafe void Store(byte* address, Vector256<byte> value);
    }

    /// <summary>Ordinary stores, through the cache; any alignment.</summary>
    internal readonly struct CachedStore : IVectorStore
    {
        public static unsafe void Store(byte* address, Vector256<byte> value) => Avx.Store(address, value);
    }

    /// <summary>Non-temporal stores, around the cache; the address must be 32-byte aligned.</summary>
    internal readonly struct NonTemporalStore : IVectorStore
    {
        public static unsafe void Store(byte* address, Vector256<byte> value) => Avx.StoreAlignedNonTemporal(address, value);
    }
}
