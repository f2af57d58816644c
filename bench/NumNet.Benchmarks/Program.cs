using BenchmarkDotNet.Running;
using NumNet.Benchmarks;

// `compare [--quick] [--filter NAME]` is the fast harness behind bench/compare.sh, `titles` lists the workloads, `csv` writes
// a CSV workload's input; anything else goes to
// BenchmarkDotNet (`--filter '*Layout*'`, `--list flat`, ...).
if (args.Length > 0 && args[0] == "compare")
{
    bool quick = args.Contains("--quick");
    int f = Array.IndexOf(args, "--filter");
    string? filter = f >= 0 && f + 1 < args.Length ? args[f + 1] : null;
    return CompareMode.Run(quick, filter);
}
if (args.Length > 0 && args[0] == "titles")
{
    // compare.sh reads the human-readable titles from here so they are written once, in the catalog.
    foreach (var w in Catalog.All)
        Console.WriteLine($"workload\t{w.Name}\t{w.Title}");
    return 0;
}
if (args.Length == 4 && args[0] == "csv")
{
    // `csv PATH MEGABYTES f8|mixed` writes a CSV workload's input, for profiling numnet convert by hand.
    CsvWorkloads.Write(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000, mixed: args[3] == "mixed");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(LayoutBenchmarks).Assembly).Run(args);
return 0;
