using System.Text.Json.Nodes;
using NumNet.Memory;
using NumNet.Tests.Reliability.Fuzzing;
using NumNet.Tests.Reliability.Targets;

namespace NumNet.Tests.Reliability;

/// <summary>
/// Every entry of Reliability/Corpus/corrupt (truncated, overflowing, cyclic and oversized inputs) is rejected with
/// the documented exception type, a message that says what was wrong, and without allocating what it claims.
/// </summary>
public class CorruptCorpusTests
{
    /// <summary>(target, line number, entry) for every corrupt entry.</summary>
    public static IEnumerable<object[]> Entries()
    {
        foreach (var target in new[] { "dtype", "interface", "nested", "npy", "npz" })
        {
            int n = 0;
            foreach (var line in Corpus.Lines("corrupt", target))
                yield return [target, ++n, line];
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void GivesAClearError(string target, int entry, string line)
    {
        var json = FuzzJson.Parse(line).AsObject();
        string input = FuzzJson.Write(json["input"]!);
        Action run = target switch
        {
            "dtype" => Run(new DTypeStringTarget(), input),
            "interface" => Run(new ArrayInterfaceTarget(), input),
            "npy" => Run(new NpyTarget(), input),
            "npz" => Run(new NpzTarget(), input),
            _ => Run(new NestedSequenceTarget(), input),
        };
        long managed = GC.GetAllocatedBytesForCurrentThread(), native = NativeGuard.RentedBytesOnThisThread;
        var e = Assert.ThrowsAny<Exception>(run);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - managed + NativeGuard.RentedBytesOnThisThread - native;
        string expected = (string)json["error"]!;
        Assert.True(IsOrDerives(e.GetType(), expected), $"entry {entry}: expected {expected}, got {e.GetType().Name}: {e.Message}");
        Assert.Contains((string)json["contains"]!, e.Message);
        Assert.InRange(e.Message.Length, 10, 2_000);
        Assert.InRange(allocated, 0, 8L << 20);
    }

    /// <summary>(line number, entry) for every corrupt CSV input.</summary>
    public static IEnumerable<object[]> CsvEntries()
    {
        int n = 0;
        foreach (var line in Corpus.Lines("corrupt", "csv"))
            yield return [++n, line];
    }

    /// <summary><c>numnet convert</c> refuses each corrupt CSV with its exit code and one line on stderr naming the problem.</summary>
    [Theory]
    [MemberData(nameof(CsvEntries))]
    public void CsvGivesAClearError(int entry, string line)
    {
        var json = FuzzJson.Parse(line).AsObject();
        var dir = Directory.CreateTempSubdirectory("numnet-corrupt-csv");
        try
        {
            string input = Path.Combine(dir.FullName, "in.csv"), output = Path.Combine(dir.FullName, "out.npy");
            File.WriteAllText(input, (string)json["input"]!);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = NumNet.Cli.CommandLine.Run(["convert", input, output], stdout, stderr);
            string err = stderr.ToString().TrimEnd();
            Assert.True(code == (int)json["exit"]!, $"entry {entry}: exit code {code}, stderr: {err}");
            Assert.DoesNotContain('\n', err);
            Assert.DoesNotContain("cannot process the input", err);
            Assert.Contains((string)json["contains"]!, err);
            Assert.False(File.Exists(output), $"entry {entry}: a failed conversion left {output} behind");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static Action Run<T>(FuzzTarget<T> target, string input)
    {
        var decoded = target.Decode(input);
        return () => target.Execute(decoded);
    }

    private static bool IsOrDerives(Type? t, string name)
    {
        for (; t is not null; t = t.BaseType)
        {
            if (t.Name == name)
                return true;
        }
        return false;
    }
}
