using Xunit.Abstractions;

namespace NumNet.Python.Tests;

/// <summary>Lying exporters, lifetimes across the runtimes, memory over many round trips, and like= with Dask.</summary>
public sealed class SafetyTests(ITestOutputHelper output)
{
    [Fact]
    public void LyingArrayInterfacesAreRefusedBeforeAnyByteIsRead() => PythonScenario.AssertPasses(output, "python-hostile-interfaces");

    [Fact]
    public void PythonKeepsNumNetMemoryAliveAfterCSharpLetsGo() => PythonScenario.AssertPasses(output, "python-lifetime-python-holds");

    [Fact]
    public void NumNetKeepsPythonMemoryAliveAfterDelAndReleasesItAfterwards() => PythonScenario.AssertPasses(output, "python-lifetime-csharp-holds");

    [Fact]
    public void AHundredThousandRoundTripsKeepMemoryFlat() => PythonScenario.AssertPasses(output, "python-round-trips");

    [Fact]
    public void LikeADaskArrayCallsArrayFunction() => PythonScenario.AssertPasses(output, "python-dask-like");
}
