using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumNet.Internal;

namespace NumNet.Layout;

/// <summary>
/// The register tiles of the transpose kernels, one per element size. A tile reads <see cref="ITransposeTile.Cols"/>
/// source rows of <see cref="ITransposeTile.Rows"/> elements each and writes them as that many destination rows.
/// </summary>
internal static partial class StridedCopy
{
    /// <summary>One register transpose of a small block; a struct type argument, so the JIT compiles one loop per tile.</summary>
    internal interface ITransposeTile
    {
        /// <summary>Plane rows per tile: elements read from each source row, destination rows written.</summary>
        static abstract int Rows { get; }

        /// <summary>Plane columns per tile: source rows read, elements written to each destination row.</summary>
        static abstract int Cols { get; }

        /// <summary>
        /// True when each destination row gets a whole 64-byte line in two 32-byte stores, which may then be
        /// non-temporal; false for tiles that store 16 bytes per row through the cache whatever store is asked for.
        /// </summary>
        static abstract bool WritesWholeLines { get; }

        /// <summary>Transposes the tile whose first source row is at <paramref name="s"/> into <paramref name="d"/>.</summary>
        static abstract unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore;
    }

    /// <summary>16×16 bytes: interleave bytes, then 2-, 4- and 8-byte groups of row pairs.</summary>
    internal readonly struct ByteTile : ITransposeTile
    {
        public static int Rows => 16;
        public static int Cols => 16;
        public static bool WritesWholeLines => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
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
            // b[8i + m]: rows 8i to 8i+7, columns 2m and 2m+1.
            for (int i = 0; i < 2; i++)
            {
                for (int k = 0; k < 4; k++)
                {
                    b[8 * i + 2 * k] = Sse2.UnpackLow(a[8 * i + k].AsUInt32(), a[8 * i + 4 + k].AsUInt32()).AsByte();
                    b[8 * i + 2 * k + 1] = Sse2.UnpackHigh(a[8 * i + k].AsUInt32(), a[8 * i + 4 + k].AsUInt32()).AsByte();
                }
            }
            for (int m = 0; m < 8; m++)
            {
                Sse2.Store(d + 2 * m * dr, Sse2.UnpackLow(b[m].AsUInt64(), b[8 + m].AsUInt64()).AsByte());
                Sse2.Store(d + (2 * m + 1) * dr, Sse2.UnpackHigh(b[m].AsUInt64(), b[8 + m].AsUInt64()).AsByte());
            }
        }
    }

    /// <summary>8×8 two-byte elements: interleave elements, then pairs, then halves of row groups.</summary>
    internal readonly struct HalfWordTile : ITransposeTile
    {
        public static int Rows => 8;
        public static int Cols => 8;
        public static bool WritesWholeLines => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            Rows16 a = default, b = default;
            for (int i = 0; i < 8; i++)
                a[i] = Sse2.LoadVector128(s + i * sc);
            // b[2i], b[2i+1]: rows 2i and 2i+1 interleaved, columns 0–3 and 4–7.
            for (int i = 0; i < 4; i++)
            {
                b[2 * i] = Sse2.UnpackLow(a[2 * i].AsUInt16(), a[2 * i + 1].AsUInt16()).AsByte();
                b[2 * i + 1] = Sse2.UnpackHigh(a[2 * i].AsUInt16(), a[2 * i + 1].AsUInt16()).AsByte();
            }
            // a[4i + k]: rows 4i to 4i+3, columns 2k and 2k+1.
            for (int i = 0; i < 2; i++)
            {
                a[4 * i] = Sse2.UnpackLow(b[4 * i].AsUInt32(), b[4 * i + 2].AsUInt32()).AsByte();
                a[4 * i + 1] = Sse2.UnpackHigh(b[4 * i].AsUInt32(), b[4 * i + 2].AsUInt32()).AsByte();
                a[4 * i + 2] = Sse2.UnpackLow(b[4 * i + 1].AsUInt32(), b[4 * i + 3].AsUInt32()).AsByte();
                a[4 * i + 3] = Sse2.UnpackHigh(b[4 * i + 1].AsUInt32(), b[4 * i + 3].AsUInt32()).AsByte();
            }
            for (int k = 0; k < 4; k++)
            {
                Sse2.Store(d + 2 * k * dr, Sse2.UnpackLow(a[k].AsUInt64(), a[4 + k].AsUInt64()).AsByte());
                Sse2.Store(d + (2 * k + 1) * dr, Sse2.UnpackHigh(a[k].AsUInt64(), a[4 + k].AsUInt64()).AsByte());
            }
        }
    }

    /// <summary>8×16 four-byte elements: two 8×8 register transposes, source rows 0–7 and 8–15.</summary>
    /// <remarks>No vector of a tile may live on the stack (see <see cref="Copy{TStore}"/>).</remarks>
    internal readonly struct WordTile : ITransposeTile
    {
        public static int Rows => 8;
        public static int Cols => 16;
        public static bool WritesWholeLines => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            // Each 8×8 half is stored as soon as it is transposed, the left 32 bytes of the 8 destination rows, then
            // the right 32 (the write-combining buffers join the halves of a non-temporal line). Holding both halves
            // for back-to-back stores needs more than the 16 vector registers, and whatever does not fit goes to the
            // stack, which .NET aligns to 16 bytes only: in one process in three or four the 32-byte slots crossed a
            // cache line, and the float32 transpose ran three times slower for that process's whole life (18-20 ms
            // against 6-7 for 4096², docs/performance.md).
            StoreHalves<TStore>(s, sc, d, dr);
            StoreHalves<TStore>(s + 8 * sc, sc, d + 32, dr);
        }

        // One 8×8 half: source rows 0–7 from s become 32 bytes of each of the 8 destination rows from d.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void StoreHalves<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            Unpack8x8(s, sc, out var l0, out var l1, out var l2, out var l3, out var l4, out var l5, out var l6, out var l7);
            TStore.Store(d, Avx.Permute2x128(l0, l4, 0x20).AsByte());
            TStore.Store(d + dr, Avx.Permute2x128(l1, l5, 0x20).AsByte());
            TStore.Store(d + 2 * dr, Avx.Permute2x128(l2, l6, 0x20).AsByte());
            TStore.Store(d + 3 * dr, Avx.Permute2x128(l3, l7, 0x20).AsByte());
            TStore.Store(d + 4 * dr, Avx.Permute2x128(l0, l4, 0x31).AsByte());
            TStore.Store(d + 5 * dr, Avx.Permute2x128(l1, l5, 0x31).AsByte());
            TStore.Store(d + 6 * dr, Avx.Permute2x128(l2, l6, 0x31).AsByte());
            TStore.Store(d + 7 * dr, Avx.Permute2x128(l3, l7, 0x31).AsByte());
        }

        // Pairs, then quads, within 128-bit lanes: for k < 4, u_k holds element k of source rows 0–3 in its low lane and
        // element 4 + k of them in its high lane, u_(4+k) the same of rows 4–7; one lane permute per row then finishes.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Unpack8x8(byte* s, nint sc,
            out Vector256<float> u0, out Vector256<float> u1, out Vector256<float> u2, out Vector256<float> u3,
            out Vector256<float> u4, out Vector256<float> u5, out Vector256<float> u6, out Vector256<float> u7)
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
            u0 = Avx.Shuffle(t0, t2, 0x44);
            u1 = Avx.Shuffle(t0, t2, 0xEE);
            u2 = Avx.Shuffle(t1, t3, 0x44);
            u3 = Avx.Shuffle(t1, t3, 0xEE);
            u4 = Avx.Shuffle(t4, t6, 0x44);
            u5 = Avx.Shuffle(t4, t6, 0xEE);
            u6 = Avx.Shuffle(t5, t7, 0x44);
            u7 = Avx.Shuffle(t5, t7, 0xEE);
        }
    }

    /// <summary>8×8 eight-byte elements: four 4×4 register transposes.</summary>
    internal readonly struct DoubleWordTile : ITransposeTile
    {
        public static int Rows => 8;
        public static int Cols => 8;
        public static bool WritesWholeLines => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            HalfTile<TStore>(s, sc, d, dr);
            HalfTile<TStore>(s + 32, sc, d + 4 * dr, dr);
        }

        // Four destination rows: the left half from source rows 0–3, the right half from rows 4–7.
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
    }

    /// <summary>4×4 sixteen-byte elements: each 32-byte load holds two, so lane swaps alone transpose the tile.</summary>
    internal readonly struct QuadWordTile : ITransposeTile
    {
        public static int Rows => 4;
        public static int Cols => 4;
        public static bool WritesWholeLines => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            // Source row k holds elements 0–1 of its run in a[k] and 2–3 in b[k].
            var a0 = Avx.LoadVector256(s);
            var a1 = Avx.LoadVector256(s + sc);
            var a2 = Avx.LoadVector256(s + 2 * sc);
            var a3 = Avx.LoadVector256(s + 3 * sc);
            var b0 = Avx.LoadVector256(s + 32);
            var b1 = Avx.LoadVector256(s + sc + 32);
            var b2 = Avx.LoadVector256(s + 2 * sc + 32);
            var b3 = Avx.LoadVector256(s + 3 * sc + 32);
            StoreRow<TStore>(d, Avx.Permute2x128(a0, a1, 0x20), Avx.Permute2x128(a2, a3, 0x20));
            StoreRow<TStore>(d + dr, Avx.Permute2x128(a0, a1, 0x31), Avx.Permute2x128(a2, a3, 0x31));
            StoreRow<TStore>(d + 2 * dr, Avx.Permute2x128(b0, b1, 0x20), Avx.Permute2x128(b2, b3, 0x20));
            StoreRow<TStore>(d + 3 * dr, Avx.Permute2x128(b0, b1, 0x31), Avx.Permute2x128(b2, b3, 0x31));
        }
    }

    /// <summary>
    /// A block of whole cache lines for 1- and 2-byte elements (AVX2): 64 source rows of 64 bytes, or 32 of 32
    /// elements, transposed between two staging blocks by <typeparamref name="TLines"/>, then every destination row gets
    /// its 64 bytes in two stores back to back (so they may be non-temporal).
    /// </summary>
    /// <remarks>
    /// The source rows of a block are read whole, one line each, into the first staging block: the rows of a narrow
    /// plane are often 4 KiB apart (a 4096-wide uint8 source), so all of them fall in one set of the L1 cache, and a row
    /// read 16 bytes at a time (the 16×16 <see cref="ByteTile"/>) had left the cache before its next 16 bytes were read.
    /// The staging blocks are contiguous and stay in L1. Each source row's line after next is prefetched into L2 only:
    /// in L1 the prefetched lines would fall in the same set again and evict each other.
    /// </remarks>
    internal readonly struct LineBlockTile<TLines> : ITransposeTile where TLines : struct, ILineBlock
    {
        public static int Rows => Line / TLines.ElementSize;
        public static int Cols => Line / TLines.ElementSize;
        public static bool WritesWholeLines => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        [SkipLocalsInit]
        public static unsafe void Copy<TStore>(byte* s, nint sc, byte* d, nint dr) where TStore : struct, IVectorStore
        {
            // Each staged row must be one cache line (Internal/CacheLine.cs): the blocks have a line of slack and
            // start at the first boundary in it.
            StagingBlocks blocks;
            byte* a = CacheLine.Align((byte*)&blocks), b = a + StagingBytes;
            for (int k = 0; k < Cols; k++)
            {
                byte* row = s + k * sc;
                Sse.Prefetch1(row + 2 * Line);
                Avx.Store(a + k * Line, Avx.LoadVector256(row));
                Avx.Store(a + k * Line + 32, Avx.LoadVector256(row + 32));
            }
            TLines.Transpose(a, b);
            for (int r = 0; r < Rows; r++)
                StoreRow<TStore>(d + r * dr, Avx.LoadVector256(b + r * Line), Avx.LoadVector256(b + r * Line + 32));
        }
    }

    /// <summary>The register transpose of a <see cref="LineBlockTile{TLines}"/>: staging block to staging block, both 64 bytes a row.</summary>
    internal interface ILineBlock
    {
        /// <summary>Bytes per element.</summary>
        static abstract int ElementSize { get; }

        /// <summary>Transposes the block at <paramref name="a"/> (source rows) into <paramref name="b"/> (destination rows).</summary>
        static abstract unsafe void Transpose(byte* a, byte* b);
    }

    /// <summary>
    /// 64×64 bytes in eight 16×32 steps: 16 rows of 32 bytes go through the unpack chain of <see cref="ByteTile"/> in
    /// both 128-bit lanes at once, so each step transposes two 16×16 tiles side by side.
    /// </summary>
    internal readonly struct ByteLines : ILineBlock
    {
        public static int ElementSize => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Transpose(byte* a, byte* b)
        {
            for (int j = 0; j < 64; j += 16)
            {
                Transpose16Rows(a + j * Line, b + j);
                Transpose16Rows(a + j * Line + 32, b + 32 * Line + j);
            }
        }

        // Bytes, then 2-, 4- and 8-byte groups of row pairs; destination row c ends in the register whose number is
        // c with its four bits reversed, lane 0 for row c and lane 1 for row 16 + c.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Transpose16Rows(byte* a, byte* b)
        {
            LoadRows(a, out var r0, out var r1, out var r2, out var r3, out var r4, out var r5, out var r6, out var r7);
            LoadRows(a + 8 * Line, out var r8, out var r9, out var r10, out var r11, out var r12, out var r13, out var r14, out var r15);
            Interleave8(ref r0, ref r1); Interleave8(ref r2, ref r3); Interleave8(ref r4, ref r5); Interleave8(ref r6, ref r7);
            Interleave8(ref r8, ref r9); Interleave8(ref r10, ref r11); Interleave8(ref r12, ref r13); Interleave8(ref r14, ref r15);
            Interleave16(ref r0, ref r2); Interleave16(ref r1, ref r3); Interleave16(ref r4, ref r6); Interleave16(ref r5, ref r7);
            Interleave16(ref r8, ref r10); Interleave16(ref r9, ref r11); Interleave16(ref r12, ref r14); Interleave16(ref r13, ref r15);
            Interleave32(ref r0, ref r4); Interleave32(ref r1, ref r5); Interleave32(ref r2, ref r6); Interleave32(ref r3, ref r7);
            Interleave32(ref r8, ref r12); Interleave32(ref r9, ref r13); Interleave32(ref r10, ref r14); Interleave32(ref r11, ref r15);
            Interleave64(ref r0, ref r8); Interleave64(ref r1, ref r9); Interleave64(ref r2, ref r10); Interleave64(ref r3, ref r11);
            Interleave64(ref r4, ref r12); Interleave64(ref r5, ref r13); Interleave64(ref r6, ref r14); Interleave64(ref r7, ref r15);
            StoreLanes(16, b + 0 * Line, r0); StoreLanes(16, b + 1 * Line, r8); StoreLanes(16, b + 2 * Line, r4); StoreLanes(16, b + 3 * Line, r12);
            StoreLanes(16, b + 4 * Line, r2); StoreLanes(16, b + 5 * Line, r10); StoreLanes(16, b + 6 * Line, r6); StoreLanes(16, b + 7 * Line, r14);
            StoreLanes(16, b + 8 * Line, r1); StoreLanes(16, b + 9 * Line, r9); StoreLanes(16, b + 10 * Line, r5); StoreLanes(16, b + 11 * Line, r13);
            StoreLanes(16, b + 12 * Line, r3); StoreLanes(16, b + 13 * Line, r11); StoreLanes(16, b + 14 * Line, r7); StoreLanes(16, b + 15 * Line, r15);
        }
    }

    /// <summary>32×32 two-byte elements in eight 8×16 steps, both lanes of each step an 8×8 tile of <see cref="HalfWordTile"/>'s chain.</summary>
    internal readonly struct HalfWordLines : ILineBlock
    {
        public static int ElementSize => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Transpose(byte* a, byte* b)
        {
            for (int j = 0; j < 32; j += 8)
            {
                Transpose8Rows(a + j * Line, b + 2 * j);
                Transpose8Rows(a + j * Line + 32, b + 16 * Line + 2 * j);
            }
        }

        // Elements, then pairs and quads of row pairs; destination row c ends in the register whose number is c with
        // its three bits reversed, lane 0 for row c and lane 1 for row 8 + c.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Transpose8Rows(byte* a, byte* b)
        {
            LoadRows(a, out var r0, out var r1, out var r2, out var r3, out var r4, out var r5, out var r6, out var r7);
            Interleave16(ref r0, ref r1); Interleave16(ref r2, ref r3); Interleave16(ref r4, ref r5); Interleave16(ref r6, ref r7);
            Interleave32(ref r0, ref r2); Interleave32(ref r1, ref r3); Interleave32(ref r4, ref r6); Interleave32(ref r5, ref r7);
            Interleave64(ref r0, ref r4); Interleave64(ref r1, ref r5); Interleave64(ref r2, ref r6); Interleave64(ref r3, ref r7);
            StoreLanes(8, b + 0 * Line, r0); StoreLanes(8, b + 1 * Line, r4); StoreLanes(8, b + 2 * Line, r2); StoreLanes(8, b + 3 * Line, r6);
            StoreLanes(8, b + 4 * Line, r1); StoreLanes(8, b + 5 * Line, r5); StoreLanes(8, b + 6 * Line, r3); StoreLanes(8, b + 7 * Line, r7);
        }
    }

    // Bytes per line, and per staged row.
    private const int Line = CacheLine.Size;

    // Eight rows of a staging block, one 32-byte vector each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void LoadRows(byte* a, out Vector256<byte> r0, out Vector256<byte> r1, out Vector256<byte> r2,
        out Vector256<byte> r3, out Vector256<byte> r4, out Vector256<byte> r5, out Vector256<byte> r6, out Vector256<byte> r7)
    {
        r0 = Avx.LoadVector256(a);
        r1 = Avx.LoadVector256(a + Line);
        r2 = Avx.LoadVector256(a + 2 * Line);
        r3 = Avx.LoadVector256(a + 3 * Line);
        r4 = Avx.LoadVector256(a + 4 * Line);
        r5 = Avx.LoadVector256(a + 5 * Line);
        r6 = Avx.LoadVector256(a + 6 * Line);
        r7 = Avx.LoadVector256(a + 7 * Line);
    }

    // One butterfly of the unpack chains, in place within each 128-bit lane: x gets the interleaved low halves of x
    // and y in parts of 1, 2, 4 or 8 bytes, y the high halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave8(ref Vector256<byte> x, ref Vector256<byte> y) =>
        (x, y) = (Avx2.UnpackLow(x, y), Avx2.UnpackHigh(x, y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave16(ref Vector256<byte> x, ref Vector256<byte> y) =>
        (x, y) = (Avx2.UnpackLow(x.AsUInt16(), y.AsUInt16()).AsByte(), Avx2.UnpackHigh(x.AsUInt16(), y.AsUInt16()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave32(ref Vector256<byte> x, ref Vector256<byte> y) =>
        (x, y) = (Avx2.UnpackLow(x.AsUInt32(), y.AsUInt32()).AsByte(), Avx2.UnpackHigh(x.AsUInt32(), y.AsUInt32()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave64(ref Vector256<byte> x, ref Vector256<byte> y) =>
        (x, y) = (Avx2.UnpackLow(x.AsUInt64(), y.AsUInt64()).AsByte(), Avx2.UnpackHigh(x.AsUInt64(), y.AsUInt64()).AsByte());

    // Lane 0 of v to row p and lane 1 to the row `upper` rows further, in a staging block.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreLanes(int upper, byte* p, Vector256<byte> v)
    {
        Sse2.Store(p, v.GetLower());
        Sse2.Store(p + upper * Line, v.GetUpper());
    }

    // Bytes of one staging block of a LineBlockTile: 64 lines of 64 bytes.
    private const int StagingBytes = 64 * Line;

    /// <summary>The two staging blocks of a <see cref="LineBlockTile{TLines}"/>, with a line of slack to align them.</summary>
    [InlineArray((2 * StagingBytes + Line) / 32)]
    private struct StagingBlocks
    {
        private Vector256<byte> _part;
    }

    // A destination row's 64 bytes, in two stores back to back.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreRow<TStore>(byte* d, Vector256<byte> left, Vector256<byte> right) where TStore : struct, IVectorStore
    {
        TStore.Store(d, left);
        TStore.Store(d + 32, right);
    }

    /// <summary>Sixteen 16-byte vectors: the rows of a 128-bit tile at each step of its transpose.</summary>
    [InlineArray(16)]
    private struct Rows16
    {
        private Vector128<byte> _row;
    }
}
