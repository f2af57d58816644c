using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NumNet.Benchmarks;

/// <summary>
/// <c>numnet convert</c> of a large CSV to .npy, run as the command-line tool a user runs (a child process, start-up
/// included), against NumPy's <c>np.save(out, np.loadtxt(csv, delimiter=","))</c>. Each size has a row capped to one
/// thread (<c>NUMNET_MAX_THREADS=1</c>) beside the default, so the threaded speed-up shows in the same run.
/// </summary>
/// <remarks>
/// The file is 8 columns of text made by integer arithmetic only, so <c>bench/numpy/workloads.py</c> writes the same
/// bytes: a block of <see cref="BlockRows"/> rows from a 64-bit LCG, repeated until the file reaches its size. A float
/// cell has full precision (16–17 digits, e.g. <c>-13.489230587394115</c>), an int cell is up to 12 digits (mixed files).
/// </remarks>
internal static class CsvWorkloads
{
    /// <summary>Rows in the block the file repeats: about 15 MB of text, far more than any cache or branch history holds.</summary>
    internal const int BlockRows = 100_000;

    private const int Columns = 8;

    /// <summary>The default and the one-thread row for a CSV of <paramref name="megabytes"/> MB.</summary>
    public static IEnumerable<Workload> Pair(string kind, long megabytes, bool mixed, WorkloadRuns runs)
    {
        string size = megabytes >= 1000 ? $"{megabytes / 1000}gb" : $"{megabytes}mb";
        string what = mixed ? "4 int64 + 4 float64 columns" : "8 float64 columns";
        string name = $"convert_csv_{kind}_{size}";
        foreach (int? threads in new int?[] { null, 1 })
        {
            string label = threads is null ? "all cores" : "MaxThreads = 1";
            yield return new Workload(threads is null ? name : name + "_t1", "Csv",
                $"numnet convert of a {megabytes} MB CSV ({what}) to .npy, {label}", 0,
                () => Prepare(megabytes * 1_000_000, mixed, threads)) { Runs = runs };
        }
    }

    private static Prepared Prepare(long bytes, bool mixed, int? threads)
    {
        var dir = new Catalog.ScratchDir();
        string csv = dir.File("in.csv"), npy = dir.File("out.npy");
        Write(csv, bytes, mixed);
        return new Prepared(() => Convert(csv, npy, threads), dir);
    }

    private static void Convert(string csv, string npy, int? threads)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "NumNet.Cli.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in new[] { cli, "convert", csv, npy, "--force" })
            info.ArgumentList.Add(a);
        // compare.sh starts this harness with the JIT's tier-up delay at zero; the tool runs as a user starts it.
        info.Environment.Remove("DOTNET_TC_CallCountingDelayMs");
        if (threads is { } t)
            info.Environment["NUMNET_MAX_THREADS"] = t.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + cli);
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"numnet convert failed ({process.ExitCode}): {stderr}{stdout.Result}");
    }

    /// <summary>Writes the CSV: the block, repeated whole until the file holds at least <paramref name="bytes"/>.</summary>
    internal static void Write(string path, long bytes, bool mixed)
    {
        byte[] block = Encoding.ASCII.GetBytes(Block(mixed));
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (long written = 0; written < bytes; written += block.Length)
            file.Write(block);
        // On disk before the timed runs start, so the kernel's write-back of the input does not run during them.
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// A float64 of full precision (52 random mantissa bits, so its shortest round-trip text has 16–17 digits, as a
    /// file written from computed data has) and magnitude below 2^20, where .NET and Python both write it without an
    /// exponent. Every step is exact in IEEE arithmetic, so Python computes the same double.
    /// </summary>
    private static double Cell(ulong u)
    {
        double mantissa = 1 + (double)((u >> 1) & ((1UL << 52) - 1)) * Math.ScaleB(1, -52);
        double value = Math.ScaleB(mantissa, (int)(u % 20));
        return (u & (1UL << 52)) != 0 ? -value : value;
    }

    /// <summary>The block's text; <c>bench/numpy/workloads.py</c> (<c>_csv_block</c>) makes the same.</summary>
    internal static string Block(bool mixed)
    {
        var text = new StringBuilder(BlockRows * Columns * 18);
        ulong x = 0x9E3779B97F4A7C15;
        for (int r = 0; r < BlockRows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                x = unchecked(x * 6364136223846793005UL + 1442695040888963407UL);
                ulong u = x >> 11;
                if (c > 0)
                    text.Append(',');
                if (mixed && c % 2 == 0)
                    text.Append((long)((u >> 1) % 2_000_000_000_001) - 1_000_000_000_000);
                else
                    text.Append(Cell(u).ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
