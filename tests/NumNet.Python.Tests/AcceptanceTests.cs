using Xunit.Abstractions;

namespace NumNet.Python.Tests;

/// <summary>Issue 16's acceptance program: an ndarray view in, back out, memory shared three ways.</summary>
public sealed class AcceptanceTests(ITestOutputHelper output)
{
    [Fact]
    public void TheIssueProgramSharesMemoryBothWays() => PythonScenario.AssertPasses(output, "python-acceptance");
}
