using System.Diagnostics;
using System.Runtime.CompilerServices;
using NumNet.Casting.Loops;
using NumNet.DTypes;
using NumNet.Internal;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet.Casting;

/// <summary>
/// A large numeric cast on up to <see cref="NumNetSettings.MaxThreads"/> threads. One core cannot read memory as fast as
/// two (a strided <c>float64[::2]</c> source reads twice the bytes it converts), so the iteration is cut into chunks of
/// about <see cref="ChunkBytes"/> of result, whole lines or runs of one long line cut at the loop's
/// <see cref="CastLoop.SplitGranule"/>, which the calling thread and helpers take from a shared counter
/// (<see cref="SharedChunks"/>). Every element is converted by the same loop code as on one thread, so the bytes are
/// the same; the floating-point status is checked per run as on one thread, and the cast warns once when any run
/// reported, as NumPy's single check after the loop does.
/// </summary>
internal static class SplitCast
{
    /// <summary>Bytes read and written from which a cast is split: below it, starting a helper costs more than it saves.</summary>
    internal static long FromBytes { get; set; } = 8L << 20;

    /// <summary>
    /// Result bytes of one chunk: small enough that a helper preempted inside one holds back little, large enough that
    /// the claim and the run's setup are paid rarely.
    /// </summary>
    internal static long ChunkBytes { get; set; } = 256L << 10;

    /// <summary>The threads for a cast of <paramref name="elements"/> elements through <paramref name="loop"/>; 1 when it is not split.</summary>
    public static int Threads(CastLoop loop, long elements, DType from, DType to) =>
        loop is ByteCastLoop && loop.SplitGranule > 0 && elements * (from.ItemSize + to.ItemSize) >= FromBytes
            ? NumNetSettings.MaxThreads
            : 1;

    /// <summary>
    /// Casts the iteration <paramref name="plan"/> from <paramref name="srcOffset"/> in <paramref name="source"/> to
    /// <paramref name="dstOffset"/> in <paramref name="target"/> on up to <paramref name="threads"/> threads; true when
    /// some value sets the floating-point status of the cast from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static unsafe bool Run(ByteCastLoop loop, DType from, DType to, StridedCopy.CopyPlan plan, int threads,
        LeasedMemory source, long srcOffset, LeasedMemory target, long dstOffset)
    {
        Debug.Assert(source.ByteLength > 0 && target.ByteLength > 0, "a numeric cast runs between byte buffers");
        var chunks = new Chunking(plan, loop.SplitGranule, Math.Max(1, ChunkBytes / to.ItemSize));
        int reported = 0;
        // Pinned while the chunks run (SharedChunks.Run returns only when no thread is inside one, and the caller's
        // leases outlive it); each thread rebuilds the same leased views from the addresses.
        fixed (byte* s = &source.At(0))
        fixed (byte* d = &target.At(0))
        {
            var (sAddress, sLength, dAddress, dLength) = ((nint)s, source.ByteLength, (nint)d, target.ByteLength);
            SharedChunks.Run(chunks.Count, threads, run =>
            {
                // A status check per thread: its probe is filled by the vector loops on that thread alone.
                var status = CastStatusCheck.For(from, to);
                var src = View(sAddress, sLength);
                var dst = View(dAddress, dLength);
                bool streaming = StreamingCast.StreamsAll;
                StreamingCast.StreamsAll = chunks.ResultBytes(to.ItemSize) >= StreamingCast.Threshold;
                try
                {
                    while (run.TryClaim(out long chunk))
                    {
                        foreach (var line in chunks.Lines(chunk))
                        {
                            long so = srcOffset + line.Src, dOff = dstOffset + line.Dst;
                            if (status is null || Volatile.Read(ref reported) != 0)
                                loop.Run(src, so, chunks.SrcStride, dst, dOff, chunks.DstStride, line.Count);
                            else if (CastEngine.RunLineChecked(loop, status, ref src.At(so), (nint)chunks.SrcStride, ref dst.At(dOff), (nint)chunks.DstStride, (nint)line.Count))
                                Volatile.Write(ref reported, 1);
                        }
                    }
                }
                finally
                {
                    StreamingCast.StreamsAll = streaming;
                }
            });
        }
        return reported != 0;
    }

    private static unsafe LeasedMemory View(nint address, long length) =>
        new(ref Unsafe.AsRef<byte>((void*)address), null, length);

    /// <summary>One run of a line: byte offsets of its first element from the iteration's start, and its length.</summary>
    private readonly record struct LineRun(long Src, long Dst, long Count);

    /// <summary>
    /// The iteration cut into chunks: lines of at least a chunk's elements into runs of a multiple of the granule, and
    /// shorter lines grouped whole, so chunk <c>k</c> is found without walking the chunks before it.
    /// </summary>
    private sealed class Chunking
    {
        private readonly StridedCopy.CopyPlan _plan;
        private readonly long _inner, _runLength, _runsPerLine, _linesPerChunk, _lines;

        public Chunking(StridedCopy.CopyPlan plan, int granule, long chunkElements)
        {
            _plan = plan;
            int n = plan.Shape.Length;
            _inner = plan.Shape[n - 1];
            _lines = 1;
            for (int i = 0; i < n - 1; i++)
                _lines *= plan.Shape[i];
            if (_inner >= chunkElements)
            {
                _runLength = (chunkElements + granule - 1) / granule * granule;
                _runsPerLine = (_inner + _runLength - 1) / _runLength;
                _linesPerChunk = 1;
                Count = _lines * _runsPerLine;
            }
            else
            {
                _runLength = _inner;
                _runsPerLine = 1;
                _linesPerChunk = Math.Max(1, chunkElements / Math.Max(1, _inner));
                Count = (_lines + _linesPerChunk - 1) / _linesPerChunk;
            }
        }

        /// <summary>Chunks in the iteration.</summary>
        public long Count { get; }

        public long SrcStride => _plan.SrcStrides[^1];

        public long DstStride => _plan.DstStrides[^1];

        /// <summary>Bytes of the whole result (what decides whether its stores stream).</summary>
        public long ResultBytes(int itemSize) => _lines * _inner * itemSize;

        /// <summary>The runs of chunk <paramref name="chunk"/>, in iteration order.</summary>
        public IEnumerable<LineRun> Lines(long chunk)
        {
            long firstLine = chunk / _runsPerLine * _linesPerChunk;
            long endLine = Math.Min(_lines, firstLine + _linesPerChunk);
            long start = chunk % _runsPerLine * _runLength;
            long count = Math.Min(_runLength, _inner - start);
            for (long line = firstLine; line < endLine; line++)
            {
                var (src, dst) = LineOffsets(line);
                yield return new LineRun(src + start * SrcStride, dst + start * DstStride, count);
            }
        }

        // Byte offsets of line `line` (the outer dimensions' index, last fastest) from the iteration's start.
        private (long Src, long Dst) LineOffsets(long line)
        {
            long src = 0, dst = 0;
            for (int k = _plan.Shape.Length - 2; k >= 0 && line > 0; k--)
            {
                long index = line % _plan.Shape[k];
                line /= _plan.Shape[k];
                src += index * _plan.SrcStrides[k];
                dst += index * _plan.DstStrides[k];
            }
            return (src, dst);
        }
    }
}
