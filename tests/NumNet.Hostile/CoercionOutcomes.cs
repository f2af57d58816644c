using NumNet.Memory;

namespace NumNet.Hostile;

/// <summary>
/// What a call of <c>np.asarray</c> on a source that changes under it may end with: a result holding only values the
/// source held, or an <see cref="ArgumentException"/>. Anything else (another exception, a value nobody wrote, a
/// crash of the process) fails the scenario.
/// </summary>
public static class CoercionOutcomes
{
    /// <summary>NumPy's words for a source that changed between discovery and fill.</summary>
    public const string InconsistentMessage = "Inconsistent object during array creation";

    /// <summary>How a call ended: counts kept per scenario for its summary line.</summary>
    public sealed class Tally
    {
        public int Results;
        public int Inconsistent;
        public int OtherArgumentErrors;
        public readonly SortedSet<string> Shapes = new(StringComparer.Ordinal);

        public override string ToString() =>
            $"{Results} results ({Shapes.Count} shapes: {string.Join(" ", Shapes.Take(4))}{(Shapes.Count > 4 ? " ..." : "")}), {Inconsistent} 'inconsistent' errors, {OtherArgumentErrors} other ArgumentExceptions";
    }

    /// <summary>
    /// Runs <paramref name="make"/>; a result goes to <paramref name="check"/>, an exception must be an
    /// ArgumentException (not ArgumentNullException), and when <paramref name="inconsistentOnly"/> it must be the
    /// "inconsistent object" one.
    /// </summary>
    public static void Observe(string what, Func<NDArray> make, Action<NDArray> check, Tally tally, bool inconsistentOnly = false)
    {
        NDArray result;
        try
        {
            result = make();
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            bool inconsistent = e.Message.Contains(InconsistentMessage, StringComparison.Ordinal);
            Expect.That(inconsistent || !inconsistentOnly, $"{what}: ArgumentException without '{InconsistentMessage}': {e}");
            if (inconsistent)
                tally.Inconsistent++;
            else
                tally.OtherArgumentErrors++;
            return;
        }
        catch (Exception e)
        {
            throw new ScenarioFailedException($"{what}: {e.GetType().Name} instead of a result or an ArgumentException: {e}");
        }
        try
        {
            check(result);
        }
        catch (ScenarioFailedException e)
        {
            throw new ScenarioFailedException($"{what}: {e.Message}; result shape {string.Join("x", result.Shape)} dtype {result.DType}");
        }
        tally.Results++;
        tally.Shapes.Add(string.Join("x", result.Shape) + ":" + result.DType);
        result.Dispose();
    }

    /// <summary>
    /// After a run with <see cref="NativeGuard.Enabled"/>: every fenced native block, freed or live (results left to
    /// the finalizer included), still has its fences.
    /// </summary>
    public static void ExpectFencesIntact()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        NativeGuard.VerifyLive();
        Expect.That(NativeGuard.Violations.Count == 0, "written outside a native block: " + string.Join("; ", NativeGuard.Violations));
    }

    /// <summary>Every element, in C order, as an object (a double for float64 results).</summary>
    public static IEnumerable<object?> Elements(NDArray a)
    {
        var index = new long[a.NDim];
        var shape = a.Shape;
        for (long n = 0; n < a.Size; n++)
        {
            yield return a.GetValue(index);
            for (int d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                    break;
                index[d] = 0;
            }
        }
    }

    /// <summary>
    /// A float64 result whose element at every index ending in <c>j</c> is <see cref="CoercionSources.ValueAt"/>(j),
    /// <paramref name="ndim"/> dimensions, the last one of a length in <paramref name="lastLengths"/>.
    /// </summary>
    public static Action<NDArray> ValuesByLastIndex(int ndim, params long[] lastLengths) => a =>
    {
        Expect.That(a.NDim == ndim, $"{a.NDim} dimensions, expected {ndim}");
        Expect.That(a.DType == np.float64, $"dtype {a.DType}, expected float64");
        long last = a.Shape[^1];
        Expect.That(lastLengths.Contains(last), $"last dimension {last}, expected one of {string.Join(", ", lastLengths)}");
        var values = a.Ravel().ToArray<double>();
        for (long k = 0; k < values.Length; k++)
        {
            double expected = CoercionSources.ValueAt(k % last);
            Expect.That(values[k] == expected, $"element {k} is {values[k]:R}, never written by the source (expected {expected})");
        }
    };

    /// <summary>
    /// A result holding only <paramref name="value"/>: a float64 array of it, or an object array of it and nulls
    /// (a racing reader may see a slot a writer has just cleared).
    /// </summary>
    public static void AllEqual(NDArray a, double value)
    {
        if (a.DType == np.float64)
        {
            foreach (double v in a.Ravel().ToArray<double>())
                Expect.That(v == value, $"element {v:R}, never written by the source (expected {value})");
            return;
        }
        Expect.That(a.DType.Char == 'O', $"dtype {a.DType}, expected float64 or object");
        foreach (var element in Elements(a))
            Expect.That(element is null || element is double d && d == value, $"element {element}, never held by the source");
    }
}
