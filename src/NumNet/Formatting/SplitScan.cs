using NumNet.Internal;

namespace NumNet.Formatting;

/// <summary>One part of a scan: the values from index <paramref name="first"/> of the whole span on.</summary>
internal delegate TResult PartScan<T, TResult>(ReadOnlySpan<T> part, int first);

/// <summary>
/// The first pass of a long printout (each value's digits and widths, the costly part of printing floats) over up to
/// <see cref="NumNetSettings.MaxThreads"/> threads: the values are cut into one run of consecutive values per thread,
/// each scanned on its own, and the parts' results combined. The combination (a maximum of widths) does not depend on
/// the order, so the printout is the one-thread printout; fewer than <see cref="FromValues"/> values are scanned on
/// the calling thread alone.
/// </summary>
internal static class SplitScan
{
    /// <summary>Values from which the scan is split: several milliseconds of digit generation.</summary>
    internal static int FromValues { get; set; } = 1 << 14;

    /// <summary>Scans <paramref name="values"/> with <paramref name="scan"/> and folds the parts with <paramref name="combine"/>.</summary>
    public static unsafe TResult Run<T, TResult>(ReadOnlySpan<T> values, PartScan<T, TResult> scan, Func<TResult, TResult, TResult> combine)
        where T : unmanaged
    {
        int threads = values.Length < FromValues ? 1 : Math.Min(NumNetSettings.MaxThreads, values.Length);
        if (threads == 1)
            return scan(values, 0);
        var results = new TResult[threads];
        // Pinned until SplitParts.Run returns, which is after every part has ended.
        fixed (T* start = values)
        {
            var (address, count) = ((nint)start, values.Length);
            SplitParts.Run(threads, (k, parts, _) =>
            {
                int first = SplitParts.Start(count, k, parts), end = SplitParts.Start(count, k + 1, parts);
                results[k] = scan(new ReadOnlySpan<T>((T*)address + first, end - first), first);
                return true;
            });
        }
        TResult all = results[0];
        for (int k = 1; k < threads; k++)
            all = combine(all, results[k]);
        return all;
    }
}
