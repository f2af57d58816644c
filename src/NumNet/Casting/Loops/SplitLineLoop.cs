using System.Diagnostics;
using System.Runtime.CompilerServices;
using NumNet.Internal;
using NumNet.Memory;

namespace NumNet.Casting.Loops;

/// <summary>
/// A compute-bound loop (text ↔ number, hundreds of nanoseconds an element) over a long line, on up to
/// <see cref="NumNetSettings.MaxThreads"/> threads: the line is cut into one run of consecutive elements per thread and
/// each run goes through the wrapped loop. Every element is converted by the same code whichever thread takes it, so
/// the result is the one-thread result byte for byte; a line shorter than <see cref="SplitFromElements"/> runs on the
/// calling thread alone.
/// </summary>
/// <remarks>
/// When elements fail (text that does not parse), the error thrown is the first one in element order, as on one
/// thread; elements after it in other runs may have been written by then, which matters only to a cast into an
/// existing array (the result of a failed <c>astype</c> is never seen).
/// </remarks>
internal sealed class SplitLineLoop(CastLoop inner) : CastLoop
{
    /// <summary>Elements from which a line is split: about 3–6 ms of work, far more than starting the threads costs.</summary>
    internal static long SplitFromElements { get; set; } = 1 << 14;

    public override bool CanFail => inner.CanFail;

    public override unsafe void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count)
    {
        int threads = count < SplitFromElements ? 1 : (int)Math.Min(NumNetSettings.MaxThreads, count);
        if (threads == 1)
        {
            inner.Run(src, srcOffset, srcStride, dst, dstOffset, dstStride, count);
            return;
        }
        Debug.Assert(src.ByteLength > 0 && dst.ByteLength > 0, "a line of elements lies in byte buffers");
        // Pinned while the runs go on (SplitParts.Run returns only when all have ended, inside the caller's lease); the
        // runs rebuild the same leased views from the addresses. An element that fails throws from its run, and the
        // first failed run in element order is the one reported, as on one thread.
        fixed (byte* s = &src.At(0))
        fixed (byte* d = &dst.At(0))
        {
            var (sAddress, sLength, dAddress, dLength) = ((nint)s, src.ByteLength, (nint)d, dst.ByteLength);
            SplitParts.Run(threads, (k, parts, _) =>
            {
                long start = count * k / parts, end = count * (k + 1) / parts;
                inner.Run(View(sAddress, sLength), srcOffset + start * srcStride, srcStride,
                    View(dAddress, dLength), dstOffset + start * dstStride, dstStride, end - start);
                return true;
            });
        }
    }

    private static unsafe LeasedMemory View(nint address, long length) =>
        new(ref Unsafe.AsRef<byte>((void*)address), null, length);
}
