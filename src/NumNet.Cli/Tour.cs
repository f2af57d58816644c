using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumNet.Cli;

/// <summary>
/// <c>numnet tour</c>: a Python session that a NumPy user can read line by line, with the C# that does the same beside
/// each statement. Each step shows the NumPy statement, the C# call (its own source text, so what is shown is what
/// runs) and what NumNet answers; tests/NumNet.Tests/Cli/tour.expected.txt holds NumPy's own output for the same
/// statements, and a test keeps the two identical.
/// </summary>
public static class Tour
{
    /// <summary>One line of the session: a statement, its C#, and, for expressions, the text NumNet prints for it.</summary>
    private readonly record struct Step(string Python, string? CSharp, Func<string?> Run);

    /// <summary>Prefix of the C# line under each Python statement.</summary>
    public const string CSharpPrompt = "C#> ";

    /// <summary>Writes the tour.</summary>
    public static void Run(TextWriter o)
    {
        foreach (var step in Steps())
        {
            if (step.Python.StartsWith('#'))
            {
                o.WriteLine();
                o.WriteLine(step.Python);
                continue;
            }
            o.WriteLine(">>> " + step.Python);
            if (step.CSharp is not null)
                o.WriteLine(CSharpPrompt + step.CSharp);
            if (step.Run() is { } text)
                o.WriteLine(text);
        }
    }

    // The C# shown is the lambda's own source text, less its "() => ".
    private static Step Say(string python, Func<object?> run, [CallerArgumentExpression(nameof(run))] string csharp = "") =>
        new(python, Body(csharp), () => Text(run()));

    private static Step Do(string python, Action run, [CallerArgumentExpression(nameof(run))] string csharp = "") =>
        new(python, Body(csharp) + ";", () => { run(); return null; });

    private static Step Comment(string text) => new("# " + text, null, () => null);

    private static string Body(string lambda) => lambda.StartsWith("() => ", StringComparison.Ordinal) ? lambda[6..] : lambda;

    // Python's repr of what a statement gives.
    private static string Text(object? value) => value switch
    {
        NDArray a => a.Repr(),
        DType d => d.Repr(),
        bool b => b ? "True" : "False",
        long[] t => Tuple(t.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
        ITuple t => Tuple(Enumerable.Range(0, t.Length).Select(i => Text(t[i])).ToArray()),
        null => "None",
        _ => value.ToString() ?? "",
    };

    private static string Tuple(string[] items) => items.Length == 1 ? $"({items[0]},)" : "(" + string.Join(", ", items) + ")";

    private static IEnumerable<Step> Steps()
    {
        NDArray a = null!, b = null!, c = null!, m = null!, f = null!, v = null!;

        yield return Comment("np.asarray turns any array-like into an array, copying only when it must");
        yield return Say("np.asarray([1, 2])", () => np.asarray(new long[] { 1, 2 }));
        yield return Do("a = np.array([1, 2])", () => a = np.array(new long[] { 1, 2 }));
        yield return Say("np.asarray(a) is a", () => ReferenceEquals(np.asarray(a), a));
        yield return Do("a = np.array([1, 2], dtype=np.float32)", () => a = np.array(new long[] { 1, 2 }, dtype: np.float32));
        yield return Say("np.shares_memory(np.asarray(a, dtype=np.float32), a)", () => np.shares_memory(np.asarray(a, dtype: np.float32), a));
        yield return Say("np.shares_memory(np.asarray(a, dtype=np.float64), a)", () => np.shares_memory(np.asarray(a, dtype: np.float64), a));

        yield return Comment("dtype conversion follows NumPy's rules");
        yield return Say("np.asarray([1.5, 2.7], dtype=np.int32)", () => np.asarray(new[] { 1.5, 2.7 }, dtype: np.int32));
        yield return Say("np.asarray(['1.5', '2'], dtype=float)", () => np.asarray(new[] { "1.5", "2" }, dtype: "float"));
        yield return Say("np.asarray([1, 2.5, 3j])", () => np.asarray(new object[] { new BigInteger(1), 2.5, new Complex(0, 3) }));
        yield return Say("np.asarray([[1, 2], [3, 4]], dtype='>i4').dtype", () => np.asarray(new object[] { new long[] { 1, 2 }, new long[] { 3, 4 } }, dtype: ">i4").DType);
        yield return Say("np.asarray(['a', 'bcd'])", () => np.asarray(new[] { "a", "bcd" }));
        yield return Say("np.asarray([1, None])", () => np.asarray(new object?[] { new BigInteger(1), null }));

        yield return Comment("the dtype table: every spelling NumPy accepts");
        foreach (var spec in new[] { "bool", "int8", "uint16", "int", "float32", "float", "g", "complex", "G", "S10", "U5", "O", "M8[ns]", "m8[D]", ">f8" })
            yield return Say($"np.dtype('{spec}'), np.dtype('{spec}').str, np.dtype('{spec}').itemsize", () => (np.dtype(spec), $"'{np.dtype(spec).Str}'", np.dtype(spec).ItemSize),
                $"(np.dtype(\"{spec}\"), np.dtype(\"{spec}\").Str, np.dtype(\"{spec}\").ItemSize)");

        yield return Comment("copy versus view: asarray keeps the memory, array copies it");
        yield return Do("a = np.array([1, 2, 3])", () => a = np.array(new long[] { 1, 2, 3 }));
        yield return Do("b = np.asarray(a)", () => b = np.asarray(a));
        yield return Do("b[0] = 99", () => b.SetItem(99L, 0));
        yield return Say("print(a)", () => a.ToString());
        yield return Do("c = np.array(a)", () => c = np.array(a));
        yield return Do("c[1] = -1", () => c.SetItem(-1L, 1));
        yield return Say("print(a)", () => a.ToString());
        yield return Say("print(c)", () => c.ToString());

        yield return Comment("views: slicing shares memory, with new strides");
        yield return Do("a = np.arange(12).reshape(3, 4)", () => a = np.arange(12).Reshape(3, 4));
        yield return Do("v = a[1:, ::2]", () => v = a[np.s(1, null), np.s(null, null, 2)]);
        yield return Say("v.shape, v.strides", () => (v.Shape, v.Strides));
        yield return Say("v.base is a.base", () => ReferenceEquals(v.Base, a.Base));
        yield return Do("v[0, 0] = 99", () => v.SetItem(99L, 0, 0));
        yield return Say("a", () => a);

        yield return Comment("order and ravel: a view exactly when the memory already lies in that order");
        yield return Do("m = np.arange(6).reshape(2, 3)", () => m = np.arange(6).Reshape(2, 3));
        yield return Do("f = np.asarray(m, order='F')", () => f = np.asarray(m, order: "F"));
        yield return Say("f.flags['F_CONTIGUOUS'], f.strides, np.shares_memory(f, m)", () => (f.IsFContiguous, f.Strides, np.shares_memory(f, m)));
        yield return Say("m.ravel()", () => m.Ravel());
        yield return Say("m.ravel('F')", () => m.Ravel("F"));
        yield return Say("np.shares_memory(m.ravel(), m), np.shares_memory(m.ravel('F'), m)", () => (np.shares_memory(m.Ravel(), m), np.shares_memory(m.Ravel("F"), m)));
        yield return Say("np.shares_memory(m.T.ravel('K'), m), np.shares_memory(m.T.ravel('C'), m)", () => (np.shares_memory(m.T.Ravel("K"), m), np.shares_memory(m.T.Ravel("C"), m)));
        yield return Say("np.ascontiguousarray(m.T).strides", () => np.ascontiguousarray(m.T).Strides);
        yield return Say("m[::-1].copy(order='K').strides", () => m[np.s(null, null, -1)].Copy("K").Strides);

        yield return Comment("like= and device=: NumPy 2's dispatch and placement arguments");
        yield return Say("np.asarray([1, 2], like=np.array([0.5]))", () => np.asarray(new long[] { 1, 2 }, like: np.array(new[] { 0.5 })));
        yield return Say("np.asarray([1, 2], device='cpu')", () => np.asarray(new long[] { 1, 2 }, device: "cpu"));

        yield return Comment("printing is NumPy's, character for character");
        yield return Say("np.asarray([0.1, 1e-5, 3.0])", () => np.asarray(new[] { 0.1, 1e-5, 3.0 }));
        yield return Say("np.asarray([[1.5, float('nan')], [-0.0, float('inf')]], dtype=np.float32)", () => np.asarray(new[,] { { 1.5, double.NaN }, { -0.0, double.PositiveInfinity } }, dtype: np.float32));
        yield return Say("np.arange(2000).reshape(2, 1000)", () => np.arange(2000).Reshape(2, 1000));
        yield return Say("np.asarray(['2003-10-02', 'NaT'], dtype='datetime64[D]')", () => np.asarray(new[] { "2003-10-02", "NaT" }, dtype: "datetime64[D]"));
    }
}
