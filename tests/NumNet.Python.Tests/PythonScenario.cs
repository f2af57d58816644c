using System.Diagnostics;
using Xunit.Abstractions;

namespace NumNet.Python.Tests;

/// <summary>
/// Runs a scenario of tests/NumNet.Python.Hostile in its own process: an embedded interpreter that crashes fails one
/// test, not the run. A scenario that cannot run here (no CPython library, no NumPy) exits with code 3 and its reason:
/// the test then passes with "skipped: reason" in its output, except under <c>CI=true</c>, where it fails.
/// </summary>
internal static class PythonScenario
{
    private const int Skipped = 3;

    /// <summary>A hang detector, not a speed limit.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="scenario"/> and asserts that it passed (or was skipped outside CI).</summary>
    public static string AssertPasses(ITestOutputHelper output, string scenario, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = Run(scenario, arguments);
        output.WriteLine(stdout);
        if (stderr.Length > 0)
            output.WriteLine(stderr);
        if (exitCode == Skipped)
        {
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Assert.False(ci, $"scenario '{scenario}' was skipped under CI=true, where Python interop must run: {stdout.Trim()}");
            return stdout;
        }
        Assert.True(exitCode == 0, $"scenario '{scenario}' failed: exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        return stdout;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string scenario, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RunnerPath);
        info.ArgumentList.Add(scenario);
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + RunnerPath);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, stdout.Result, stderr.Result + $"\n(killed: still running after {HangLimit.TotalMinutes} minutes)");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    // AppContext.BaseDirectory is tests/NumNet.Python.Tests/bin/<Configuration>/<tfm>/; the runner sits beside it.
    private static string RunnerPath
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tests = tfm.Parent!.Parent!.Parent!.Parent!;
            return Path.Combine(tests.FullName, "NumNet.Python.Hostile", "bin", tfm.Parent.Name, tfm.Name, "NumNet.Python.Hostile.dll");
        }
    }
}
