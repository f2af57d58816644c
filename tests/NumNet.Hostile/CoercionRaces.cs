using System.Globalization;
using NumNet.Memory;
using static NumNet.Hostile.CoercionSources;

namespace NumNet.Hostile;

/// <summary>
/// A source changed by another thread while <c>np.asarray</c> reads it, ROUNDS times (200 by default). Every call
/// must end with a result holding only values the source held, or an ArgumentException; before the snapshot rule
/// these segfaulted, hung or returned freed memory.
/// </summary>
public static class CoercionRaces
{
    private const double Value = 1.5;
    private const int Long = 100_000;
    private const int VeryLong = 200_000;

    /// <summary><c>coercion-race-list-resize [ROUNDS]</c>: a <c>List&lt;object?&gt;</c> of numbers grown and shrunk between 2 and 100 002 items.</summary>
    [Scenario("coercion-race-list-resize")]
    public static void ListResize(string[] args)
    {
        var list = new List<object?> { Value, Value };
        Race(args, "List<object?> resized", () => Sweep(list, Value, Long), () => np.asarray(list), a => CoercionOutcomes.AllEqual(a, Value));
    }

    /// <summary><c>coercion-race-list-rows-resize [ROUNDS]</c>: the second row of a 2-row <c>List&lt;object?&gt;</c> grown and shrunk between 2 and 4 items.</summary>
    [Scenario("coercion-race-list-rows-resize")]
    public static void ListRowsResize(string[] args)
    {
        var row = new List<object?> { Value, Value };
        var list = new List<object?> { new List<object?> { Value, Value }, row };
        // Small steps: the row is often as long as the first when discovery measures it, and longer when fill reads it.
        Race(args, "row of a List<object?> resized", () => Sweep(row, Value, 2), () => np.asarray(list), a =>
        {
            Expect.That(a.Shape.SequenceEqual([2L, 2L]), "shape is not (2, 2)");
            CoercionOutcomes.AllEqual(a, Value);
        });
    }

    /// <summary><c>coercion-race-jagged-swap [ROUNDS]</c>: the second row of a <c>double[][]</c> swapped between 2 and 200 000 items.</summary>
    [Scenario("coercion-race-jagged-swap")]
    public static void JaggedSwap(string[] args)
    {
        var small = Filled(2);
        var big = Filled(VeryLong);
        var jagged = new[] { Filled(2), small };
        Race(args, "double[][] row swapped", () =>
        {
            Volatile.Write(ref jagged[1], big);
            Volatile.Write(ref jagged[1], small);
        }, () => np.asarray(jagged), a =>
        {
            Expect.That(a.Shape.SequenceEqual([2L, 2L]), "shape is not (2, 2)");
            CoercionOutcomes.AllEqual(a, Value);
        });
    }

    /// <summary>
    /// <c>coercion-race-jagged-ragged [ROUNDS]</c>: the second row of a <c>double[][]</c> cycled through 2, 3 and
    /// 200 000 items, so the input is ragged, then regular, then ragged again; with and without dtype=object.
    /// </summary>
    [Scenario("coercion-race-jagged-ragged")]
    public static void JaggedRagged(string[] args)
    {
        double[][] rows = [Filled(2), Filled(3), Filled(VeryLong)];
        var jagged = new[] { Filled(2), rows[0] };
        int call = 0;
        Race(args, "double[][] ragged, then not", () =>
        {
            foreach (var row in rows)
                Volatile.Write(ref jagged[1], row);
        }, () => np.asarray(jagged, call++ % 2 == 0 ? null : np.dtype("O")), a =>
        {
            if (a.DType.Char == 'O' && a.NDim == 1)
            {
                // Ragged under dtype=object: the rows themselves are the elements.
                Expect.That(a.Shape[0] == 2, "a ragged object result of other than 2 rows");
                foreach (var element in CoercionOutcomes.Elements(a))
                    Expect.That(element is double[] or NDArray, $"a ragged row stored as {element?.GetType().Name ?? "null"}");
                return;
            }
            Expect.That(a.Shape.SequenceEqual([2L, 2L]), "shape is not (2, 2)");
            CoercionOutcomes.AllEqual(a, Value);
        });
    }

    /// <summary>
    /// <c>coercion-race-typed-lists [ROUNDS]</c>: a <c>List&lt;double&gt;</c> and a <c>List&lt;double[]&gt;</c> (the
    /// typed fast path) resized by another thread.
    /// </summary>
    [Scenario("coercion-race-typed-lists")]
    public static void TypedLists(string[] args)
    {
        var values = new List<double> { Value, Value };
        var rows = new List<double[]> { Filled(2), Filled(2) };
        var row = Filled(2);
        int call = 0;
        Race(args, "List<double> and List<double[]> resized", () =>
        {
            Sweep(values, Value, Long);
            Sweep(rows, row, Long);
        }, () => call++ % 2 == 0 ? np.asarray(values) : np.asarray(rows), a => CoercionOutcomes.AllEqual(a, Value));
    }

    // Grows the list one item at a time by `by` items and shrinks it back, so a reader meets every length and a list
    // that changes while it is read (a slot cleared by RemoveAt, storage replaced by a resize).
    private static void Sweep<T>(List<T> list, T item, int by)
    {
        for (int i = 0; i < by; i++)
            list.Add(item);
        for (int i = 0; i < by; i++)
            list.RemoveAt(list.Count - 1);
    }

    private static double[] Filled(int length) => Enumerable.Repeat(Value, length).ToArray();

    // One writer thread changes the source in a loop while this thread converts it ROUNDS times.
    internal static void Race(string[] args, string what, Action writerStep, Func<NDArray> read, Action<NDArray> check)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var tally = new CoercionOutcomes.Tally();
        bool stop = false;
        long steps = 0;
        Exception? writerError = null;
        var writer = new Thread(() =>
        {
            try
            {
                while (!Volatile.Read(ref stop))
                {
                    writerStep();
                    Interlocked.Increment(ref steps);
                }
            }
            catch (Exception e)
            {
                writerError = e;
            }
        });
        // Fenced native blocks make a write past a large result visible even when it does not crash.
        NativeGuard.Enabled = true;
        writer.Start();
        try
        {
            for (int round = 0; round < rounds; round++)
            {
                // Each round starts only once the writer has moved on, so every round overlaps a running writer
                // (on a busy machine the 200 reads could otherwise finish before the writer is first scheduled).
                long seen = Interlocked.Read(ref steps);
                while (Interlocked.Read(ref steps) == seen && writer.IsAlive)
                    Thread.SpinWait(20);
                CoercionOutcomes.Observe($"{what}, round {round}", read, check, tally);
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            writer.Join();
        }
        Expect.That(writerError is null, "the writer thread failed: " + writerError);
        CoercionOutcomes.ExpectFencesIntact();
        Console.WriteLine($"{what}: {rounds} rounds, {tally}");
    }
}
