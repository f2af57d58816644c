using NumNet.Conformance;
using Xunit.Abstractions;

namespace NumNet.Tests.Conformance;

/// <summary>
/// Runs every NumPy-generated case in tests/conformance (cases-*.json) and every minimal case differential runs found
/// (found-*.json). A case may fail only if tests/conformance/known-failures.txt
/// lists it with a reason; platform-dependent cases (undefined C behaviour, long double format) are reported, not failed.
/// </summary>
public class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in ConformanceCase.FilesIn(RepoPaths.ConformanceDir))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void EveryCaseMatchesNumPy(string file)
    {
        Wiring.Install();
        var known = KnownFailures.Load(Path.Combine(RepoPaths.ConformanceDir, "known-failures.txt"));
        var unexpected = new List<string>();
        int passed = 0, knownFailed = 0, platform = 0;
        foreach (var c in ConformanceCase.Load(Path.Combine(RepoPaths.ConformanceDir, file)))
        {
            var outcome = CaseRunner.Run(c);
            if (outcome.Passed)
            {
                passed++;
                continue;
            }
            if (known.ContainsKey(c.Id))
                knownFailed++;
            else if (c.PlatformDependent)
            {
                platform++;
                output.WriteLine($"platform-dependent {c.Id}: {outcome.Detail}");
            }
            else
                unexpected.Add($"{c.Id} ({c.Call}): {outcome.Detail}");
        }
        output.WriteLine($"{file}: {passed} passed, {knownFailed} known failures, {platform} platform-dependent failures");
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected failures:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void EveryKnownFailureHasAReasonAndExists()
    {
        var known = KnownFailures.Load(Path.Combine(RepoPaths.ConformanceDir, "known-failures.txt"));
        var ids = ConformanceCase.FilesIn(RepoPaths.ConformanceDir)
            .SelectMany(ConformanceCase.Load).Select(c => c.Id).ToHashSet();
        Assert.All(known, k =>
        {
            Assert.Contains(k.Key, ids);
            Assert.False(string.IsNullOrWhiteSpace(k.Value));
        });
    }
}
