using System.Diagnostics;

namespace NumNet.Internal;

/// <summary>
/// Work cut into many small chunks that the calling thread and up to <c>threads - 1</c> thread-pool threads claim one
/// at a time from a shared counter, for work whose pieces all cost about the same and cannot fail (a large copy).
/// </summary>
/// <remarks>
/// Claiming from a counter, rather than giving each thread a fixed part as <see cref="SplitParts"/> does, bounds what a
/// helper that is late or preempted can hold up: the caller takes every chunk no helper has claimed, and waits only for
/// the one chunk each helper may be in the middle of. A helper that starts after the caller has claimed the last chunk
/// finds nothing to do and touches nothing, so the caller may release the memory as soon as <see cref="Run"/> returns.
/// </remarks>
internal abstract class ClaimedChunks : IThreadPoolWorkItem
{
    private readonly long _count;
    private long _claimed;
    private long _finished;

    /// <summary>Work of <paramref name="count"/> chunks, numbered from 0.</summary>
    protected ClaimedChunks(long count)
    {
        Debug.Assert(count >= 1, "no chunks");
        _count = count;
    }

    /// <summary>Does chunk <paramref name="chunk"/>; must not throw (on a pool thread an exception would end the process).</summary>
    protected abstract void Do(long chunk);

    /// <summary>
    /// Does every chunk, on the calling thread and on up to <paramref name="threads"/> - 1 pool threads, and returns
    /// when every chunk has been done.
    /// </summary>
    public void Run(int threads)
    {
        for (int k = 1; k < threads; k++)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        Claim();
        // Every chunk is claimed now; a helper may still be inside the last one it claimed. No Sleep(1) while waiting:
        // that chunk takes microseconds, and yielding lets a helper preempted on this core finish it.
        var wait = new SpinWait();
        while (Volatile.Read(ref _finished) < _count)
            wait.SpinOnce(sleep1Threshold: -1);
    }

    void IThreadPoolWorkItem.Execute() => Claim();

    private void Claim()
    {
        long chunk;
        while ((chunk = Interlocked.Increment(ref _claimed) - 1) < _count)
        {
            Do(chunk);
            Interlocked.Increment(ref _finished);
        }
    }
}
