using BenchmarkDotNet.Attributes;

namespace NumNet.Benchmarks;

/// <summary>
/// Copies that keep or change memory order: the bandwidth baseline, plain copies, transposed copies, ravel. Each
/// method runs the <see cref="Catalog"/> workload of the same name.
/// </summary>
[MemoryDiagnoser]
public class LayoutBenchmarks
{
    private readonly Dictionary<string, Prepared> _prepared = [];

    /// <summary>Builds every input once; they are large, so iterations share them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (var w in Catalog.Layout)
            _prepared[w.Name] = w.Prepare();
    }

    /// <summary>Releases the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var p in _prepared.Values)
            p.Dispose();
        _prepared.Clear();
    }

    /// <summary>Plain <c>memmove</c> of 80 MB into an existing array (<c>Span.CopyTo</c>): the bandwidth baseline.</summary>
    [Benchmark(Baseline = true)]
    public void Memcpy80MB() => _prepared["memcpy_80mb"].Run();

    /// <summary><c>np.copyto(dst, src)</c> of 80 MB float64 into an existing array.</summary>
    [Benchmark]
    public void CopyTo80MB() => _prepared["copyto_80mb"].Run();

    /// <summary><c>np.copyto(dst, src)</c> of 80 MB float64 with <see cref="NumNetSettings.MaxThreads"/> = 1.</summary>
    [Benchmark]
    public void CopyTo80MBOneThread() => _prepared["copyto_80mb_t1"].Run();

    /// <summary>Copy of 80 MB into a new array.</summary>
    [Benchmark]
    public void Copy80MBNew() => _prepared["copy_80mb_new"].Run();

    /// <summary>Copy of a 1000×1000 float64 array.</summary>
    [Benchmark]
    public void Copy1000x1000() => _prepared["copy_1000x1000"].Run();

    /// <summary><c>np.ascontiguousarray(a.T)</c>, 4096×4096 float64.</summary>
    [Benchmark]
    public void AsContiguousTransposed4096() => _prepared["ascontiguous_T_4096"].Run();

    /// <summary><c>a.T.ravel()</c>, 2000×2000 float64.</summary>
    [Benchmark]
    public void RavelTransposed2000() => _prepared["ravel_T_2000"].Run();

    /// <summary><c>a.copy(order='F')</c> of a C-ordered 4096×4096 float64.</summary>
    [Benchmark]
    public void CopyF4096() => _prepared["copyF_4096"].Run();

    /// <summary><c>np.ascontiguousarray(a.T)</c>, 4096×4096 float32.</summary>
    [Benchmark]
    public void AsContiguousTransposed4096Float32() => _prepared["ascontiguous_T_4096_f32"].Run();

    /// <summary><c>np.ascontiguousarray(a.T)</c>, 4096×4096 uint8.</summary>
    [Benchmark]
    public void AsContiguousTransposed4096UInt8() => _prepared["ascontiguous_T_4096_u8"].Run();

    /// <summary><c>np.ascontiguousarray(a.T)</c>, 4096×4096 uint16.</summary>
    [Benchmark]
    public void AsContiguousTransposed4096UInt16() => _prepared["ascontiguous_T_4096_u16"].Run();

    /// <summary><c>a.transpose(2, 0, 1).copy()</c> of a (64, 256, 512) float64.</summary>
    [Benchmark]
    public void Copy3DTransposed() => _prepared["copy_3d_transpose"].Run();
}
