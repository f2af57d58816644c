namespace NumNet.Benchmarks;

/// <summary>Every workload, in report order. Add new areas here as their features land.</summary>
public static class Catalog
{
    /// <summary>Elements in the 80 MB workloads (10 M float64).</summary>
    public const long Big = 10_000_000;

    /// <summary>All workloads.</summary>
    public static IReadOnlyList<Workload> All => [.. Layout, .. Creation, .. Casting, .. Printing, .. Files];

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
        new("asarray_jagged_f32_1000", "Creation", "asarray(double[][], dtype=float32) 1000×1000", 1000 * 1000 * 4, () =>
        {
            var source = Enumerable.Range(0, 1000)
                .Select(i => Enumerable.Range(0, 1000).Select(j => (double)(i * 1000 + j)).ToArray()).ToArray();
            return new Prepared(() => np.asarray(source, np.float32).Dispose());
        }),
        new("asarray_boxed_int_1000", "Creation", "asarray(object[] of boxed ints) 1000×1000", 1000 * 1000 * 4, () =>
        {
            object[] source = Enumerable.Range(0, 1000)
                .Select(i => (object)Enumerable.Range(0, 1000).Select(j => (object)(i * 1000 + j)).ToArray()).ToArray();
            return new Prepared(() => np.asarray(source).Dispose());
        }),
        new("asarray_bigint_1m", "Creation", "asarray(List<object> of BigInteger, Python ints) 1M", 1_000_000 * 8, () =>
        {
            var source = Enumerable.Range(0, 1_000_000).Select(i => (object)new System.Numerics.BigInteger(i * 1000L)).ToList();
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
    ];

    /// <summary>Elements of the 800 MB file workloads (100 M float64).</summary>
    private const long FileCount = 100_000_000;

    /// <summary>
    /// .npy save and load of 800 MB in the temp folder (Path.GetTempPath()), with a plain copy of the same file as the
    /// yardstick: the issue asks for save and load at 70% or more of the copy's speed.
    /// </summary>
    public static IReadOnlyList<Workload> Files { get; } =
    [
        // The earlier copy is deleted, then the file copied to the freed name: copying over it instead truncates it,
        // which makes ext4 flush the new data to disk (its replace-by-truncate safeguard) and took 2.1 s instead of
        // 0.5-0.9. np.save's rename over its earlier file also removes that file inside the timed run.
        new("copyfile_800mb", "Files", "File.Copy of an 800 MB .npy to a new name (disk copy baseline)", FileCount * 8, () =>
        {
            var dir = new ScratchDir();
            using var a = Data.Float64(FileCount);
            string src = dir.File("src.npy"), dst = dir.File("dst.npy");
            np.save(src, a);
            return new Prepared(() =>
            {
                File.Delete(dst);
                File.Copy(src, dst);
            }, dir);
        }),
        new("save_800mb", "Files", "np.save of 800 MB float64 over an earlier save", FileCount * 8, () =>
        {
            var dir = new ScratchDir();
            var a = Data.Float64(FileCount);
            string path = dir.File("out.npy");
            return new Prepared(() => np.save(path, a), a, dir);
        }),
        new("load_800mb", "Files", "np.load of an 800 MB float64 .npy", FileCount * 8, () =>
        {
            var dir = new ScratchDir();
            string path = dir.File("in.npy");
            using (var a = Data.Float64(FileCount))
                np.save(path, a);
            return new Prepared(() => np.load<NDArray>(path).Dispose(), dir);
        }),
    ];

    /// <summary>A folder under the temp path, deleted with everything in it on dispose.</summary>
    private sealed class ScratchDir : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("numnet-bench-files-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }

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

    /// <summary>The workload called <paramref name="name"/>.</summary>
    public static Workload Get(string name) => All.First(w => w.Name == name);
}
