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

    [Fact]
    public void HundredThousandMemoryMappedArraysEndWithFlatMemoryAndNoOpenHandles()
    {
        string path = MappedCycles(warmup: 2_000, cycles: 100_000, dispose: true);
        try
        {
            // Modes r+ and c each wrote one element per cycle; only r+ (which negates) reaches the file, and it has
            // visited every element (4096 and 3 are coprime).
            using var final = np.load<NDArray>(path);
            Assert.Equal(Enumerable.Range(0, 4096).Select(i => (long)-i),
                Enumerable.Range(0, 4096).Select(i => final.GetItem<long>(i)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void UndisposedMemoryMappedArraysAreReleasedByTheirFinalizers() =>
        Directory.Delete(Path.GetDirectoryName(MappedCycles(warmup: 500, cycles: 10_000, dispose: false))!, recursive: true);

    /// <summary>
    /// Saves arange(4096) to a new temp folder, maps it <paramref name="warmup"/> then <paramref name="cycles"/> times,
    /// and checks that memory stayed flat and nothing maps or holds the file; returns the file's path.
    /// </summary>
    private static string MappedCycles(int warmup, int cycles, bool dispose)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("numnet-mmap-cycles").FullName, "mapped.npy");
        np.save(path, np.arange(4096));
        MapCycle(path, warmup, dispose);
        var before = Measure();
        MapCycle(path, cycles, dispose);
        var after = Measure();
        AssertFlat(before, after, runtimeFds: 8);
        Assert.Equal(0, MappingsOf(path));
        Assert.Equal(0, HandlesTo(path));
        return path;
    }

    // Each cycle maps the file in one of the three modes, reads through a reversed view, and writes in r+ and c.
    private static void MapCycle(string path, int count, bool dispose)
    {
        string[] modes = ["r", "r+", "c"];
        for (int i = 0; i < count; i++)
        {
            int element = i % 4096, mode = i % 3;
            var a = np.load<NDArray>(path, mmapMode: modes[mode]);
            Assert.IsType<MemoryMappedFileBuffer>(a.Buffer);
            var reversed = a[new Slice(null, null, -1)];
            long value = reversed.GetItem<long>(4095 - element);
            if (value != element && value != -element)
                throw new InvalidOperationException($"cycle {i}: element {element} reads {value}");
            if (mode == 1)
                a.SetItem((long)-element, element);
            if (mode == 2)
                a.SetItem(long.MinValue, element);
            if (dispose)
                a.Dispose();
        }
    }

    // Mappings of the file still listed by the kernel: a mapping outlives its file handle, so fds alone would miss it.
    private static int MappingsOf(string path)
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return File.Exists("/proc/self/maps") ? File.ReadLines("/proc/self/maps").Count(l => l.EndsWith(path, StringComparison.Ordinal)) : 0;
    }

    // Open descriptors on the file itself: the exact count of handles the cycles could have leaked.
    private static int HandlesTo(string path)
    {
        if (!Directory.Exists("/proc/self/fd"))
            return 0;
        int n = 0;
        foreach (var fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == path)
                    n++;
            }
            catch (IOException)
            {
                // The descriptor closed while being looked at (the directory listing itself is one).
            }
        }
        return n;
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

    /// <param name="runtimeFds">
    /// Descriptors the runtime may open on its own during a long run (assemblies loaded on first use, its pipes); the
    /// file-backed tests count their own file's handles exactly instead.
    /// </param>
    private static void AssertFlat(Snapshot before, Snapshot after, int runtimeFds = 0)
    {
        string detail = $"before {before}, after {after}";
        // The cache holds at most 8 blocks per size class: the 64, 128 and 256 KiB classes used here, plus 16 MiB.
        Assert.True(after.Cached <= Math.Max(before.Cached, 0) + 3 * 8 * 256 * 1024 + 8 * 16 * MiB, detail);
        Assert.True(after.Managed - before.Managed < 16 * MiB, detail);
        Assert.True(after.WorkingSet - before.WorkingSet < 192 * MiB, detail);
        Assert.True(after.Fds <= before.Fds + runtimeFds, detail);
    }
}

/// <summary>Resource measurements run with no other test beside them.</summary>
[CollectionDefinition(nameof(ResourceCollection), DisableParallelization = true)]
public class ResourceCollection;
