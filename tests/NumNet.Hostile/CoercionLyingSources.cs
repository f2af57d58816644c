using System.Globalization;
using NumNet.Memory;
using static NumNet.Hostile.CoercionSources;

namespace NumNet.Hostile;

/// <summary>
/// Single-threaded sources that answer differently when asked twice: lists whose Count changes, enumerables that
/// yield more the second time, rows replaced while discovery runs. <c>np.asarray</c> must give a result holding only
/// what the source held, or the "inconsistent object" ArgumentException; before the snapshot rule these wrote past
/// the result's buffer, or left it partly unwritten.
/// </summary>
public static class CoercionLyingSources
{
    /// <summary>
    /// <c>coercion-lying-list KIND BEFORE AFTER</c>: a list of KIND (<c>ilist</c>, <c>ilist-of-object</c>,
    /// <c>ilist-of-double</c>, <c>generic-only</c>) whose Count is BEFORE, then AFTER; as the input itself and as both
    /// rows of an <c>object[]</c>.
    /// </summary>
    [Scenario("coercion-lying-list")]
    public static void LyingList(string[] args)
    {
        Expect.That(args.Length == 3, "usage: coercion-lying-list KIND BEFORE AFTER");
        string kind = args[0];
        int before = int.Parse(args[1], CultureInfo.InvariantCulture);
        int after = int.Parse(args[2], CultureInfo.InvariantCulture);
        var made = new List<ILying>();
        object Make()
        {
            ILying list = kind switch
            {
                "ilist" => new LyingList(before, after),
                "ilist-of-object" => new LyingTypedList<object>(before, after, i => ValueAt(i)),
                "ilist-of-double" => new LyingTypedList<double>(before, after, ValueAt),
                "generic-only" => new LyingGenericOnlyList<double>(before, after, ValueAt),
                _ => throw new ScenarioFailedException("unknown kind " + kind),
            };
            made.Add(list);
            return list;
        }
        // A result built while a list gave two answers trusted one of them blindly (and, growing, wrote past its
        // buffer: fences around native blocks catch that; shrinking, left memory unwritten: the marker shows it).
        Action<NDArray> AnsweredOnce(Action<NDArray> check) => a =>
        {
            check(a);
            Expect.That(made.All(l => l.CountCalls <= 1), "a result although Count was asked twice and answered differently");
        };
        bool growing = after > before;
        NativeGuard.Enabled = growing;
        var tally = new CoercionOutcomes.Tally();
        long largest = 2L * Math.Max(before, after) * sizeof(double);
        for (int round = 0; round < 3; round++)
        {
            made.Clear();
            if (!growing)
                DirtyFreedMemory(largest / 2);
            CoercionOutcomes.Observe($"{kind} {before}->{after} as the input", () => np.asarray(Make()),
                AnsweredOnce(CoercionOutcomes.ValuesByLastIndex(1, before, after)), tally, inconsistentOnly: true);
            made.Clear();
            if (!growing)
                DirtyFreedMemory(largest);
            CoercionOutcomes.Observe($"{kind} {before}->{after} as two rows", () => np.asarray(new object[] { Make(), Make() }),
                AnsweredOnce(CoercionOutcomes.ValuesByLastIndex(2, before, after)), tally, inconsistentOnly: true);
        }
        CoercionOutcomes.ExpectFencesIntact();
        Console.WriteLine(tally);
    }

    /// <summary>
    /// <c>coercion-changing-enumerable FIRST LATER</c>: an enumerable yielding FIRST items once and LATER ever after,
    /// as the input and as rows.
    /// </summary>
    [Scenario("coercion-changing-enumerable")]
    public static void ChangingEnumerable(string[] args)
    {
        Expect.That(args.Length == 2, "usage: coercion-changing-enumerable FIRST LATER");
        int first = int.Parse(args[0], CultureInfo.InvariantCulture);
        int later = int.Parse(args[1], CultureInfo.InvariantCulture);
        var tally = new CoercionOutcomes.Tally();
        long largest = 2L * Math.Max(first, later) * sizeof(double);
        DirtyFreedMemory(largest / 2);
        CoercionOutcomes.Observe("as the input", () => np.asarray(new ChangingEnumerable(first, later)),
            CoercionOutcomes.ValuesByLastIndex(1, first, later), tally, inconsistentOnly: true);
        DirtyFreedMemory(largest);
        CoercionOutcomes.Observe("as two rows", () => np.asarray(new object[] { new ChangingEnumerable(first, later), new ChangingEnumerable(first, later) }),
            CoercionOutcomes.ValuesByLastIndex(2, first, later), tally, inconsistentOnly: true);
        DirtyFreedMemory(largest);
        CoercionOutcomes.Observe("as a list of two rows", () => np.asarray(new List<object?> { new ChangingEnumerable(first, later), new ChangingEnumerable(first, later) }),
            CoercionOutcomes.ValuesByLastIndex(2, first, later), tally, inconsistentOnly: true);
        Console.WriteLine(tally);
    }

    /// <summary>
    /// <c>coercion-rows-changed-during-discovery ROOT CHANGE</c>: a 2×2 input whose last element is an array-like
    /// that, when discovery converts it, changes the first row: <c>grow</c> (to 100 000 items), <c>shrink</c> (to
    /// none), <c>scalar</c> (the row becomes a number), <c>array</c> (an array of shape (5,)). ROOT is <c>jagged</c>
    /// (<c>object[][]</c>, grow and shrink only), <c>objects</c> (<c>object?[]</c> of <c>object?[]</c>) or
    /// <c>lists</c> (<c>List&lt;object?&gt;</c> of <c>List&lt;object?&gt;</c>, rows changed in place).
    /// </summary>
    [Scenario("coercion-rows-changed-during-discovery")]
    public static void RowsChangedDuringDiscovery(string[] args)
    {
        Expect.That(args.Length == 2, "usage: coercion-rows-changed-during-discovery ROOT CHANGE");
        string root = args[0], change = args[1];
        const int Long = 100_000;
        object?[] LongRow() => Enumerable.Range(0, Long).Select(i => (object?)ValueAt(i)).ToArray();
        object Build()
        {
            switch (root)
            {
                case "jagged":
                {
                    var jagged = new object[2][];
                    jagged[0] = [ValueAt(0), ValueAt(1)];
                    jagged[1] = [ValueAt(0), new Trigger(() => jagged[0] = change switch
                    {
                        "grow" => LongRow().Select(v => v!).ToArray(),
                        "shrink" => [],
                        _ => throw new ScenarioFailedException("jagged rows can only grow or shrink"),
                    }, ValueAt(1))];
                    return jagged;
                }
                case "objects":
                {
                    var rows = new object?[2];
                    rows[0] = new object?[] { ValueAt(0), ValueAt(1) };
                    rows[1] = new object?[] { ValueAt(0), new Trigger(() => rows[0] = Replacement(change, LongRow), ValueAt(1)) };
                    return rows;
                }
                case "lists":
                {
                    var first = new List<object?> { ValueAt(0), ValueAt(1) };
                    var rows = new List<object?> { first };
                    rows.Add(new List<object?> { ValueAt(0), new Trigger(() => ChangeInPlace(rows, first, change, LongRow), ValueAt(1)) });
                    return rows;
                }
                default:
                    throw new ScenarioFailedException("unknown root " + root);
            }
        }
        var tally = new CoercionOutcomes.Tally();
        for (int round = 0; round < 3; round++)
        {
            DirtyFreedMemory(4 * sizeof(double));
            CoercionOutcomes.Observe($"{root} {change}", () => np.asarray(Build()), CoercionOutcomes.ValuesByLastIndex(2, 2), tally, inconsistentOnly: true);
        }
        Console.WriteLine(tally);
    }

    private static object? Replacement(string change, Func<object?[]> longRow) => change switch
    {
        "grow" => longRow(),
        "shrink" => Array.Empty<object?>(),
        "scalar" => 2.5,
        "array" => np.zeros([5]),
        _ => throw new ScenarioFailedException("unknown change " + change),
    };

    private static void ChangeInPlace(List<object?> rows, List<object?> first, string change, Func<object?[]> longRow)
    {
        switch (change)
        {
            case "grow":
                first.Clear();
                first.AddRange(longRow());
                break;
            case "shrink":
                first.Clear();
                break;
            default:
                rows[0] = Replacement(change, longRow);
                break;
        }
    }
}
