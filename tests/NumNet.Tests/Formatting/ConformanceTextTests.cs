using System.Text.Json;

namespace NumNet.Tests.Formatting;

/// <summary>Every repr/str expectation of the conformance files whose result array can be rebuilt from its values.</summary>
public class ConformanceTextTests
{
    // Cases whose expectation was produced by NumPy 1.24 where NumPy 2 prints differently; the value here is what
    // NumPy 2.3 prints (checked against its source) and what NumNet produces.
    private static readonly Dictionary<string, (string? Repr, string? Str, string Why)> Divergent = new()
    {
        // NumPy >= 1.25 shows the dtype of non-native byte order (arrayprint.dtype_is_implied checks isnative).
        ["repr_format-064"] = ("array([1.5], dtype='>f8')", null, "non-native dtype shown since NumPy 1.25"),
        // NumPy 2.3 also moved float16 scalars to scientific notation from 1e3 (scalartypes.c.src, #28703).
        ["repr_format-090"] = (null, "1e+03", "float16 scalar str is scientific from 1e3 in NumPy 2.3"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ConformanceArrays.CasesWithText())
            data.Add(c.File, c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReprAndStrMatchNumPy(string file, string id)
    {
        var c = ConformanceArrays.CasesWithText().First(x => x.File == file && x.Id == id);
        NDArray array = ConformanceArrays.Build(c.Expect, c.Args);

        string? repr = Text(c.Expect, "repr");
        string? str = Text(c.Expect, "str");
        // NumPy 1.24 produced these; from 1.25 on a non-native dtype is always named, as its typestr.
        if (c.Expect.TryGetProperty("dtype", out var dt) && dt.GetString()!.StartsWith('>') && repr is not null)
        {
            int at = repr.LastIndexOf(", dtype=", StringComparison.Ordinal);
            repr = (at >= 0 ? repr[..at] : repr[..^1]) + $", dtype='{dt.GetString()}')";
        }
        if (Divergent.TryGetValue(id, out var d))
        {
            repr = d.Repr ?? repr;
            str = d.Str ?? str;
        }
        if (repr is not null)
            Assert.Equal(repr, array.Repr());
        if (str is not null)
            Assert.Equal(str, array.ToString());
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
