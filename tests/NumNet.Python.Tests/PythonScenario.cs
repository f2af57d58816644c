using NumNet.Tests.Reliability;
using Xunit.Abstractions;

namespace NumNet.Python.Tests;

/// <summary>
/// Runs a scenario of tests/NumNet.Python.Hostile in its own process (through the suite's
/// <see cref="ChildProcess"/>): an embedded interpreter that crashes fails one test, not the run. A scenario that
/// cannot run here (no CPython library, no NumPy) exits with code 3 and its reason: the test then passes with
/// "skipped: reason" in its output, except under <c>CI=true</c>, where it fails.
/// </summary>
internal static class PythonScenario
{
    private const int Skipped = 3;

    /// <summary>Runs <paramref name="scenario"/> and asserts that it passed (or was skipped outside CI).</summary>
    public static string AssertPasses(ITestOutputHelper output, string scenario, params string[] arguments)
    {
        var outcome = ChildProcess.RunWith(ChildProcess.RunnerPathOf("NumNet.Python.Hostile"), scenario, arguments);
        output.WriteLine(outcome.Stdout);
        if (outcome.Stderr.Length > 0)
            output.WriteLine(outcome.Stderr);
        if (outcome.ExitCode == Skipped)
        {
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Assert.False(ci, $"scenario '{scenario}' was skipped under CI=true, where Python interop must run: {outcome.Stdout.Trim()}");
            return outcome.Stdout;
        }
        Assert.True(outcome.ExitCode == 0, $"scenario '{scenario}' failed: {outcome}");
        return outcome.Stdout;
    }
}
