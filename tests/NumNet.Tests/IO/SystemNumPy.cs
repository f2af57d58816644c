using System.Diagnostics;

namespace NumNet.Tests.IO;

/// <summary>
/// Debian's /usr/bin/python3 with NumPy, for tests that check files against real NumPy. Where it is missing a test
/// reports itself skipped with the reason; under CI=true, where .ci/run installs it, a missing NumPy is a failure.
/// </summary>
internal static class SystemNumPy
{
    public const string Python = "/usr/bin/python3";

    /// <summary>True when NumPy can be run; otherwise the reason in <paramref name="why"/>.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">NumPy is missing under CI=true.</exception>
    public static bool Available(out string why)
    {
        why = "";
        if (!File.Exists(Python))
            why = Python + " is not installed; the NumPy check did not run";
        else if (Run("-c", "import numpy") is { Code: not 0 } failed)
            why = "numpy is not importable by " + Python + "; the NumPy check did not run (" + failed.Stderr.Trim() + ")";
        if (why.Length > 0 && Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("under CI=true NumPy must be present (.ci/run installs python3-numpy): " + why);
        return why.Length == 0;
    }

    /// <summary>Runs the system Python with <paramref name="args"/>.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, err.Result);
    }
}
