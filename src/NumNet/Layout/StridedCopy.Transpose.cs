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
    /// 1-, 4- and 8-byte elements with a contiguous destination row: whole tiles through register transposes, so every
    /// load and store moves 16 or 32 bytes. With <paramref name="streaming"/> and 32-byte aligned destination rows,
    /// 4- and 8-byte stores bypass the cache; byte tiles always go through it, since a tile writes only 16 bytes of
    /// each destination line (streaming them measured 1.5× slower).
    /// </summary>
    internal static unsafe void TransposePlaneVector<T>(byte* src, byte* dst, Plane p, bool streaming) where T : unmanaged
    {
        if (streaming && sizeof(T) > 1 && ((nint)dst & 31) == 0 && (p.DstRow & 31) == 0)
        {
            TransposeTiles<T, NonTemporalStore>(src, dst, p, StreamingBandBytes / sizeof(T));
            Sse.StoreFence();
        }
        else
        {
            TransposeTiles<T, CachedStore>(src, dst, p, CachedBandBytes / sizeof(T));
        }
    }

    /// <summary>Whether <see cref="TransposePlaneVector{T}"/> handles elements of <typeparamref name="T"/>'s size here.</summary>
    internal static bool HasVectorTiles<T>() where T : unmanaged => Unsafe.SizeOf<T>() switch
    {
        8 or 4 => Avx.IsSupported,
        1 => Sse2.IsSupported,
        _ => false,
    };

    // The whole tiles band by band in source order (see the class remarks), then the edges one element at a time.
    // A tile is 8 plane rows by 8 columns of 8-byte elements or 16 columns of 4-byte ones (64 bytes per destination
    // row), or 16 by 16 bytes.
    private static unsafe void TransposeTiles<T, TStore>(byte* src, byte* dst, Plane p, int band)
        where T : unmanaged where TStore : struct, IVectorStore
    {
        int size = sizeof(T);
        int tileRows = size == 1 ? 16 : 8, tileCols = size == 1 ? 16 : 64 / size;
        nint sc = p.SrcCol, dr = p.DstRow;
        long rowsT = p.Rows - p.Rows % tileRows, colsT = p.Cols - p.Cols % tileCols;
        for (long c0 = 0; c0 < colsT; c0 += band)
        {
            long cEnd = Math.Min(c0 + band, colsT);
            for (long r = 0; r < rowsT; r += tileRows)
            {
                byte* s = src + r * size;
                byte* d = dst + r * dr;
                for (long c = c0; c < cEnd; c += tileCols)
                {
                    if (size == 8)
                        Tile8x8<TStore>(s + c * sc, sc, d + c * size, dr);
                    else if (size == 4)
                        Tile8x16<TStore>(s + c * sc, sc, d + c * size, dr);
                    else
                        ByteTile16x16(s + c * sc, sc, d + c, dr);
                }
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

    // One 8×8 tile of 8-byte elements. Each destination row's 64 bytes are stored back to back, so a non-temporal
    // store fills its write-combining buffer at once instead of holding several half-written lines open.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Tile8x8<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
    {
        HalfTile<TStore>(s, sc, d, dr);
        HalfTile<TStore>(s + 32, sc, d + 4 * dr, dr);
    }

    // Four destination rows of an 8-byte tile: the left half from source rows 0–3, the right half from rows 4–7.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void HalfTile<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
    {
        Transpose4x4(s, sc, out var l0, out var l1, out var l2, out var l3);
        Transpose4x4(s + 4 * sc, sc, out var r0, out var r1, out var r2, out var r3);
        StoreRow<TStore>(d, l0.AsByte(), r0.AsByte());
        StoreRow<TStore>(d + dr, l1.AsByte(), r1.AsByte());
        StoreRow<TStore>(d + 2 * dr, l2.AsByte(), r2.AsByte());
        StoreRow<TStore>(d + 3 * dr, l3.AsByte(), r3.AsByte());
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

    // One 8×16 tile of 4-byte elements: two 8×8 register transposes, source rows 0–7 and 8–15, whose rows are then
    // stored as the two halves of each destination line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Tile8x16<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
    {
        var left = Transpose8x8(s, sc);
        var right = Transpose8x8(s + 8 * sc, sc);
        for (int r = 0; r < 8; r++)
            StoreRow<TStore>(d + r * dr, left[r].AsByte(), right[r].AsByte());
    }

    /// <summary>Eight 8-float vectors, the rows of a transposed tile.</summary>
    [InlineArray(8)]
    private struct Rows8
    {
        private Vector256<float> _row;
    }

    // Pairs, then quads, then 128-bit lanes: after the three steps row k holds element k of every source row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Rows8 Transpose8x8(byte* s, nint sc)
    {
        var r0 = Avx.LoadVector256((float*)s);
        var r1 = Avx.LoadVector256((float*)(s + sc));
        var r2 = Avx.LoadVector256((float*)(s + 2 * sc));
        var r3 = Avx.LoadVector256((float*)(s + 3 * sc));
        var r4 = Avx.LoadVector256((float*)(s + 4 * sc));
        var r5 = Avx.LoadVector256((float*)(s + 5 * sc));
        var r6 = Avx.LoadVector256((float*)(s + 6 * sc));
        var r7 = Avx.LoadVector256((float*)(s + 7 * sc));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Rows8 o = default;
        o[0] = Avx.Permute2x128(u0, u4, 0x20);
        o[1] = Avx.Permute2x128(u1, u5, 0x20);
        o[2] = Avx.Permute2x128(u2, u6, 0x20);
        o[3] = Avx.Permute2x128(u3, u7, 0x20);
        o[4] = Avx.Permute2x128(u0, u4, 0x31);
        o[5] = Avx.Permute2x128(u1, u5, 0x31);
        o[6] = Avx.Permute2x128(u2, u6, 0x31);
        o[7] = Avx.Permute2x128(u3, u7, 0x31);
        return o;
    }

    /// <summary>Sixteen 16-byte vectors: the rows of a byte tile, at each step of its transpose.</summary>
    [InlineArray(16)]
    private struct Rows16
    {
        private Vector128<byte> _row;
    }

    // A 16×16 byte tile: interleave bytes, then 2-, 4- and 8-byte groups of row pairs; after the four steps each vector
    // holds one source column.
    private static unsafe void ByteTile16x16(byte* s, nint sc, byte* d, nint dr)
    {
        Rows16 a = default, b = default;
        for (int i = 0; i < 16; i++)
            a[i] = Sse2.LoadVector128(s + i * sc);
        // b[2i], b[2i+1]: rows 2i and 2i+1 interleaved, columns 0–7 and 8–15.
        for (int i = 0; i < 8; i++)
        {
            b[2 * i] = Sse2.UnpackLow(a[2 * i], a[2 * i + 1]);
            b[2 * i + 1] = Sse2.UnpackHigh(a[2 * i], a[2 * i + 1]);
        }
        // a[4i + k]: rows 4i to 4i+3, columns 4k to 4k+3.
        for (int i = 0; i < 4; i++)
        {
            a[4 * i] = Sse2.UnpackLow(b[4 * i].AsUInt16(), b[4 * i + 2].AsUInt16()).AsByte();
            a[4 * i + 1] = Sse2.UnpackHigh(b[4 * i].AsUInt16(), b[4 * i + 2].AsUInt16()).AsByte();
            a[4 * i + 2] = Sse2.UnpackLow(b[4 * i + 1].AsUInt16(), b[4 * i + 3].AsUInt16()).AsByte();
            a[4 * i + 3] = Sse2.UnpackHigh(b[4 * i + 1].AsUInt16(), b[4 * i + 3].AsUInt16()).AsByte();
        }
        // b[8i + 2k + h]: rows 8i to 8i+7, columns 4k+2h and 4k+2h+1.
        for (int i = 0; i < 2; i++)
        {
            for (int k = 0; k < 4; k++)
            {
                b[8 * i + 2 * k] = Sse2.UnpackLow(a[8 * i + k].AsUInt32(), a[8 * i + 4 + k].AsUInt32()).AsByte();
                b[8 * i + 2 * k + 1] = Sse2.UnpackHigh(a[8 * i + k].AsUInt32(), a[8 * i + 4 + k].AsUInt32()).AsByte();
            }
        }
        for (int c = 0; c < 8; c++)
        {
            Sse2.Store(d + 2 * c * dr, Sse2.UnpackLow(b[c].AsUInt64(), b[8 + c].AsUInt64()).AsByte());
            Sse2.Store(d + (2 * c + 1) * dr, Sse2.UnpackHigh(b[c].AsUInt64(), b[8 + c].AsUInt64()).AsByte());
        }
    }

    // A destination row's 64 bytes, in two stores back to back.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreRow<TStore>(byte* d, Vector256<byte> left, Vector256<byte> right) where TStore : struct, IVectorStore
    {
        TStore.Store(d, left);
        TStore.Store(d + 32, right);
    }

    /// <summary>How a kernel writes a vector; a struct type argument, so the JIT compiles one loop per kind.</summary>
    private interface IVectorStore
    {
        static abstract unsafe void Store(byte* address, Vector256<byte> value);
    }

    /// <summary>Ordinary stores, through the cache; any alignment.</summary>
    private readonly struct CachedStore : IVectorStore
    {
        public static unsafe void Store(byte* address, Vector256<byte> value) => Avx.Store(address, value);
    }

    /// <summary>Non-temporal stores, around the cache; the address must be 32-byte aligned.</summary>
    private readonly struct NonTemporalStore : IVectorStore
    {
        public static unsafe void Store(byte* address, Vector256<byte> value) => Avx.StoreAlignedNonTemporal(address, value);
    }
}
