using NumNet.Platform;

namespace NumNet.Tests.Platform;

/// <summary>The last-level cache is read from sysfs-shaped folders, and the streaming limit follows from it.</summary>
public sealed class CacheTopologyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numnet-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Index(int n, int level, string type, string size, string? shared)
    {
        string d = Directory.CreateDirectory(Path.Combine(_dir, "index" + n)).FullName;
        File.WriteAllText(Path.Combine(d, "level"), level + "\n");
        File.WriteAllText(Path.Combine(d, "type"), type + "\n");
        File.WriteAllText(Path.Combine(d, "size"), size + "\n");
        if (shared is not null)
            File.WriteAllText(Path.Combine(d, "shared_cpu_list"), shared + "\n");
    }

    [Fact]
    public void HighestDataOrUnifiedLevelWins()
    {
        Index(0, 1, "Data", "32K", "0");
        Index(1, 1, "Instruction", "32K", "0");
        Index(2, 2, "Unified", "1024K", "0");
        Index(3, 3, "Unified", "32768K", "0-1");
        var cache = CacheTopology.FromSysfs(_dir);
        Assert.Equal(new CacheLevel(3, 32L << 20, 2, "sysfs"), cache);
        // Three quarters of one processor's half: 12 MiB, so an 8 MB copy stays in cache.
        Assert.Equal(12L << 20, CacheTopology.ThresholdFor(cache));
    }

    [Fact]
    public void InstructionCachesAreIgnored()
    {
        Index(0, 1, "Data", "48K", "0");
        Index(1, 4, "Instruction", "64K", "0");
        Assert.Equal(1, CacheTopology.FromSysfs(_dir)!.Level);
    }

    [Fact]
    public void MissingFolderOrUnreadableSizesGiveNothing()
    {
        Assert.Null(CacheTopology.FromSysfs(Path.Combine(_dir, "absent")));
        Index(0, 3, "Unified", "lots", "0-3");
        Assert.Null(CacheTopology.FromSysfs(_dir));
    }

    [Theory]
    [InlineData("32768K", 32L << 20)]
    [InlineData("1M", 1L << 20)]
    [InlineData("512", 512L)]
    [InlineData("", 0L)]
    [InlineData("-5K", 0L)]
    [InlineData("99999999999999999999K", 0L)]
    public void SizesParse(string text, long expected) => Assert.Equal(expected, CacheTopology.ParseSize(text));

    [Theory]
    [InlineData("0", 1)]
    [InlineData("0-1", 2)]
    [InlineData("0,2,4-7", 6)]
    [InlineData("", 0)]
    [InlineData("3-1", 0)]
    [InlineData("x", 0)]
    public void CpuListsCount(string list, int expected) => Assert.Equal(expected, CacheTopology.CountCpuList(list));

    [Fact]
    public void UnknownCacheKeepsTheOldDefaultAndTinyCachesAreFloored()
    {
        Assert.Equal(CacheTopology.DefaultStreamingThreshold, CacheTopology.ThresholdFor(null));
        Assert.Equal(CacheTopology.MinimumStreamingThreshold, CacheTopology.ThresholdFor(new CacheLevel(2, 256 << 10, 4, "cpuid")));
    }

    [Fact]
    public void ThisMachinesLimitComesFromItsCache()
    {
        var cache = CacheTopology.LastLevel;
        Assert.Equal(CacheTopology.ThresholdFor(cache), CacheTopology.StreamingThreshold);
        Assert.InRange(CacheTopology.StreamingThreshold, CacheTopology.MinimumStreamingThreshold, 1L << 40);
    }
}
