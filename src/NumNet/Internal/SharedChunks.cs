using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NumNet.Internal;

/// <summary>
/// Memory-bound work (large copies and casts) cut into many small chunks that the calling thread and up to <c>threads - 1</c> helpers take, one
/// at a time, from a shared counter. Unlike <see cref="SplitParts"/>, which gives each thread one fixed part, nothing
/// waits for a thread that has not started: a helper the scheduler runs late (another process keeps its core busy, the
/// thread pool is starved) finds the chunks taken and leaves, and the caller does the work itself. The caller waits
/// only for helpers that are inside a chunk, and a chunk is small, so a preempted helper delays the end by one chunk's
/// work once it runs again, not by a whole part.
/// </summary>
/// <remarks>
/// Every chunk is run exactly once, by whichever thread claimed it; when <see cref="Run"/> returns (or throws) no
/// helper is running the work or will start it, so the caller may release the memory the work touches.
/// </remarks>
internal sealed class SharedChunks
{
    // _helpers holds the number of helpers inside the work, and this bit once the caller has closed the run.
    private const int Closed = 1 << 30;

    // Spins (the later ones yield the core) before the caller blocks: about a hundred microseconds, a few chunks' work.
    private const int SpinsBeforeBlocking = 100;

    private readonly long _count;
    private readonly Action<SharedChunks> _work;
    private long _next = -1;
    private int _helpers;
    private ExceptionDispatchInfo? _helperError;

    private SharedChunks(long count, Action<SharedChunks> work)
    {
        _count = count;
        _work = work;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the calling thread and on up to <paramref name="threads"/> - 1 pool threads;
    /// each call takes chunks with <see cref="TryClaim"/> until none is left. Returns when every chunk has been run.
    /// </summary>
    /// <exception cref="Exception">The first exception of the caller's work, else of a helper's.</exception>
    public static void Run(long chunks, int threads, Action<SharedChunks> work)
    {
        var run = new SharedChunks(chunks, work);
        int helpers = (int)Math.Min(threads - 1L, chunks - 1);
        for (int h = 0; h < helpers; h++)
            ThreadPool.UnsafeQueueUserWorkItem(static r => r.Help(), run, preferLocal: false);
        try
        {
            work(run);
        }
        finally
        {
            run.CloseAndWait();
        }
        run._helperError?.Throw();
    }

    /// <summary>Takes the next chunk not yet taken by any thread; false when none is left.</summary>
    public bool TryClaim(out long chunk)
    {
        chunk = Interlocked.Increment(ref _next);
        return chunk < _count;
    }

    private void Help()
    {
        if (!TryEnter())
            return;
        try
        {
            _work(this);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _helperError, ExceptionDispatchInfo.Capture(e), null);
        }
        finally
        {
            Leave();
        }
    }

    // A helper enters only while the run is open; one that starts after the caller closed it touches nothing.
    private bool TryEnter()
    {
        int seen = Volatile.Read(ref _helpers);
        while ((seen & Closed) == 0)
        {
            int was = Interlocked.CompareExchange(ref _helpers, seen + 1, seen);
            if (was == seen)
                return true;
            seen = was;
        }
        return false;
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _helpers) == Closed)
        {
            lock (this)
                Monitor.PulseAll(this);
        }
    }

    // Closes the run to helpers not yet started, then waits until the helpers inside it have left: first a short spin,
    // since a running helper's last chunk of a copy takes microseconds and waking from a block costs as much; then it
    // blocks, so the caller's core is free for a preempted helper the scheduler moves there.
    private void CloseAndWait()
    {
        if ((Interlocked.Or(ref _helpers, Closed) & ~Closed) == 0)
            return;
        var spin = new SpinWait();
        for (int k = 0; k < SpinsBeforeBlocking; k++)
        {
            spin.SpinOnce(sleep1Threshold: -1);
            if (Volatile.Read(ref _helpers) == Closed)
                return;
        }
        lock (this)
        {
            while ((Volatile.Read(ref _helpers) & ~Closed) != 0)
                Monitor.Wait(this);
        }
        Debug.Assert(Volatile.Read(ref _helpers) == Closed, "a helper is still inside the run");
    }
}
