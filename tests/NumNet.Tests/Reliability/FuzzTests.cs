using NumNet.Memory;
using NumNet.Tests.Reliability.Fuzzing;
using NumNet.Tests.Reliability.Targets;
using Xunit.Abstractions;

namespace NumNet.Tests.Reliability;

/// <summary>
/// The fuzz targets under a short CI budget (a fixed number of inputs each, a few seconds' worth), plus a replay of every committed regression input.
/// tests/fuzz.sh runs one target for longer through the same facts (see <see cref="FuzzSettings.For"/>).
/// </summary>
[Collection(nameof(FuzzCollection))]
public class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Dtype() => Fuzz(new DTypeStringTarget());

    [Fact]
    public void Nested() => Fuzz(new NestedSequenceTarget());

    [Fact]
    public void Interface() => Fuzz(new ArrayInterfaceTarget());

    [Fact]
    public void Npy() => Fuzz(new NpyTarget());

    [Fact]
    public void Npz() => Fuzz(new NpzTarget());

    [Fact]
    public void Csv() => Fuzz(new CsvTarget());

    [Fact]
    public void RegressionInputsStayFixed()
    {
        Replay(new DTypeStringTarget());
        Replay(new NestedSequenceTarget());
        Replay(new ArrayInterfaceTarget());
        Replay(new NpyTarget());
        Replay(new NpzTarget());
        Replay(new CsvTarget());
    }

    private void Fuzz<T>(FuzzTarget<T> target)
    {
        var settings = FuzzSettings.For(target.Name, target.CiInputs);
        FuzzReport report;
        bool wasGuarded = NativeGuard.Enabled;
        NativeGuard.Enabled = true;
        try
        {
            report = FuzzRunner.Run(target, settings);
        }
        finally
        {
            NativeGuard.Enabled = wasGuarded;
        }
        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("NUMNET_FUZZ_REPORT") is { Length: > 0 } path)
            File.AppendAllText(path, $"seed {settings.Seed}: {report}\n");
        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.True(report.Inputs > 0);
    }

    private void Replay<T>(FuzzTarget<T> target)
    {
        var lines = Corpus.Lines("regressions", target.Name).ToList();
        var report = FuzzRunner.Replay(target, lines);
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, report.ToString());
    }
}

/// <summary>Fuzz facts toggle the global native-memory guard, so they do not run beside each other.</summary>
[CollectionDefinition(nameof(FuzzCollection))]
public class FuzzCollection;

/// <summary>The committed inputs under Reliability/Corpus: one JSON value per line, blank lines and # comments skipped.</summary>
internal static class Corpus
{
    public static string Dir => Path.Combine(RepoPaths.Root, "tests", "NumNet.Tests", "Reliability", "Corpus");

    public static IEnumerable<string> Lines(string kind, string target)
    {
        string path = Path.Combine(Dir, kind, target + ".jsonl");
        if (!File.Exists(path))
            yield break;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                yield return line;
        }
    }
}

/// <summary>The runner's own guards: an input that stalls is reported with where it came from instead of hanging the run.</summary>
[Collection(nameof(FuzzCollection))]
public class FuzzRunnerTests
{
    private sealed class SlowTarget : FuzzTarget<int>
    {
        public override string Name => "slow";
        public override int Generate(Random rng) => rng.Next();
        public override void Execute(int input) => Thread.Sleep(2000);
        public override string Encode(int input) => input.ToString();
        public override int Decode(string line) => int.Parse(line);
    }

    [Fact]
    public void StalledInputIsAFailureNamingSeedAndIndex()
    {
        var saved = FuzzRunner.InputTimeout;
        FuzzRunner.InputTimeout = TimeSpan.FromMilliseconds(100);
        try
        {
            var report = FuzzRunner.Run(new SlowTarget(), new FuzzSettings(7, 60, 5, null, Start: 3));
            Assert.Equal(1, report.Inputs);
            var failure = Assert.Single(report.Failures);
            Assert.Equal(3, failure.Index);
            Assert.Contains("seed 7, input 3", failure.Problem);
        }
        finally
        {
            FuzzRunner.InputTimeout = saved;
        }
    }

    [Fact]
    public void SelfContainingElementsReprOnceEach()
    {
        var inner = new List<object?> { 1 };
        var outer = new object?[] { inner, null };
        outer[1] = outer;
        inner.Add(inner);
        inner.Add(outer);
        Assert.Equal("([1, [...], (...)], (...))", NumNet.Formatting.PythonRepr.Repr(outer));
    }
}
