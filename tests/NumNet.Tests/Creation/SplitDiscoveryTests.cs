using System.Numerics;
using NumNet.Creation;
using NumNet.Internal;
using NumNet.Tests.IO;
using NumNet.Tests.Reliability;

namespace NumNet.Tests.Creation;

/// <summary>
/// Large boxed inputs (rows of boxed numbers, long rows of Python ints) written on two threads
/// (<see cref="SplitParts"/> from <c>BoxedRows</c>): the same dtype, shape and bytes as on one thread, the same error,
/// the same fallback to the general pipeline when a leaf breaks the guess late; the part order rule of
/// <see cref="SplitParts.Run"/>; and no split below the threshold or at <c>MaxThreads = 1</c>.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitDiscoveryTests
{
    private const int Rows = 300, Columns = 300; // 90 000 leaves: above SplitParts.FromLeaves
    private const int Long = 100_000;
    private const int Late = Rows * 5 / 6; // a row in the second thread's part

    private static object[] BoxedRows(Func<int, int, object?> leaf) =>
        Enumerable.Range(0, Rows).Select(i => (object)Enumerable.Range(0, Columns).Select(j => leaf(i, j)).ToArray()).ToArray();

    private static List<object?> LongRow(Func<int, object?> leaf) => Enumerable.Range(0, Long).Select(leaf).ToList();

    /// <summary>Inputs by name: the fast path's own (one type throughout) and ones that leave it late in the input.</summary>
    private static object Input(string name) => name switch
    {
        "doubles" => BoxedRows((i, j) => i * 0.5 + j / 7.0),
        "ints" => BoxedRows((i, j) => i * Columns + j),
        "float32 rows as lists" => BoxedRows((i, j) => (float)(i - j)).Select(r => (object)((object[])r).ToList<object?>()).ToList<object?>(),
        "longs and Python ints" => BoxedRows((i, j) => (i + j) % 2 == 0 ? (object)(long)(i * j) : new BigInteger(i - j)),
        "Python ints" => LongRow(i => new BigInteger(i * 1000L)),
        "a Python int past int64, late" => LongRow(i => i == Long - 3 ? BigInteger.One << 63 : new BigInteger(i)),
        "a Python int past uint64, late" => LongRow(i => i == Long - 3 ? BigInteger.One << 64 : new BigInteger(i)),
        "an int among doubles, late" => BoxedRows((i, j) => i == Late && j == 7 ? 3 : (object)(i + j / 4.0)),
        "a string among doubles, late" => BoxedRows((i, j) => i == Late && j == 7 ? "a string" : (object)(i + j / 4.0)),
        "a None among doubles, late" => BoxedRows((i, j) => i == Late && j == 7 ? null : (object)(i + j / 4.0)),
        "a float32 in a long row, late" => LongRow(i => i == Long - 3 ? 2.5f : (object)(double)i),
        "a Python int past int64, first" => LongRow(i => i == 0 ? BigInteger.One << 63 : new BigInteger(i)),
        "Python ints past int64 and Nones" => LongRow(i => i % 1000 == 999 ? null : (BigInteger.One << 63) + i),
        "bytes, sbytes and halves" => LongRow(i => i < 40_000 ? (byte)(i % 200) : i < 80_000 ? (sbyte)(i % 100) : (object)(Half)(i % 50)),
        "text and numbers" => LongRow(i => i % 3 == 0 ? new string('x', i % 17) : i % 3 == 1 ? (object)(i / 3.0) : i),
        "dates and text" => LongRow(i => i % 2 == 0 ? new DateTime(2000 + i % 50, 1, 1) : (object)$"t{i % 99}"),
        "a list in a long row, late" => LongRow(i => i == Long - 3 ? new List<object?> { 1.0 } : (object)(i / 2.0)),
        "a nested row, late" => BoxedRows((i, j) => i == Late && j == 7 ? new object[] { 1.0 } : (object)(i + j / 4.0)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such input"),
    };

    public static TheoryData<string> Inputs() =>
    [
        "doubles", "ints", "float32 rows as lists", "longs and Python ints", "Python ints", "a Python int past int64, late",
        "a Python int past uint64, late", "an int among doubles, late", "a string among doubles, late",
        "a None among doubles, late", "a float32 in a long row, late", "a Python int past int64, first",
        "Python ints past int64 and Nones", "bytes, sbytes and halves", "text and numbers", "dates and text",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void One_and_two_threads_give_the_same_array(string name)
    {
        var input = Input(name);
        using var one = ThreadSettings.At(1, () => np.asarray(input));
        using var two = ThreadSettings.At(2, () => np.asarray(input));
        using var fortran = ThreadSettings.At(2, () => np.asarray(input, order: MemoryOrder.F));
        Assert.Equal(one.DType, two.DType);
        Assert.Equal(one.Shape, two.Shape);
        Assert.True(one.Size >= Long - 10_000, "the input is above the threshold");
        Assert.Equal(Elements(one), Elements(two));
        Assert.Equal(Elements(one), Elements(fortran));
        if (!one.DType.IsObject)
            Assert.Equal(IoTestData.CBytes(one), IoTestData.CBytes(two));
    }

    [Fact]
    public void The_dtypes_are_those_of_the_general_pipeline()
    {
        static DType At2(string name) => ThreadSettings.At(2, () =>
        {
            using var a = np.asarray(Input(name));
            return a.DType;
        });
        Assert.Equal(np.float64, At2("doubles"));
        Assert.Equal(np.int32, At2("ints"));
        Assert.Equal(np.int64, At2("Python ints"));
        Assert.Equal(np.dtype("U32"), At2("a string among doubles, late"));
    }

    [Theory]
    [InlineData("a nested row, late")]
    [InlineData("a list in a long row, late")]
    [InlineData("rows ragged twice")]
    public void One_and_two_threads_raise_the_same_first_error(string name)
    {
        // Two rows of other lengths, one in each thread's part: the first in element order is the one reported.
        var input = name == "rows ragged twice"
            ? Enumerable.Range(0, Rows).Select(i => (object)Enumerable.Repeat((object)1.0, i == 20 ? Columns + 1 : i == Late ? Columns - 1 : Columns).ToArray()).ToArray()
            : Input(name);
        var one = Assert.ThrowsAny<Exception>(() => ThreadSettings.At(1, () => np.asarray(input)));
        var two = Assert.ThrowsAny<Exception>(() => ThreadSettings.At(2, () => np.asarray(input)));
        Assert.IsType<ArgumentException>(one);
        Assert.Equal(one.GetType(), two.GetType());
        Assert.Equal(one.Message, two.Message);
    }

    [Fact]
    public void Threads_are_one_below_the_threshold_at_one_piece_and_at_MaxThreads_one()
    {
        long from = SplitParts.FromLeaves;
        Assert.Equal(1, ThreadSettings.At(2, () => SplitParts.Threads(from - 1, 1000)));
        Assert.Equal(2, ThreadSettings.At(2, () => SplitParts.Threads(from, 1000)));
        Assert.Equal(1, ThreadSettings.At(1, () => SplitParts.Threads(from * 100, 1000)));
        Assert.Equal(1, ThreadSettings.At(2, () => SplitParts.Threads(from * 100, 1)));
        Assert.Equal(3, ThreadSettings.At(8, () => SplitParts.Threads(from * 100, 3)));
    }

    [Fact]
    public void One_part_runs_on_the_calling_thread()
    {
        int caller = Environment.CurrentManagedThreadId, ran = -1;
        Assert.True(SplitParts.Run(1, (k, n, stop) =>
        {
            ran = Environment.CurrentManagedThreadId;
            return true;
        }));
        Assert.Equal(caller, ran);
    }

    [Fact]
    public void Parts_cover_every_piece_once_in_order()
    {
        foreach (int parts in new[] { 1, 2, 3, 7 })
        {
            var starts = Enumerable.Range(0, parts + 1).Select(k => SplitParts.Start(1001, k, parts)).ToArray();
            Assert.Equal(0, starts[0]);
            Assert.Equal(1001, starts[^1]);
            Assert.True(starts.Zip(starts.Skip(1)).All(p => p.First < p.Second), string.Join(",", starts));
        }
    }

    [Fact]
    public void An_earlier_parts_error_wins_over_a_later_one_that_failed_first()
    {
        using var laterFailed = new ManualResetEventSlim();
        var error = Assert.Throws<ArgumentException>(() => SplitParts.Run(2, (k, n, stop) =>
        {
            if (k == 1)
            {
                laterFailed.Set();
                throw new InvalidOperationException("later");
            }
            laterFailed.Wait(TimeSpan.FromSeconds(30)); // a hang detector, not a timing
            throw new ArgumentException("earlier");
        }));
        Assert.Equal("earlier", error.Message);
    }

    [Fact]
    public void An_earlier_parts_false_wins_over_a_later_exception_and_a_later_failure_alone_is_reported()
    {
        Assert.False(SplitParts.Run(2, (k, n, stop) => k == 1 ? throw new InvalidOperationException("later") : false));
        Assert.Equal("later", Assert.Throws<InvalidOperationException>(() =>
            SplitParts.Run(2, (k, n, stop) => k == 1 ? throw new InvalidOperationException("later") : true)).Message);
        Assert.False(SplitParts.Run(3, (k, n, stop) => k != 2));
        Assert.True(SplitParts.Run(3, (k, n, stop) => true));
    }

    [Fact]
    public void Parts_after_a_failed_part_are_told_to_stop_and_all_have_ended_when_Run_returns()
    {
        int ended = 0;
        bool toldToStop = false;
        bool written = SplitParts.Run(2, (k, n, stop) =>
        {
            try
            {
                if (k == 0)
                    return false;
                // Waits (with a hang detector) until the failure of part 0 is recorded, then ends late on purpose.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!stop.EarlierFailed(k) && waited.Elapsed < TimeSpan.FromSeconds(30))
                    Thread.Yield();
                toldToStop = stop.EarlierFailed(k);
                Thread.Sleep(50);
                return true;
            }
            finally
            {
                Interlocked.Increment(ref ended);
            }
        });
        Assert.False(written);
        Assert.True(toldToStop);
        Assert.Equal(2, Volatile.Read(ref ended));
    }

    [Fact]
    public void A_list_of_objects_not_resolved_before_the_fast_path_is_still_a_sequence_after_it()
    {
        // The fast path is tried before the classifier resolves an object[] or List<object?>; a list that is no rows of
        // boxed numbers still reaches the general pipeline, and copy=false still refuses it.
        Assert.Throws<ArgumentException>(() => np.asarray(new List<object?> { 1.0, 2.0 }, copy: false));
        using var rows = np.asarray(new List<object?> { np.array(new[] { 1.0, 2.0, 3.0 }), new object?[] { 4, 5.5, 6f } });
        Assert.Equal([2L, 3L], rows.Shape);
        Assert.Equal(np.float64, rows.DType);
        Assert.Equal(6.0, rows.GetValue(1, 2));
    }

    [Theory]
    [InlineData("coercion-race-split-rows")]
    [InlineData("coercion-race-split-long-row")]
    public void Split_inputs_changed_by_another_thread_give_the_values_or_the_error(string scenario) =>
        ChildProcess.AssertPasses(scenario, "200");

    private static List<object?> Elements(NDArray a)
    {
        using var flat = a.Ravel();
        return Enumerable.Range(0, (int)flat.Size).Select(i => flat.GetValue(i)).ToList();
    }
}
