namespace NumNet.Benchmarks;

/// <summary>
/// One measured piece of work, defined once and run by both BenchmarkDotNet and the <c>compare</c> mode, so the two
/// never drift apart. The NumPy side (<c>bench/numpy/workloads.py</c>) uses the same <see cref="Name"/>s and sizes.
/// </summary>
/// <param name="Name">Machine-readable key shared with the NumPy script.</param>
/// <param name="Area">Creation, Casting, Layout, Printing or Files.</param>
/// <param name="Title">What a reader of the table sees.</param>
/// <param name="Bytes">
/// Bytes moved, counted as a copy counts them: (bytes read + bytes written) / 2, which for a copy is the size of the
/// result (workloads whose input is not an array of bytes, such as boxed objects, count the result). GB/s in the
/// report is this over the median time, so it compares directly with the plain copy.
/// </param>
/// <param name="Prepare">Builds the inputs (untimed) and returns the timed operation.</param>
public sealed record Workload(string Name, string Area, string Title, long Bytes, Func<Prepared> Prepare)
{
    /// <summary>Which runs of <c>compare</c> include it (BenchmarkDotNet runs every workload its filter selects).</summary>
    public WorkloadRuns Runs { get; init; } = WorkloadRuns.Always;
}

/// <summary>
/// Which <c>compare</c> runs include a workload: the NumPy side of some takes minutes (its full print of a long array
/// is quadratic), too long for the quick run or, for the longest, for the full run's 20-minute budget.
/// </summary>
public enum WorkloadRuns
{
    /// <summary>Quick and full runs.</summary>
    Always,

    /// <summary>Full runs only.</summary>
    FullOnly,

    /// <summary>Only when a <c>--filter</c> names it.</summary>
    OnRequest,
}

/// <summary>
/// A workload with its inputs in place. <see cref="Run"/> does the work once, including releasing what it made,
/// because NumPy's timed statement frees its result too; <see cref="Dispose"/> releases the inputs.
/// </summary>
public sealed class Prepared(Action run, params IDisposable[] inputs) : IDisposable
{
    /// <summary>Does the measured work once.</summary>
    public void Run() => run();

    /// <summary>Releases the inputs.</summary>
    public void Dispose()
    {
        foreach (var input in inputs)
            input.Dispose();
    }
}
