using System.Text.Json;

namespace NumNet.Tests.Formatting;

/// <summary>
/// repr and str under print options, wrapping, summarization, every dtype, empty and 0-d arrays: expectations from
/// Data/make_printing_cases.py (NumPy, with NumPy 2's shape=/dtype= rules).
/// </summary>
public class PrintOptionCaseTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> s_cases = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Formatting", "Data", "printing-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    });

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (string id in s_cases.Value.Keys)
            data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MatchesNumPy(string id)
    {
        var c = s_cases.Value[id];
        var array = ConformanceArrays.Build(c, default);
        var o = c.GetProperty("options");
        int? Int(string name) => o.TryGetProperty(name, out var v) ? v.GetInt32() : null;
        string? Str(string name) => o.TryGetProperty(name, out var v) ? v.GetString() : null;
        using var scope = np.printoptions(
            precision: Int("precision"), threshold: Int("threshold"), edgeitems: Int("edgeitems"),
            linewidth: Int("linewidth"), suppress: o.TryGetProperty("suppress", out var s) ? s.GetBoolean() : null,
            nanstr: Str("nanstr"), infstr: Str("infstr"), sign: Str("sign"), floatmode: Str("floatmode"));
        Assert.Equal(c.GetProperty("repr").GetString(), array.Repr());
        Assert.Equal(c.GetProperty("str").GetString(), array.ToString());
    }
}
