using System.Diagnostics;

namespace NumNet.Tests.Reliability;

/// <summary>
/// Runs a scenario of tests/NumNet.Hostile in its own process, so a scenario that crashes (an access violation, a
/// heap corruption, a hang) fails one test instead of ending the whole run.
/// </summary>
internal static class ChildProcess
{
    /// <summary>How long a scenario may run before it is taken as hung and killed: a hang detector, not a speed limit.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    /// <summary>What a finished child printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Exit code, output and errors, for an assertion message.</summary>
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>The built scenario runner, from the same configuration as these tests.</summary>
    public static string RunnerPath => RunnerPathOf("NumNet.Hostile");

    /// <summary>The built runner of test project <paramref name="project"/> (under tests/), in this configuration.</summary>
    public static string RunnerPathOf(string project)
    {
        // AppContext.BaseDirectory is tests/<test project>/bin/<Configuration>/<tfm>/.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = tfmDir.Parent!.Name;
        return Path.Combine(RepoPaths.Root, "tests", project, "bin", configuration, tfmDir.Name, project + ".dll");
    }

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="arguments"/> and returns how it ended.</summary>
    public static Outcome Run(string scenario, params string[] arguments) => RunWith(RunnerPath, scenario, arguments);

    /// <summary>Runs <paramref name="scenario"/> of the runner at <paramref name="runner"/> and returns how it ended.</summary>
    public static Outcome RunWith(string runner, string scenario, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(runner);
        info.ArgumentList.Add(scenario);
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        // A crash should end the child at once, not wait for a dump to be written.
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + runner);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Outcome(-1, stdout.Result, stderr.Result + $"\n(killed: still running after {HangLimit.TotalMinutes} minutes)");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="scenario"/> and fails the test unless it exits 0.</summary>
    public static void AssertPasses(string scenario, params string[] arguments)
    {
        var outcome = Run(scenario, arguments);
        Assert.True(outcome.ExitCode == 0, $"scenario '{scenario}' failed: {outcome}");
    }
}
