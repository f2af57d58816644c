using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumNet.Internal;

namespace NumNet.Layout;

/// <summary>
/// Copies of one contiguous run of bytes. Small or overlapping runs go through <c>memmove</c>. A run of the streaming
/// size or more (<see cref="StreamingCast.Threshold"/>) into a separate destination is written with non-temporal
/// stores: the destination lines are not read before they are overwritten, and the copy does not evict the rest of the
/// cache. A run of <see cref="SplitFrom"/> bytes or more is copied by up to <see cref="NumNetSettings.MaxThreads"/>
/// threads at once, each taking chunks of <see cref="SplitChunk"/> bytes in turn.
/// </summary>
/// <remarks>
/// One core of the benchmark machine copies at about half of what its memory delivers: its copy waits on the latency of
/// the lines it has in flight, not on the memory bus, so a second core copying another part of the run nearly doubles
/// the rate (8 MB: 0.19 ms on one core, 0.09 ms on two, in a C probe). The bytes written are the same whoever copies them.
/// </remarks>
internal static class BlockCopy
{
    /// <summary>Span lengths are ints: <c>memmove</c> calls move at most this many bytes.</summary>
    private const int Chunk = 1 << 30;

    /// <summary>Bytes one thread of a split copy takes at a time: what a preempted helper can hold up.</summary>
    internal const int SplitChunk = 256 << 10;

    /// <summary>
    /// Run length from which a copy is split across threads: below it, waking a helper costs more than its half of the
    /// copy saves.
    /// </summary>
    internal static long SplitFrom { get; set; } = 4L << 20;

    /// <summary>The block <see cref="CopyPages"/> copies between touches of the source ahead: the size of an ordinary page.</summary>
    private const int Page = 4096;

    /// <summary>
    /// Runs shorter than this go through <c>memmove</c>: they span too few pages for the touch ahead to matter, and the
    /// aligning head and the tail are a larger share of them.
    /// </summary>
    private const int PagedFrom = 4 * Page;

    /// <summary>The threads a copy of <paramref name="bytes"/> bytes runs on: 1 below <see cref="SplitFrom"/>.</summary>
    internal static int Threads(long bytes) =>
        bytes < SplitFrom ? 1 : (int)Math.Min(NumNetSettings.MaxThreads, (bytes + SplitChunk - 1) / SplitChunk);

    /// <summary>Copies <paramref name="bytes"/> bytes from <paramref name="src"/> to <paramref name="dst"/>; overlap is allowed.</summary>
    public static unsafe void Copy(ref byte src, ref byte dst, long bytes)
    {
        if (Overlap(ref src, ref dst, bytes))
        {
            Memmove(ref src, ref dst, bytes);
            return;
        }
        // Streaming is chosen for the whole run, not per chunk: from the streaming size times the threads copying, since
        // the streaming size is one processor's share of the last-level cache and each thread brings its own (a 16 MiB
        // copy on two threads took 0.36 ms through the cache against 0.60 streamed, and 80 MB 3.9 against 3.1).
        // A run that is one chunk of a larger result split over threads (StreamingCast.StreamsAll: np.copyto between
        // arrays of one dtype goes through the split cast) streams as the whole result would; without it, an 80 MB
        // copyto on two threads went through the cache in 256 KiB runs and took 4.3-4.6 ms against 3.7-4.0 on one.
        int threads = Threads(bytes);
        bool stream = (bytes >= StreamingCast.Threshold * threads || StreamingCast.StreamsAll) && Avx.IsSupported;
        if (threads == 1)
        {
            CopyPiece(ref src, ref dst, bytes, stream);
            return;
        }
        // Pinned until every chunk is done: SharedChunks.Run returns only when no thread is inside one or will start one.
        fixed (byte* s = &src, d = &dst)
        {
            var (from, to) = ((nint)s, (nint)d);
            long chunks = (bytes + SplitChunk - 1) / SplitChunk;
            SharedChunks.Run(chunks, threads, run =>
            {
                while (run.TryClaim(out long chunk))
                    CopyChunk((byte*)from, (byte*)to, bytes, chunk, stream);
            });
        }
    }

    /// <summary>Chunk <paramref name="chunk"/> of a split copy: bytes [k·<see cref="SplitChunk"/>, (k + 1)·<see cref="SplitChunk"/>) of the run.</summary>
    private static unsafe void CopyChunk(byte* src, byte* dst, long bytes, long chunk, bool stream)
    {
        long at = chunk * SplitChunk;
        long length = Math.Min(SplitChunk, bytes - at);
        Debug.Assert(at >= 0 && length > 0 && at + length <= bytes, "chunk outside the run");
        CopyPiece(ref src[at], ref dst[at], length, stream);
    }

    /// <summary>
    /// Copies a run that does not overlap its destination on the calling thread: streamed, or through the cache a page
    /// at a time (<see cref="CopyPages"/>), or, when short or on a processor without AVX, by <c>memmove</c>.
    /// </summary>
    private static unsafe void CopyPiece(ref byte src, ref byte dst, long bytes, bool stream)
    {
        if (!stream && (bytes < PagedFrom || !Avx.IsSupported))
        {
            Memmove(ref src, ref dst, bytes);
            return;
        }
        // Pinned so the alignment worked out here still holds in the loops.
        fixed (byte* s = &src, d = &dst)
        {
            int head = (int)Math.Min(bytes, -(nint)d & (Vector256<byte>.Count - 1));
            Memmove(ref src, ref dst, head);
            long done = head;
            if (stream)
            {
                done += StreamingCast.Run<CopyStep>(ref s[head], ref d[head], (nint)(bytes - head), stream: true);
            }
            else
            {
                long pages = (bytes - head) / Page;
                Debug.Assert(head + pages * Page <= bytes, "pages past the end of the run");
                CopyPages(s + head, d + head, pages);
                done += pages * Page;
            }
            Memmove(ref s[done], ref d[done], bytes - done);
        }
    }

    /// <summary>
    /// Copies <paramref name="pages"/> blocks of <see cref="Page"/> bytes through the cache to a 32-byte aligned
    /// destination. Each block starts by touching the source one block on, so the next page's address translation and
    /// first lines are under way while this one is copied.
    /// </summary>
    /// <remarks>
    /// Why not <c>memmove</c>: the processor's own prefetchers stop at 4 KiB page boundaries, so on a source of ordinary
    /// 4 KiB pages (a C# array on the GC heap) every page starts with a wait. See <c>docs/performance.md</c> for the
    /// measurements. The streamed copies (<see cref="StreamingCast"/>) gained nothing measurable from the same touch.
    /// Compiled optimised at once: one call can move megabytes, too few calls for tiering to see.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void CopyPages(byte* src, byte* dst, long pages)
    {
        Debug.Assert(pages >= 0 && ((nint)dst & (Vector256<byte>.Count - 1)) == 0, "page copy needs a 32-byte aligned destination");
        for (long p = 0; p < pages; p++)
        {
            byte* s = src + p * Page, d = dst + p * Page;
            if (p + 1 < pages)
                Sse.Prefetch0(s + Page);
            for (int k = 0; k < Page; k += 4 * 32)
            {
                var (v0, v1, v2, v3) = (Vector256.Load(s + k), Vector256.Load(s + k + 32), Vector256.Load(s + k + 64), Vector256.Load(s + k + 96));
                Vector256.StoreAligned(v0, d + k);
                Vector256.StoreAligned(v1, d + k + 32);
                Vector256.StoreAligned(v2, d + k + 64);
                Vector256.StoreAligned(v3, d + k + 96);
            }
        }
    }

    private static bool Overlap(ref byte src, ref byte dst, long bytes)
    {
        long distance = Unsafe.ByteOffset(ref src, ref dst);
        return distance < bytes && distance > -bytes;
    }

    private static void Memmove(ref byte src, ref byte dst, long bytes) => Memmove(ref src, ref dst, bytes, Chunk);

    /// <summary>
    /// <c>memmove</c> in calls of at most <paramref name="chunk"/> bytes. When the destination overlaps the source
    /// from above, the chunks go from the end back, so no chunk reads bytes an earlier one has already overwritten.
    /// </summary>
    internal static void Memmove(ref byte src, ref byte dst, long bytes, int chunk)
    {
        bool backwards = Unsafe.ByteOffset(ref src, ref dst) > 0;
        for (long k = 0; k < bytes; k += chunk)
        {
            int n = (int)Math.Min(chunk, bytes - k);
            long at = backwards ? bytes - k - n : k;
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref src, (nint)at), n)
                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, (nint)at), n));
        }
    }
}
