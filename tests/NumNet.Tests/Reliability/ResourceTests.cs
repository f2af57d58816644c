using System.Diagnostics;
using NumNet.Memory;

namespace NumNet.Tests.Reliability;

/// <summary>
/// Create/dispose cycles end where they started: the native block cache stays bounded, managed memory and the working
/// set stay flat, and no file descriptors are left open. Runs alone so other tests' allocations and files do not blur
/// the measurements.
/// </summary>
[Collection(nameof(ResourceCollection))]
public class ResourceTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void HundredThousandNativeArraysEndWithFlatMemory()
    {
        // Warm up so the JIT, the block cache and the first pages are not counted as growth.
        Cycle(2_000, dispose: true);
        var before = Measure();
        Cycle(100_000, dispose: true);
        var after = Measure();
        AssertFlat(before, after);
    }

    [Fact]
    public void UndisposedArraysAreReleasedByTheirFinalizers()
    {
        Cycle(1_000, dispose: false);
        var before = Measure();
        Cycle(20_000, dispose: false);
        var after = Measure();
        AssertFlat(before, after);
    }

    [Fact]
    public void LargeHugePageBlocksAreReusedOrFreed()
    {
        var before = Measure();
        for (int i = 0; i < 300; i++)
        {
            using var a = np.empty([(1 << 20) + i], np.float64); // 8 MiB: the huge-page size classes
            a.SetItem(1.0, -1);
        }
        var after = Measure();
        AssertFlat(before, after);
    }

    private static void Cycle(int count, bool dispose)
    {
        for (int i = 0; i < count; i++)
        {
            // 64 KiB and up go to native memory; vary the size across a few size classes.
            var a = np.empty([8192 + (i % 4) * 4096], np.float64);
            Assert.IsType<NativeBuffer>(a.Buffer);
            a.SetItem((double)i, 0);
            var view = a[new Slice(null, null, -1)];
            if (view.GetItem<double>(-1) != i)
                throw new InvalidOperationException("the view lost the write");
            if (dispose)
                a.Dispose();
        }
    }

    private sealed record Snapshot(long Cached, long Managed, long WorkingSet, int Fds);

    private static Snapshot Measure()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        int fds = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : 0;
        return new Snapshot(NativeAllocator.CachedBytes, GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64, fds);
    }

    private static void AssertFlat(Snapshot before, Snapshot after)
    {
        string detail = $"before {before}, after {after}";
        // The cache holds at most 8 blocks per size class: the 64, 128 and 256 KiB classes used here, plus 16 MiB.
        Assert.True(after.Cached <= Math.Max(before.Cached, 0) + 3 * 8 * 256 * 1024 + 8 * 16 * MiB, detail);
        Assert.True(after.Managed - before.Managed < 16 * MiB, detail);
        Assert.True(after.WorkingSet - before.WorkingSet < 192 * MiB, detail);
        Assert.True(after.Fds <= before.Fds, detail);
    }
}

/// <summary>Resource measurements run with no other test beside them.</summary>
[CollectionDefinition(nameof(ResourceCollection), DisableParallelization = true)]
public class ResourceCollection;
