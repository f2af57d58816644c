namespace NumNet.Tests.Reliability;

/// <summary>The child-process runner works, so a scenario that passes says something.</summary>
public class ChildProcessTests
{
    [Fact]
    public void SmokeScenarioPassesInAChild() => ChildProcess.AssertPasses("smoke");

    [Fact]
    public void UnknownScenarioIsAUsageError()
    {
        var outcome = ChildProcess.Run("no-such-scenario");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("smoke", outcome.Stderr);
    }
}
