using BenchmarkDotNet.Attributes;

namespace NumNet.Benchmarks;

/// <summary>
/// .npy load and save of an 800 MB float64 array (100 million elements), against the disk cache of the temp folder:
/// a save is one header write plus one 800 MB write; a load is the same read into fresh memory; a memory-mapped load
/// touches no data, and a mapped sum reads every page once.
/// </summary>
[MemoryDiagnoser]
public class FilesBenchmarks
{
    private const long Count = 100_000_000;
    private string _dir = "";
    private string _path = "";
    private NDArray _array = null!;

    /// <summary>Writes the file once so the load benchmarks read a warm page cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("numnet-files-bench-").FullName;
        _path = Path.Combine(_dir, "big.npy");
        _array = np.zeros([Count]);
        np.save(_path, _array);
    }

    /// <summary>Frees the array and deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _array.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>np.save of 800 MB, written through a temporary file and renamed.</summary>
    [Benchmark]
    public void Save800MB() => np.save(Path.Combine(_dir, "out.npy"), _array);

    /// <summary>np.load of 800 MB into memory.</summary>
    [Benchmark(Baseline = true)]
    public void Load800MB()
    {
        using var a = np.load<NDArray>(_path);
    }

    /// <summary>np.load with mmapMode='r': header parse and mapping only.</summary>
    [Benchmark]
    public void MapOnly800MB()
    {
        using var a = np.load<NDArray>(_path, mmapMode: "r");
    }

    /// <summary>Map, then read every element once through a contiguous copy.</summary>
    [Benchmark]
    public void MapAndCopy800MB()
    {
        using var a = np.load<NDArray>(_path, mmapMode: "r");
        using var c = a.Copy();
    }
}
