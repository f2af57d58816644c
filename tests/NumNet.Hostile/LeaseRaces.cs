using System.Diagnostics;

namespace NumNet.Hostile;

/// <summary>
/// <c>Dispose</c> racing another thread's read of the same array: the read in flight finishes with the right values
/// (the memory outlives its lease), the next access through the disposed array throws
/// <see cref="ObjectDisposedException"/>, and nothing reads freed memory or crashes the process.
/// </summary>
/// <remarks>
/// Each scenario runs <c>rounds</c> rounds (200 unless given as the first argument) over an 8 MB float64 array holding
/// 0, 1, 2, …. Right after <c>Dispose</c> the disposing thread allocates arrays of the same size filled with -1, so a
/// block freed too early is handed back at once and scribbled over: a read of freed memory shows as a wrong value.
/// </remarks>
public static class LeaseRaces
{
    private const int Elements = 1 << 20; // 8 MB of float64

    [Scenario("lease-dispose-during-copy-native")]
    public static void CopyOfNative(string[] args) =>
        DisposeRace.Run("copy of a native array", Rounds(args), NewNative, CopyThroughView);

    [Scenario("lease-dispose-during-copy-mapped")]
    public static void CopyOfMapped(string[] args)
    {
        using var file = new MappedSource();
        DisposeRace.Run("copy of a memory-mapped array", Rounds(args), file.Load, CopyThroughView);
    }

    [Scenario("lease-dispose-during-astype")]
    public static void AsType(string[] args) => DisposeRace.Run("astype", Rounds(args), NewNative, a =>
    {
        using var f = a.AsType(np.float32);
        Verify.Arange(f, "astype(float32)");
    });

    [Scenario("lease-dispose-during-ravel")]
    public static void Ravel(string[] args) => DisposeRace.Run("ravel", Rounds(args), NewNative2D, a =>
    {
        // Order F of a C-ordered 2-d array is a copy: the whole array is read while Dispose may land.
        using var r = a.Ravel(MemoryOrder.F);
        long rows = 1024, cols = Elements / 1024;
        for (long k = 0; k < Elements; k += 4093)
        {
            long i = k % rows, j = k / rows;
            Expect.That(r.GetItem<double>(k) == i * cols + j, $"ravel('F')[{k}] is {r.GetItem<double>(k)}, not {i * cols + j}");
        }
    });

    [Scenario("lease-dispose-during-print")]
    public static void Print(string[] args)
    {
        string expected;
        using (var undisturbed = NewNative())
            expected = undisturbed.ToString();
        DisposeRace.Run("print", Rounds(args), NewNative, a =>
        {
            string text = a.ToString();
            Expect.That(text == expected, $"the printout is {text}, not {expected}");
        });
    }

    [Scenario("lease-dispose-during-save")]
    public static void Save(string[] args)
    {
        string dir = Directory.CreateTempSubdirectory("numnet-lease-save").FullName;
        try
        {
            string path = Path.Combine(dir, "saved.npy");
            DisposeRace.Run("save", Rounds(args), NewNative, a =>
            {
                np.save(path, a);
                using var back = np.load<NDArray>(path);
                Verify.Arange(back, "the saved file");
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int Rounds(string[] args) => args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;

    private static NDArray NewNative() => np.arange(Elements).AsType(np.float64);

    private static NDArray NewNative2D() => np.arange(Elements).AsType(np.float64).Reshape(1024, Elements / 1024);

    // The reproduction: a[::1].Copy() while another thread disposes a.
    private static void CopyThroughView(NDArray a)
    {
        using var view = a["::1"];
        using var copy = view.Copy();
        Verify.Arange(copy, "a[::1].Copy()");
    }

    /// <summary>An 8 MB .npy of 0, 1, 2, … in a temp folder, loaded with <c>mmapMode: "r"</c> once per round.</summary>
    private sealed class MappedSource : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("numnet-lease-mmap").FullName;

        public MappedSource()
        {
            using var a = NewNative();
            np.save(Path, a);
        }

        private string Path => System.IO.Path.Combine(_dir, "source.npy");

        public NDArray Load() => np.load<NDArray>(Path, mmapMode: "r");

        public void Dispose()
        {
            for (int i = 0; i < 3; i++)
            {
                // Views a round left undisposed keep a mapping until collected.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Directory.Delete(_dir, recursive: true);
        }
    }
}

/// <summary>Checks on the values an operation produced.</summary>
internal static class Verify
{
    /// <summary>Every 4093rd element (and the last) of a 1-d array that should hold 0, 1, 2, ….</summary>
    public static void Arange(NDArray a, string what)
    {
        Expect.That(a.Size == 1 << 20, $"{what} has {a.Size} elements");
        for (long k = 0; k < a.Size; k += 4093)
            Check(a, k, what);
        Check(a, a.Size - 1, what);
    }

    private static void Check(NDArray a, long k, string what)
    {
        double value = Convert.ToDouble(a.GetValue(k), System.Globalization.CultureInfo.InvariantCulture);
        Expect.That(value == k, $"{what}[{k}] is {value}, not {k}: memory was read after it was freed");
    }
}

/// <summary>The race: one thread repeats an operation on an array until it is disposed by another.</summary>
internal static class DisposeRace
{
    public static void Run(string name, int rounds, Func<NDArray> make, Action<NDArray> operate)
    {
        var random = new Random(12345);
        int landedDuring = 0, completedOps = 0;
        var watch = Stopwatch.StartNew();
        for (int round = 0; round < rounds; round++)
        {
            var a = make();
            var outcome = new Outcome();
            using var started = new ManualResetEventSlim();
            var reader = new Thread(() => Repeat(a, operate, outcome, started));
            reader.Start();
            started.Wait();
            // A varying delay so that Dispose lands at every point of the operation over the rounds.
            Thread.SpinWait(random.Next(0, 200_000));
            bool during = Volatile.Read(ref outcome.InOperation) != 0;
            a.Dispose();
            Volatile.Write(ref outcome.Disposed, 1);
            Scribble();
            reader.Join();
            if (outcome.Failure is not null)
                throw new ScenarioFailedException($"{name}, round {round}: {outcome.Failure}");
            Expect.That(outcome.SawDisposed, $"{name}, round {round}: the reader never saw ObjectDisposedException");
            landedDuring += during ? 1 : 0;
            completedOps += outcome.Completed;
            ExpectDisposed(a, name, round);
        }
        Console.WriteLine($"{name}: {rounds} rounds, Dispose landed during the operation in {landedDuring}, " +
            $"{completedOps} operations completed, {watch.ElapsedMilliseconds} ms");
    }

    private sealed class Outcome
    {
        public int InOperation;
        public int Disposed;
        public int Completed;
        public bool SawDisposed;
        public string? Failure;
    }

    private static void Repeat(NDArray a, Action<NDArray> operate, Outcome outcome, ManualResetEventSlim started)
    {
        for (int i = 0; ; i++)
        {
            bool afterDispose = Volatile.Read(ref outcome.Disposed) != 0;
            Volatile.Write(ref outcome.InOperation, 1);
            if (i == 0)
                started.Set();
            try
            {
                operate(a);
            }
            catch (ObjectDisposedException)
            {
                outcome.SawDisposed = true;
                return;
            }
            catch (Exception e)
            {
                outcome.Failure = e.ToString();
                return;
            }
            finally
            {
                Volatile.Write(ref outcome.InOperation, 0);
            }
            if (afterDispose)
            {
                outcome.Failure = "an operation that started after Dispose returned succeeded";
                return;
            }
            outcome.Completed++;
        }
    }

    // Takes back whatever Dispose freed and overwrites it, so a reader still in that memory sees -1.
    private static void Scribble()
    {
        for (int i = 0; i < 2; i++)
        {
            using var junk = np.full([1 << 20], -1.0);
        }
    }

    private static void ExpectDisposed(NDArray a, string name, int round)
    {
        try
        {
            a.GetValue(new long[a.NDim]);
        }
        catch (ObjectDisposedException e)
        {
            Expect.That(e.Message.Contains("disposed", StringComparison.Ordinal), $"{name}, round {round}: the exception does not say the array was disposed: {e.Message}");
            return;
        }
        throw new ScenarioFailedException($"{name}, round {round}: reading the disposed array did not throw ObjectDisposedException");
    }
}
