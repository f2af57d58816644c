namespace NumNet.Benchmarks;

/// <summary>Every workload, in report order. Add new areas here as their features land.</summary>
public static class Catalog
{
    /// <summary>Elements in the 80 MB workloads (10 M float64).</summary>
    public const long Big = 10_000_000;

    /// <summary>All workloads.</summary>
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("memcpy_80mb", "Layout", "plain copy 80 MB into an existing array (bandwidth baseline)", Big * 8, () =>
        {
            var src = Data.Float64(Big);
            var dst = Data.Float64(Big);
            return new Prepared(() => Data.Bytes(src).CopyTo(Data.Bytes(dst)), src, dst);
        }),
        new("copy_80mb_new", "Layout", "copy 80 MB float64 into a new array", Big * 8, () =>
        {
            var a = Data.Float64(Big);
            return new Prepared(() => a.Copy().Dispose(), a);
        }),
        new("copy_1000x1000", "Layout", "copy of a 1000×1000 float64 array", 1000 * 1000 * 8, () =>
        {
            var a = Data.Float64(1000, 1000);
            return new Prepared(() => a.Copy().Dispose(), a);
        }),
        new("ascontiguous_T_4096", "Layout", "ascontiguousarray of transposed 4096×4096 float64", 4096L * 4096 * 8, () =>
        {
            var a = Data.Float64(4096, 4096);
            var t = a.T;
            return new Prepared(() => np.ascontiguousarray(t).Dispose(), a);
        }),
        new("ravel_T_2000", "Layout", "ravel(C) of transposed 2000×2000 float64", 2000L * 2000 * 8, () =>
        {
            var a = Data.Float64(2000, 2000);
            var t = a.T;
            return new Prepared(() => t.Ravel(MemoryOrder.C).Dispose(), a);
        }),
        new("copyF_4096", "Layout", "copy(order=F) of a C 4096×4096 float64", 4096L * 4096 * 8, () =>
        {
            var a = Data.Float64(4096, 4096);
            return new Prepared(() => a.Copy(MemoryOrder.F).Dispose(), a);
        }),
        new("ascontiguous_T_4096_f32", "Layout", "ascontiguousarray of transposed 4096×4096 float32", 4096L * 4096 * 4, () =>
        {
            var a = Data.Filled(np.float32, 4096, 4096);
            var t = a.T;
            return new Prepared(() => np.ascontiguousarray(t).Dispose(), a);
        }),
        new("ascontiguous_T_4096_u8", "Layout", "ascontiguousarray of transposed 4096×4096 uint8", 4096L * 4096, () =>
        {
            var a = Data.Filled(np.uint8, 4096, 4096);
            var t = a.T;
            return new Prepared(() => np.ascontiguousarray(t).Dispose(), a);
        }),
        new("copy_3d_transpose", "Layout", "C copy of a (64, 256, 512) float64 transposed (2, 0, 1)", 64L * 256 * 512 * 8, () =>
        {
            var a = Data.Float64(64, 256, 512);
            var t = a.Transpose(2, 0, 1);
            return new Prepared(() => t.Copy().Dispose(), a);
        }),
    ];

    /// <summary>The workload called <paramref name="name"/>.</summary>
    public static Workload Get(string name) => All.First(w => w.Name == name);
}
