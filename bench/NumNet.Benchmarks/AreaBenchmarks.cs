using BenchmarkDotNet.Attributes;

namespace NumNet.Benchmarks;

/// <summary>
/// Runs every workload of one <see cref="Catalog"/> area; the workload name is the parameter, so each area is one
/// class and a new workload needs no new method.
/// </summary>
[MemoryDiagnoser]
public abstract class AreaBenchmarks
{
    private Prepared? _prepared;

    /// <summary>The workload's name in the catalog.</summary>
    public abstract string Workload { get; set; }

    /// <summary>Builds the workload's inputs once.</summary>
    [GlobalSetup]
    public void Setup() => _prepared = Catalog.Get(Workload).Prepare();

    /// <summary>Releases the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup() => _prepared?.Dispose();

    /// <summary>The measured operation.</summary>
    [Benchmark]
    public void Run() => _prepared!.Run();

    /// <summary>Names of the workloads of <paramref name="area"/>.</summary>
    protected static IEnumerable<string> Names(IReadOnlyList<Workload> area) => area.Select(w => w.Name);
}

/// <summary>asarray/array from every kind of .NET source.</summary>
public class CreationBenchmarks : AreaBenchmarks
{
    /// <summary>The workload's name in the catalog.</summary>
    [ParamsSource(nameof(All))]
    public override string Workload { get; set; } = "";

    /// <summary>Every Creation workload.</summary>
    public static IEnumerable<string> All => Names(Catalog.Creation);
}

/// <summary>astype between numeric pairs.</summary>
public class CastingBenchmarks : AreaBenchmarks
{
    /// <summary>The workload's name in the catalog.</summary>
    [ParamsSource(nameof(All))]
    public override string Workload { get; set; } = "";

    /// <summary>Every Casting workload.</summary>
    public static IEnumerable<string> All => Names(Catalog.Casting);
}

/// <summary>repr and str.</summary>
public class PrintingBenchmarks : AreaBenchmarks
{
    /// <summary>The workload's name in the catalog.</summary>
    [ParamsSource(nameof(All))]
    public override string Workload { get; set; } = "";

    /// <summary>Every Printing workload.</summary>
    public static IEnumerable<string> All => Names(Catalog.Printing);
}

/// <summary>numnet convert of large CSV files to .npy, on all cores and on one.</summary>
public class CsvBenchmarks : AreaBenchmarks
{
    /// <summary>The workload's name in the catalog.</summary>
    [ParamsSource(nameof(All))]
    public override string Workload { get; set; } = "";

    /// <summary>Every Csv workload.</summary>
    public static IEnumerable<string> All => Names(Catalog.Csv);
}
