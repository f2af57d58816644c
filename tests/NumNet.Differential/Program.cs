using System.Globalization;
using NumNet.Differential;

// Usage: dotnet run --project tests/NumNet.Differential -c Release -- --seed S --cases N [options]
const string Usage = """
usage: NumNet.Differential [--seed S] [--cases N | --long] [--calls a,b] [--oracle serve.py] [--python PATH]
                           [--no-write] [--shrink N] [--batch N] [--replay CALL:SEED] [--dump FILE] [--rederive]
  --seed S       seed of the random cases (default: from the clock, printed)
  --cases N      number of cases (default 3000); --long runs 1000000
  --calls a,b    only these calls (asarray, array, astype, ravel, flatten, dtype, can_cast, result_type)
  --oracle PATH  serve.py (default: $NUMNET_ORACLE, else ../shared/conformance/oracle/serve.py beside the repository)
  --python PATH  interpreter with NumPy 1.24 (default: $NUMNET_ORACLE_PYTHON, else /usr/bin/python3)
  --no-write     do not add minimal differences to tests/conformance/found-*.json
  --shrink N     candidates tried when shrinking one difference (default 400; 0 = no shrinking)
  --replay C:S   run the one case of call C with CsCheck seed S (printed with each failure); several: C:S,C:S,...
                 or @FILE (one C:S a line)
  --dump FILE    copy every case line sent to the oracle into FILE
  --rederive     give the found cases NumNet fails only by the oracle's element error order NumPy 2's derived answer
Ends with "N passed, M failed"; the line before counts the skipped cases. Exit code 1 when a case failed.
""";

ulong seed = (ulong)DateTime.UtcNow.Ticks % 1_000_000_000;
long cases = 3000;
string? oraclePath = null, python = null, replay = null;
HashSet<string>? calls = null;
bool write = true, rederive = false;
int shrink = 400, batchSize = 500;
string? dump = null;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"'{args[i]}' needs a value");
        switch (args[i])
        {
            case "--seed": seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--cases": cases = long.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--long": cases = 1_000_000; break;
            case "--calls": calls = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(); break;
            case "--oracle": oraclePath = Next(); break;
            case "--python": python = Next(); break;
            case "--no-write": write = false; break;
            case "--shrink": shrink = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--batch": batchSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--replay": replay = Next(); break;
            case "--dump": dump = Next(); break;
            case "--rederive": rederive = true; break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    if (cases < 1 || batchSize < 1)
        throw new ArgumentException("--cases and --batch must be positive");
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    using var oracle = Oracle.Start(OracleLocation.Python(python), OracleLocation.ServePath(oraclePath));
    var run = new DifferentialRun(oracle, Console.Out);
    if (rederive)
    {
        foreach (string change in run.Rederive(OracleLocation.CorpusDir()))
            Console.WriteLine("rederived " + change);
        return 0;
    }
    if (replay is not null)
    {
        var keys = replay.StartsWith('@') ? File.ReadAllLines(replay[1..]) : replay.Split(',');
        foreach (var key in keys.Select(k => k.Trim()).Where(k => k.Length > 0))
        {
            int colon = key.IndexOf(':');
            Console.WriteLine($"{key}: {run.Replay(key[..colon], key[(colon + 1)..])}");
        }
        return 0;
    }
    Console.WriteLine($"seed {seed}, {cases} cases{(calls is null ? "" : " of " + string.Join(", ", calls))}");
    var started = DateTime.UtcNow;
    using var dumpFile = dump is null ? null : new StreamWriter(dump);
    var summary = run.Run(new RunOptions(seed, cases, calls, write ? OracleLocation.CorpusDir() : null, shrink, BatchSize: batchSize, Dump: dumpFile));
    foreach (var (reason, count) in summary.SkipReasons.OrderByDescending(p => p.Value).Take(8))
        Console.WriteLine($"  skipped {count}: {reason}");
    double seconds = (DateTime.UtcNow - started).TotalSeconds;
    Console.WriteLine($"corrected: {summary.Corrected} (NumPy 2's answer derived by the harness from the oracle, element by element or asked again in NumPy 2's form, which NumNet matches; not counted as passed)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{summary.Skipped} skipped ({100.0 * summary.Skipped / cases:0.0}%: no trustworthy NumPy-2 answer), {summary.PlatformDependent} platform-dependent differences (reported, not failed), {seconds:0.0} s"));
    Console.WriteLine($"{summary.Passed} passed, {summary.Failed} failed");
    return summary.Failed == 0 ? 0 : 1;
}
catch (OracleUnavailableException e)
{
    Console.Error.WriteLine("oracle unavailable: " + e.Message);
    return 3;
}
