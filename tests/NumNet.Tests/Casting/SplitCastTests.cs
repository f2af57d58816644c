using NumNet.Casting;
using NumNet.Casting.Loops;
using NumNet.Internal;
using NumNet.Tests.IO;
using NumNet.Tests.Reliability;

namespace NumNet.Tests.Casting;

/// <summary>
/// Large numeric casts split into chunks over threads (<see cref="SplitCast"/>, <see cref="SharedChunks"/>): the same
/// bytes and the same RuntimeWarning as on one thread, for contiguous, strided, reversed and many-line layouts, and no
/// split below the threshold, at one thread, or for a loop whose results depend on where a run ends.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitCastTests
{
    private const int Count = 60_000;

    /// <summary>
    /// Runs <paramref name="work"/> with the split made small: every cast of 16 KiB or more splits, into chunks of
    /// 2 KiB of result, so arrays of test size are cut into dozens of chunks, runs of lines and groups of lines.
    /// </summary>
    private static T Small<T>(Func<T> work)
    {
        var (from, chunk) = (SplitCast.FromBytes, SplitCast.ChunkBytes);
        try
        {
            (SplitCast.FromBytes, SplitCast.ChunkBytes) = (16 << 10, 2 << 10);
            return work();
        }
        finally
        {
            (SplitCast.FromBytes, SplitCast.ChunkBytes) = (from, chunk);
        }
    }

    /// <summary>Doubles the casts treat differently: fractions, negatives, the int32 and float32 edges, NaN, infinities, -0.</summary>
    private static double[] Values(int count)
    {
        var random = new Random(18);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (i % 9) switch
            {
                0 => i / 7.0,
                1 => -i * 1.5,
                2 => random.NextDouble() * 300,
                3 => 2147483647.5 - i % 3,
                4 => Math.ScaleB(random.NextDouble(), random.Next(-140, 140)),
                5 => i % 300,
                6 => -0.0,
                7 => 3.4028235677973366e38 * (1 + (i % 5) * 1e-9),
                _ => random.Next(-70000, 70000),
            };
        }
        return values;
    }

    /// <summary>The layouts a split has to get right, each a view of the source.</summary>
    private static readonly string[] Layouts = ["contiguous", "every other", "every third", "reversed", "short lines", "columns", "3-d"];

    private static NDArray View(NDArray a, string layout) => layout switch
    {
        "contiguous" => a[np.s(0, Count)],
        "every other" => a[np.s(step: 2)],
        "every third" => a[np.s(step: 3)],
        "reversed" => a[np.s(step: -1)],
        "short lines" => a.Reshape(400, 300)[np.s(), np.s(step: 2)],          // lines of 150: grouped whole
        "columns" => a.Reshape(300, 400).T,                                     // a transposed source, read across lines
        "3-d" => a.Reshape(40, 10, 300)[np.s(step: 2), np.s(), np.s(1, 299)],
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "no such layout"),
    };

    public static TheoryData<string, string> Pairs => new()
    {
        { "float64", "float32" }, { "float64", "int64" }, { "float64", "int32" }, { "float64", "uint8" },
        { "float64", "uint32" }, { "float64", "int16" }, { "float32", "float64" }, { "int64", "float64" },
        { "int32", "float16" }, { ">f8", "<f8" }, { ">f8", "float32" }, { "complex128", "uint32" }, { "complex128", "float32" },
        { "int64", "uint16" }, { "float64", "bool" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Split_casts_give_the_bytes_and_the_warnings_of_one_thread(string from, string to)
    {
        using var source = np.asarray(Values(2 * Count)).AsType(from);
        foreach (string layout in Layouts)
        {
            using var view = View(source, layout);
            var (oneBytes, oneWarnings) = ThreadSettings.At(1, () => Cast(view, to));
            var (twoBytes, twoWarnings) = Small(() => ThreadSettings.At(2, () => Cast(view, to)));
            Assert.True(oneBytes.SequenceEqual(twoBytes), $"{from} -> {to}, {layout}: the bytes differ");
            Assert.Equal(oneWarnings, twoWarnings);
        }
    }

    private static (byte[] Bytes, string[] Warnings) Cast(NDArray a, string to)
    {
        // The allocator hands back the block just freed, which would still hold the last cast's result: leave a
        // pattern there instead, so a chunk no thread ran shows.
        using (var junk = np.full([a.Size * np.dtype(to).ItemSize], 0xA5, np.uint8))
            GC.KeepAlive(junk);
        using var capture = Warnings.Capture();
        using var result = a.AsType(to);
        return (IoTestData.CBytes(result), capture.Warnings.Select(w => $"{w.Kind}: {w.Message}").ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Count / 2 + 17)]
    [InlineData(Count - 1)]
    [InlineData(-1)]
    public void One_bad_value_anywhere_warns_once_as_on_one_thread(int at)
    {
        foreach (var (to, bad, message) in new[] { ("int32", double.NaN, "invalid value encountered in cast"), ("float32", 1e300, "overflow encountered in cast") })
        {
            var values = Enumerable.Range(0, 2 * Count).Select(i => (double)(i % 1000)).ToArray();
            if (at >= 0)
                values[2 * at] = bad;   // an element of the strided view as well as of the whole
            using var a = np.asarray(values);
            using var everyOther = a[np.s(step: 2)];
            foreach (var view in new[] { a, everyOther })
            {
                var one = ThreadSettings.At(1, () => Cast(view, to));
                var two = Small(() => ThreadSettings.At(2, () => Cast(view, to)));
                Assert.Equal(one.Warnings, two.Warnings);
                Assert.Equal(at >= 0 ? [$"RuntimeWarning: {message}"] : Array.Empty<string>(), two.Warnings);
                Assert.True(one.Bytes.SequenceEqual(two.Bytes));
            }
        }
    }

    [Fact]
    public void A_cast_splits_only_above_the_threshold_with_threads_and_a_loop_that_can_be_cut()
    {
        var f8ToF4 = CastLoopTable.Get(np.float64, np.float32)!;
        var complexToU4 = CastLoopTable.Get(np.complex128, np.uint32)!;
        long large = SplitCast.FromBytes / 12 + 1, small = SplitCast.FromBytes / 12 - 1;
        Assert.Equal(2, ThreadSettings.At(2, () => SplitCast.Threads(f8ToF4, large, np.float64, np.float32)));
        Assert.Equal(1, ThreadSettings.At(2, () => SplitCast.Threads(f8ToF4, small, np.float64, np.float32)));
        Assert.Equal(1, ThreadSettings.At(1, () => SplitCast.Threads(f8ToF4, large, np.float64, np.float32)));
        // Complex to uint32 converts the last element of every run alone (NumPy's x86 blocks), so a cut would change bytes.
        Assert.Equal(0, complexToU4.SplitGranule);
        Assert.Equal(1, ThreadSettings.At(2, () => SplitCast.Threads(complexToU4, large, np.complex128, np.uint32)));
        // Text casts are split by their own loop, per line, never chunked here.
        Assert.Equal(1, ThreadSettings.At(2, () => SplitCast.Threads(CastLoopTable.Get(np.float64, np.dtype("U32"))!, large, np.float64, np.dtype("U32"))));
    }

    [Fact]
    public void A_large_cast_at_the_default_sizes_gives_the_bytes_of_one_thread()
    {
        // 2M float64 every other element: 24 MB read and written, above the threshold, with streaming stores.
        using var a = np.asarray(Values(4_000_000));
        using var view = a[np.s(step: 2)];
        var one = ThreadSettings.At(1, () => Cast(view, "float32"));
        var two = ThreadSettings.At(2, () => Cast(view, "float32"));
        Assert.True(one.Bytes.SequenceEqual(two.Bytes));
        Assert.Equal(one.Warnings, two.Warnings);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(1000, 2)]
    [InlineData(1000, 4)]
    [InlineData(1000, 1)]
    public void Shared_chunks_run_every_chunk_once_before_returning(int chunks, int threads)
    {
        var runs = new int[chunks];
        SharedChunks.Run(chunks, threads, run =>
        {
            while (run.TryClaim(out long chunk))
            {
                Thread.SpinWait(200);
                Interlocked.Increment(ref runs[chunk]);
            }
        });
        Assert.All(runs, n => Assert.Equal(1, n));
    }

    [Fact]
    public void A_helpers_exception_reaches_the_caller_after_every_thread_has_left()
    {
        int inside = 0;
        bool helperStarted = false;
        int caller = Environment.CurrentManagedThreadId;
        var e = Assert.Throws<InvalidOperationException>(() => SharedChunks.Run(1000, 2, run =>
        {
            Interlocked.Increment(ref inside);
            try
            {
                if (Environment.CurrentManagedThreadId != caller)
                {
                    Volatile.Write(ref helperStarted, true);
                    Assert.True(run.TryClaim(out long chunk));
                    throw new InvalidOperationException($"helper failed at chunk {chunk}");
                }
                // The caller leaves every chunk to the helper until it has started (a hang detector, not a timing).
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref helperStarted), TimeSpan.FromSeconds(60)), "no helper started");
                while (run.TryClaim(out _))
                    Thread.SpinWait(100);
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
        }));
        Assert.StartsWith("helper failed", e.Message);
        Assert.Equal(0, Volatile.Read(ref inside));
    }

    [Theory]
    [InlineData("cast-race-split-source-written")]
    [InlineData("cast-race-split-many-callers")]
    public void Split_casts_under_races_give_the_sources_values_in_a_child_process(string scenario) =>
        ChildProcess.AssertPasses(scenario, "12");
}
