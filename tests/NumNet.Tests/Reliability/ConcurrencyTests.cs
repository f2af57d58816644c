using System.Runtime.InteropServices;

namespace NumNet.Tests.Reliability;

/// <summary>
/// Many threads creating arrays, views, ravels, copies and casts over shared read-only inputs get exactly what one
/// thread gets: nothing in creation, layout or casting keeps per-call state in shared places.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;
    private const int Rounds = 12;

    [Fact]
    public void ManyThreadsAgreeWithOneThread()
    {
        var ops = Operations();
        var expected = ops.Select(op => Signature(op())).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var rng = new Random(t);
            start.SignalAndWait();
            for (int round = 0; round < Rounds; round++)
            {
                foreach (int i in Enumerable.Range(0, ops.Length).OrderBy(_ => rng.Next()))
                {
                    try
                    {
                        string got = Signature(ops[i]());
                        if (got != expected[i])
                            failures.Enqueue($"operation {i} on thread {t}: {got} instead of {expected[i]}");
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"operation {i} on thread {t} threw {e}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());
        Assert.Empty(failures);
    }

    private static Func<object>[] Operations()
    {
        var rng = new Random(42);
        var nested = Enumerable.Range(0, 20).Select(i => (object?)Enumerable.Range(0, 30)
            .Select(j => (i + j) % 7 == 0 ? (object?)(long)(i * j) : rng.NextDouble()).ToList()).ToList();
        var strings = Enumerable.Range(0, 50).Select(i => (object?)("s" + i * i)).ToArray();
        var bigInts = Enumerable.Range(0, 40).Select(i => (object?)(System.Numerics.BigInteger.One << (i * 3))).ToList();
        var grid = new double[40, 50];
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 50; j++)
                grid[i, j] = i * 50 + j + 0.25;
        var cube = np.arange(2 * 3 * 4 * 5).AsType(np.float64).Reshape(2, 3, 4, 5);
        cube.SetWriteable(false);
        // Large enough for native memory and the blocked transpose paths.
        var large = np.arange(300 * 400).AsType(np.float64).Reshape(300, 400);
        large.SetWriteable(false);
        return
        [
            () => np.asarray(nested),
            () => np.array(nested, np.float32),
            () => np.asarray(strings),
            () => np.asarray(bigInts),
            () => np.asarray(bigInts, np.float64),
            () => np.asarray(grid),
            () => np.array(grid, order: "F"),
            () => np.asarray(grid, np.int16),
            () => cube.T,
            () => cube.T.Ravel(),
            () => cube.Transpose(1, 3, 0, 2).Copy(MemoryOrder.F),
            () => cube[new Slice(null, null, -1)].Ravel(MemoryOrder.K),
            () => cube.AsType(np.int32),
            () => cube.AsType("U8"),
            () => cube.AsType(np.complex64).AsType(np.float16),
            () => large.T.Copy(MemoryOrder.C),
            () => large.AsType(np.float32),
            () => large.Ravel(MemoryOrder.F),
            () => np.asarray(large.T, np.int64, "C"),
            () => cube.Repr(),
            () => np.asarray(bigInts).Repr(),
        ];
    }

    // What a result is, down to its bytes: dtype, layout, flags and content.
    private static string Signature(object result)
    {
        if (result is string s)
            return s;
        var a = (NDArray)result;
        var head = $"{a.DType.Repr()} ({string.Join(",", a.Shape)}) [{string.Join(",", a.Strides)}] {a.Flags}";
        if (a.DType.IsObject)
            return head + " " + string.Join("|", Enumerable.Range(0, (int)a.Size).Select(i => a.Ravel().GetValue(i)));
        using var c = a.Copy(MemoryOrder.C);
        var bytes = MemoryMarshal.CreateReadOnlySpan(ref NumNet.Tests.Memory.TestMemory.Origin(c), (int)c.NBytes);
        return head + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
