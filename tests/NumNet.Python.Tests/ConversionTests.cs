using Xunit.Abstractions;

namespace NumNet.Python.Tests;

/// <summary>Python objects into NumNet and NumNet arrays into NumPy, compared by NumPy itself (each in a child process).</summary>
public sealed class ConversionTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryDTypeOfTheSeedTableRoundTripsZeroCopy() => PythonScenario.AssertPasses(output, "python-dtypes");

    [Fact]
    public void EachSourceKindBecomesWhatNumPysAsarrayMakes() => PythonScenario.AssertPasses(output, "python-sources");

    [Fact]
    public void SourceKindsKeepNumPysSemantics() => PythonScenario.AssertPasses(output, "python-sources-semantics");
}
