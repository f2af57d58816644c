namespace NumNet.Tests.Reliability;

/// <summary>
/// Print options are a process-wide default with a per-logical-context override (an AsyncLocal): a scope opened with
/// <c>np.printoptions</c> applies to its own thread and to the tasks started inside it, never to other threads.
/// </summary>
public class PrintOptionsIsolationTests
{
    private static readonly NDArray Values = np.asarray(new[] { 1.23456789, 2.5 });

    [Fact]
    public void ScopeOnOneThreadDoesNotLeakIntoAnother()
    {
        string defaultRepr = Values.Repr();
        using var opened = new ManualResetEventSlim();
        using var printed = new ManualResetEventSlim();
        string? inside = null, afterwards = null;
        var owner = new Thread(() =>
        {
            using (np.printoptions(precision: 2))
            {
                opened.Set();
                printed.Wait();
                inside = Values.Repr();
                np.set_printoptions(precision: 3); // replaces the scope's options, still only here
            }
            afterwards = Values.Repr();
        });
        owner.Start();
        opened.Wait();
        string other = Values.Repr();
        string otherThread = "";
        var third = new Thread(() => otherThread = Values.Repr());
        third.Start();
        third.Join();
        printed.Set();
        owner.Join();
        Assert.Equal("array([1.23, 2.5 ])", inside);
        Assert.Equal(defaultRepr, other);
        Assert.Equal(defaultRepr, otherThread);
        Assert.Equal(defaultRepr, afterwards);
        Assert.Equal(defaultRepr, Values.Repr());
    }

    [Fact]
    public async Task TasksStartedInsideAScopeInheritItAndOthersDoNot()
    {
        string defaultRepr = Values.Repr();
        Task<string> before = new(() => Values.Repr());
        string fromTask;
        using (np.printoptions(precision: 1))
        {
            fromTask = await Task.Run(() => Values.Repr());
            before.Start(TaskScheduler.Default);
            Assert.Equal("array([1.2, 2.5])", Values.Repr());
        }
        Assert.Equal("array([1.2, 2.5])", fromTask);
        Assert.Equal(defaultRepr, Values.Repr());
        // A task captures the execution context when it is created, so one created before the scope never sees it.
        Assert.Equal(defaultRepr, await before);
    }

    [Fact]
    public void ManyThreadsWithTheirOwnScopesEachSeeTheirOwn()
    {
        var results = new string[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int round = 0; round < 50; round++)
            {
                using (np.printoptions(precision: i % 8 + 1))
                    results[i] = Values.Repr();
            }
        });
        for (int i = 0; i < results.Length; i++)
        {
            using (np.printoptions(precision: i % 8 + 1))
                Assert.Equal(Values.Repr(), results[i]);
        }
    }
}
