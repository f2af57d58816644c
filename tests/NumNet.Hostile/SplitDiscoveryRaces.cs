using NumNet.Creation;
using NumNet.Internal;

namespace NumNet.Hostile;

/// <summary>
/// Boxed rows large enough to be written on two threads (<see cref="SplitParts"/>), changed by another thread while
/// <c>np.asarray</c> reads them, ROUNDS times (200 by default). Every call must end with a result holding only values
/// the source held, or an ArgumentException, as on one thread: each row and the top level are read once, whichever
/// thread reads them, and no part writes outside the result.
/// </summary>
public static class SplitDiscoveryRaces
{
    private const double Value = 1.5;
    private const int Rows = 64;
    private const int RowLength = 1024; // 64 × 1024 leaves: above SplitParts.FromLeaves
    private const int LongRow = 100_000;

    /// <summary>
    /// <c>coercion-race-split-rows [ROUNDS]</c>: a <c>List&lt;object?&gt;</c> of 64 rows of 1 024 boxed doubles; in the
    /// part the second thread writes, one row grows and shrinks by an item and another is swapped for a row whose
    /// leaves are float32 (the same value, another type: the fast path gives up and the general pipeline answers).
    /// </summary>
    [Scenario("coercion-race-split-rows")]
    public static void SplitRows(string[] args)
    {
        NumNetSettings.MaxThreads = 2;
        var rows = Enumerable.Range(0, Rows).Select(_ => (object?)Row(Value)).ToList();
        var resized = (List<object?>)rows[Rows * 3 / 4]!;
        var plain = rows[Rows - 2];
        var other = Row(1.5f);
        CoercionRaces.Race(args, "split rows: a row resized, a row swapped", () =>
        {
            resized.Add(Value);
            rows[Rows - 2] = other;
            resized.RemoveAt(resized.Count - 1);
            rows[Rows - 2] = plain;
        }, () => np.asarray(rows), a =>
        {
            Expect.That(a.Shape.SequenceEqual([(long)Rows, RowLength]), $"shape {string.Join("x", a.Shape)}, expected {Rows}x{RowLength}");
            CoercionOutcomes.AllEqual(a, Value);
        });
    }

    /// <summary>
    /// <c>coercion-race-split-long-row [ROUNDS]</c>: one row of 100 000 boxed doubles, as an <c>object[]</c> whose
    /// item in the second thread's part is swapped between a double and a float32 of the same value, and as a
    /// <c>List&lt;object?&gt;</c> grown and shrunk by an item at its end.
    /// </summary>
    [Scenario("coercion-race-split-long-row")]
    public static void SplitLongRow(string[] args)
    {
        NumNetSettings.MaxThreads = 2;
        object?[] array = Enumerable.Repeat((object?)Value, LongRow).ToArray();
        var list = Row(Value, LongRow);
        int call = 0;
        CoercionRaces.Race(args, "split long row: an item swapped, the list resized", () =>
        {
            Volatile.Write(ref array[LongRow * 3 / 4], 1.5f);
            list.Add(Value);
            Volatile.Write(ref array[LongRow * 3 / 4], Value);
            list.RemoveAt(list.Count - 1);
        }, () => call++ % 2 == 0 ? np.asarray(array) : np.asarray(list), a =>
        {
            Expect.That(a.NDim == 1 && a.Shape[0] is LongRow or LongRow + 1, $"shape {string.Join("x", a.Shape)}, expected {LongRow} or {LongRow + 1}");
            CoercionOutcomes.AllEqual(a, Value);
        });
    }

    private static List<object?> Row(object value, int length = RowLength) => Enumerable.Repeat((object?)value, length).ToList();
}
