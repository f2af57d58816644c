using NumNet.Tests.Reliability;

namespace NumNet.Tests.Creation;

/// <summary>
/// Sources that change between discovery and fill, by lying or through another thread (scenarios in
/// tests/NumNet.Hostile/Coercion*.cs, each run in a child process because, before the snapshot rule, they wrote past
/// the result's buffer and could kill the process). Each call must give a result holding only what the source held,
/// or ArgumentException "Inconsistent object during array creation".
/// </summary>
public class InconsistentSourceTests
{
    public static TheoryData<string, string, string> LyingLists()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "ilist", "ilist-of-object", "ilist-of-double", "generic-only" })
        {
            foreach (var (before, after) in new[] { ("2", "3"), ("2", "4"), ("2", "100000"), ("8192", "8193"), ("65536", "0") })
                data.Add(kind, before, after);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LyingLists))]
    public void ListWhoseCountChangesGivesTheValuesOrTheError(string kind, string before, string after) =>
        ChildProcess.AssertPasses("coercion-lying-list", kind, before, after);

    [Theory]
    [InlineData("2", "3")]
    [InlineData("2", "100000")]
    [InlineData("65536", "0")]
    public void EnumerableYieldingMoreTheSecondTimeIsReadOnce(string first, string later) =>
        ChildProcess.AssertPasses("coercion-changing-enumerable", first, later);

    [Theory]
    [InlineData("jagged", "grow")]
    [InlineData("jagged", "shrink")]
    [InlineData("objects", "grow")]
    [InlineData("objects", "shrink")]
    [InlineData("objects", "scalar")]
    [InlineData("objects", "array")]
    [InlineData("lists", "grow")]
    [InlineData("lists", "shrink")]
    [InlineData("lists", "scalar")]
    [InlineData("lists", "array")]
    public void RowChangedWhileDiscoveryRunsIsTheError(string root, string change) =>
        ChildProcess.AssertPasses("coercion-rows-changed-during-discovery", root, change);

    [Theory]
    [InlineData("coercion-race-list-resize")]
    [InlineData("coercion-race-list-rows-resize")]
    [InlineData("coercion-race-jagged-swap")]
    [InlineData("coercion-race-jagged-ragged")]
    [InlineData("coercion-race-typed-lists")]
    public void SourceChangedByAnotherThreadTwoHundredTimes(string scenario) =>
        ChildProcess.AssertPasses(scenario, "200");
}
