namespace NumNet.Tests.Reliability;

/// <summary>
/// Dispose racing another thread's operation on the same array, 200 rounds each, in a child process
/// (tests/NumNet.Hostile/LeaseRaces.cs): the operation in flight finishes with the right values, the next access throws
/// <see cref="ObjectDisposedException"/>, and the process never crashes.
/// </summary>
public class LeaseRaceTests
{
    [Theory]
    [InlineData("lease-dispose-during-copy-native")]
    [InlineData("lease-dispose-during-copy-mapped")]
    [InlineData("lease-dispose-during-astype")]
    [InlineData("lease-dispose-during-ravel")]
    [InlineData("lease-dispose-during-print")]
    [InlineData("lease-dispose-during-save")]
    public void DisposeDuringAnOperationIsSafe(string scenario) => ChildProcess.AssertPasses(scenario, "200");
}

/// <summary>
/// Dispose racing a copy split across two threads (tests/NumNet.Hostile/SplitCopyRaces.cs), 200 rounds each, in a child
/// process. In the collection that runs alone: each child keeps both cores busy for its whole run, which can starve the
/// CLI tests that must catch a child process in the middle of its work.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public class SplitCopyRaceTests
{
    [Theory]
    [InlineData("lease-dispose-during-split-copy")]
    [InlineData("lease-dispose-during-split-copyto")]
    public void DisposeDuringASplitCopyIsSafe(string scenario) => ChildProcess.AssertPasses(scenario, "200");
}
