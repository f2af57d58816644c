namespace NumNet.Benchmarks;

/// <summary>Every workload, in report order. Add new areas here as their features land.</summary>
public static class Catalog
{
    /// <summary>Elements in the 80 MB workloads (10 M float64).</summary>
    public const long Big = 10_000_000;

    /// <summary>All workloads.</summary>
    public static IReadOnlyList<Workload> All => [.. Layout, .. Creation, .. Casting, .. Printing];

    /// <summary>Copies, transposes, ravel.</summary>
    public static IReadOnlyList<Workload> Layout { get; } =
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

    /// <summary>asarray/array from every kind of .NET source.</summary>
    public static IReadOnlyList<Workload> Creation { get; } =
    [
        new("asarray_double1d_view", "Creation", "asarray(double[1M]): zero-copy view", 0, () =>
        {
            var source = Enumerable.Range(0, 1_000_000).Select(i => (double)i).ToArray();
            return new Prepared(() => np.asarray(source));
        }),
        new("array_double2d_1000", "Creation", "array(double[1000,1000]): 8 MB copy", 1000 * 1000 * 8, () =>
        {
            var source = new double[1000, 1000];
            for (int i = 0; i < 1000; i++)
                for (int j = 0; j < 1000; j++)
                    source[i, j] = i * 1000 + j;
            return new Prepared(() => np.array(source).Dispose());
        }),
        new("asarray_jagged_1000", "Creation", "asarray(double[][]) 1000×1000", 1000 * 1000 * 8, () =>
        {
            var source = Enumerable.Range(0, 1000)
                .Select(i => Enumerable.Range(0, 1000).Select(j => (double)(i * 1000 + j)).ToArray()).ToArray();
            return new Prepared(() => np.asarray(source).Dispose());
        }),
        new("asarray_boxed_1000", "Creation", "asarray(object[] of boxed doubles) 1000×1000", 1000 * 1000 * 8, () =>
        {
            object[] source = Enumerable.Range(0, 1000)
                .Select(i => (object)Enumerable.Range(0, 1000).Select(j => (object)(double)(i * 1000 + j)).ToArray()).ToArray();
            return new Prepared(() => np.asarray(source).Dispose());
        }),
        new("asarray_list_1m", "Creation", "asarray(List<double>) 1M", 1_000_000 * 8, () =>
        {
            var source = Enumerable.Range(0, 1_000_000).Select(i => (double)i).ToList();
            return new Prepared(() => np.asarray(source).Dispose());
        }),
    ];

    /// <summary>astype between the common numeric pairs, 4M elements each.</summary>
    public static IReadOnlyList<Workload> Casting { get; } =
    [
        AsType("astype_f8_f4", np.float64, np.float32),
        AsType("astype_f4_f8", np.float32, np.float64),
        AsType("astype_i8_f8", np.int64, np.float64),
        AsType("astype_f8_i8", np.float64, np.int64),
        AsType("astype_i4_i8", np.int32, np.int64),
        AsType("astype_f8_u1", np.float64, np.uint8),
    ];

    /// <summary>repr and str, as NumPy 2 prints them.</summary>
    public static IReadOnlyList<Workload> Printing { get; } =
    [
        new("repr_f8_1000", "Printing", "repr of 1000 float64 (i/7)", 0, () =>
        {
            using var ints = np.arange(1000);
            var a = Divide(ints.AsType(np.float64), 7);
            return new Prepared(() => np.array_repr(a), a);
        }),
        new("repr_i8_1000", "Printing", "repr of arange(1000) int64", 0, () =>
        {
            var a = np.arange(1000);
            return new Prepared(() => np.array_repr(a), a);
        }),
        new("str_f8_1000x1000", "Printing", "str of a 1000×1000 float64 (summarised)", 0, () =>
        {
            var a = Data.Float64(1000, 1000);
            return new Prepared(() => a.ToString(), a);
        }),
        new("str_f8_1m_full", "Printing", "str of 1M float64 in [1, 2), threshold off (every value printed)", 0, () =>
        {
            var a = Spread(1_000_000);
            return new Prepared(() =>
            {
                using var scope = np.printoptions(threshold: long.MaxValue);
                _ = np.array_str(a);
            }, a);
        }),
        new("repr_f8_1m_full", "Printing", "repr of 1M float64 in [1, 2), threshold off (every value printed)", 0, () =>
        {
            var a = Spread(1_000_000);
            return new Prepared(() =>
            {
                using var scope = np.printoptions(threshold: long.MaxValue);
                _ = np.array_repr(a);
            }, a);
        }),
        new("repr_f8_10k_full", "Printing", "repr of 10k float64 in [1, 2), threshold off", 0, () =>
        {
            var a = Spread(10_000);
            return new Prepared(() =>
            {
                using var scope = np.printoptions(threshold: long.MaxValue);
                _ = np.array_repr(a);
            }, a);
        }),
        new("repr_f8_1e8", "Printing", "repr of arange(1e8) float64 (summarised, default options)", 0, () =>
        {
            var a = Data.Float64(100_000_000);
            return new Prepared(() => np.array_repr(a), a);
        }),
    ];

    // One size for every cast: 4M elements, 32 MB of float64, larger than the L3 cache.
    private const long CastCount = 4_000_000;

    private static Workload AsType(string name, DType from, DType to) =>
        new(name, "Casting", $"astype {from} → {to}, 4M elements", CastCount * to.ItemSize, () =>
        {
            using var doubles = Data.Float64(CastCount);
            var a = doubles.AsType(from);
            return new Prepared(() => a.AsType(to).Dispose(), a);
        });

    // The repr workload prints i/7 so every value needs full precision; division happens once, at setup.
    private static NDArray Divide(NDArray a, double by)
    {
        for (long i = 0; i < a.Size; i++)
            a.SetItem(a.GetItem<double>(i) / by, i);
        return a;
    }

    // 1 + frac(i * golden ratio): every value needs 16 or 17 digits, and IEEE arithmetic makes the NumPy side
    // (bench/numpy/workloads.py) bit-identical.
    private static NDArray Spread(long n)
    {
        var a = Data.Float64(n);
        var span = Data.Bytes(a);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(span);
        for (int i = 0; i < values.Length; i++)
            values[i] = 1 + (i * 0.6180339887498949) % 1.0;
        return a;
    }

    /// <summary>The workload called <paramref name="name"/>.</summary>
    public static Workload Get(string name) => All.First(w => w.Name == name);
}
