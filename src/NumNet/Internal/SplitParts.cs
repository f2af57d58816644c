using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace NumNet.Internal;

/// <summary>
/// One part of a split walk: part <paramref name="part"/> of <paramref name="parts"/>, true when it was written in
/// full, false when it met an input the walk does not handle; it should end early once <paramref name="stop"/> says an
/// earlier part has failed, since its outcome can no longer matter.
/// </summary>
internal delegate bool WalkPart(int part, int parts, SplitParts.Stop stop);

/// <summary>
/// One part of a split walk over a span of items: items [<paramref name="first"/>, <paramref name="end"/>) of
/// <paramref name="all"/>, with the same outcome and stop signal as a <see cref="WalkPart"/>.
/// </summary>
internal delegate bool ItemsPart(ReadOnlySpan<object?> all, int first, int end, int part, SplitParts.Stop stop);

/// <summary>
/// Work over a large input on up to <see cref="NumNetSettings.MaxThreads"/> threads, one part of consecutive items per
/// thread: the rows or leaves of a boxed input (Creation), the elements of a long text cast line
/// (<c>Casting/Loops/SplitLineLoop.cs</c>), the values of a long printout's first pass (<c>Formatting/SplitScan.cs</c>). The outcome is the one
/// the walk has on one thread, which goes through the parts in order and stops at the first that fails: the first
/// failed part in part order decides (its <c>false</c>, or its exception), whatever a later part met; a later part's
/// failure is never reported, and every thread has ended before <see cref="Run"/> returns or throws.
/// </summary>
internal static class SplitParts
{
    /// <summary>
    /// Items (leaves) from which a walk is split: about 100–200 µs of unboxing on one thread, against the tens of
    /// microseconds starting a second thread costs.
    /// </summary>
    internal static long FromLeaves { get; set; } = 1 << 15;

    /// <summary>
    /// The threads for a walk of <paramref name="leaves"/> leaves that can be cut into at most
    /// <paramref name="pieces"/> parts; 1 below <see cref="FromLeaves"/>.
    /// </summary>
    public static int Threads(long leaves, int pieces) =>
        leaves < FromLeaves ? 1 : Math.Max(1, Math.Min(NumNetSettings.MaxThreads, pieces));

    /// <summary>The first of <paramref name="count"/> pieces that part <paramref name="part"/> of <paramref name="parts"/> takes.</summary>
    public static int Start(int count, int part, int parts) => (int)((long)count * part / parts);

    /// <summary>
    /// Runs <paramref name="parts"/> parts of <paramref name="walk"/>, on as many threads; one part on the calling
    /// thread alone.
    /// </summary>
    /// <returns>True when every part was written; false when the first failed part returned false.</returns>
    /// <exception cref="Exception">The exception of the first failed part, when it threw.</exception>
    public static bool Run(int parts, WalkPart walk)
    {
        if (parts == 1)
            return walk(0, 1, Stop.Never);
        var stop = new Stop();
        var written = new bool[parts];
        var errors = new ExceptionDispatchInfo?[parts];
        // Parallel.For returns (or throws) only when every part has ended; no part's exception escapes it, each is
        // kept for the order check below.
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, k =>
        {
            try
            {
                written[k] = walk(k, parts, stop);
            }
            catch (Exception e)
            {
                errors[k] = ExceptionDispatchInfo.Capture(e);
            }
            if (!written[k])
                stop.Failed(k);
        });
        for (int k = 0; k < parts; k++)
        {
            errors[k]?.Throw();
            if (!written[k])
                return false;
        }
        return true;
    }

    /// <summary>
    /// Runs <paramref name="parts"/> parts of <paramref name="walk"/> over <paramref name="items"/>, one run of
    /// consecutive items each, as <see cref="Run"/> does.
    /// </summary>
    public static unsafe bool RunOver(ReadOnlySpan<object?> items, int parts, ItemsPart walk)
    {
        Debug.Assert(parts >= 1 && parts <= Math.Max(1, items.Length), "more parts than items");
        if (parts == 1)
            return walk(items, 0, items.Length, 0, Stop.Never);
        // Pinned until Run returns, which is after every part has ended: each part rebuilds this same span (the items
        // as read once by the caller; a List's storage replaced meanwhile is not read) from the address.
        fixed (byte* start = &Unsafe.As<object?, byte>(ref MemoryMarshal.GetReference(items)))
        {
            var (address, count) = ((nint)start, items.Length);
            return Run(parts, (k, n, stop) =>
                walk(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef<object?>((void*)address), count), Start(count, k, n), Start(count, k + 1, n), k, stop));
        }
    }

    /// <summary>Tells the parts after a failed part to end early: their outcome no longer matters.</summary>
    internal sealed class Stop
    {
        /// <summary>A signal that never stops anything, for a walk on one thread.</summary>
        public static readonly Stop Never = new();

        private int _firstFailed = int.MaxValue;

        /// <summary>True when a part before <paramref name="part"/> has failed.</summary>
        public bool EarlierFailed(int part) => Volatile.Read(ref _firstFailed) < part;

        /// <summary>Records that <paramref name="part"/> failed.</summary>
        public void Failed(int part) => AtomicBound.Lower(ref _firstFailed, part);
    }
}
