using System.Globalization;
using System.Text.Json;
using Xunit;

namespace NumNet.Tests.DTypes.DateTime;

/// <summary>
/// Checks the datetime64/timedelta64 machinery against datetime_cases.jsonl, which gen_datetime_cases.py writes
/// from a real NumPy, one group of cases per kind; plus hand-written cases for what the data cannot hold.
/// </summary>
public partial class DateTimeTests
{
    private const string DataFile = "datetime_cases.jsonl";
    private static readonly Lazy<IReadOnlyList<JsonElement>> Cases = new(LoadCases);

    [Theory]
    [InlineData("meta")]
    [InlineData("unit")]
    [InlineData("parse")]
    [InlineData("fmt")]
    [InlineData("fmtunit")]
    [InlineData("castM")]
    [InlineData("castm")]
    [InlineData("cancast")]
    [InlineData("promote")]
    [InlineData("tdstr")]
    [InlineData("tdparse")]
    [InlineData("arrM")]
    [InlineData("arrm")]
    [InlineData("isolen")]
    [InlineData("fromdt")]
    [InlineData("todt")]
    [InlineData("fromts")]
    [InlineData("tots")]
    public void MatchesNumPy(string kind)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Cases.Value)
        {
            if (c[0].GetString() != kind)
                continue;
            count++;
            string? problem;
            try
            {
                problem = Check(kind, c);
            }
            catch (Exception e)
            {
                problem = $"threw {e.GetType().Name}: {e.Message}";
            }
            if (problem is not null)
                failures.Add($"{c.GetRawText()} -> {problem}");
        }
        Assert.True(count > 0, $"no '{kind}' cases in {DataFile}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} '{kind}' cases differ from NumPy:\n" + string.Join("\n", failures.Take(25)));
    }

    private static string? Check(string kind, JsonElement c) => kind switch
    {
        "meta" => Expect(c[2], () => DateTimeMetadata.ParseBracket(c[1].GetString()!),
            (m, ok) => Same(m.UnitTuple, (ok[1].GetString()!, ok[2].GetInt32())) ?? Same(m.ToString(), ok[3].GetString())),
        "unit" => Expect(c[2], () => DateTimeMetadata.ParseUnit(c[1].GetString()!),
            (m, ok) => Same(m.UnitTuple, (ok[1].GetString()!, ok[2].GetInt32()))),
        "parse" => CheckParse(c),
        "fmt" => Expect(c[3], () => DateTimes.Format(c[1].GetInt64(), Meta(c[2]))),
        "fmtunit" => Same(DateTimes.Format(c[1].GetInt64(), Meta(c[2]), DateTimeUnitExtensions.ParseCode(c[3].GetString()!)), c[4].GetString()),
        "castM" => Expect(c[4], () => DateTimes.Cast(c[1].GetInt64(), Meta(c[2]), Meta(c[3])), (v, ok) => Same(v, ok[1].GetInt64())),
        "castm" => Expect(c[4], () => TimeDeltas.Cast(c[1].GetInt64(), Meta(c[2]), Meta(c[3])), (v, ok) => Same(v, ok[1].GetInt64())),
        "cancast" => CheckCanCast(c),
        "promote" => Expect(c[5], () => DateTimeMetadata.Promote(Meta(c[2]), Meta(c[4]), c[1].GetString() == "m" && c[3].GetString() == "m"),
            (m, ok) => Same(m.UnitText, ok[2].GetString())),
        "tdstr" => Same(TimeDeltas.Format(c[1].GetInt64(), Meta(c[2])), c[3].GetString()),
        "tdparse" => Expect(c[2], () => TimeDeltas.Parse(c[1].GetString()!), (v, ok) => Same(v, ok[1].GetInt64())),
        "arrM" => Same(string.Join("|", DateTimes.FormatArrayElements(Longs(c[1]), Meta(c[2]))), Joined(c[3])),
        "arrm" => Same(string.Join("|", TimeDeltas.FormatArrayElements(Longs(c[1]))), Joined(c[3])),
        "isolen" => Same(DateTimes.GetIsoStringLength(DateTimeUnitExtensions.ParseCode(c[1].GetString()!)), c[2].GetInt32()),
        "fromdt" => Expect(c[3], () => DateTimes.FromDateTime(ParseTicksIso(c[1].GetString()!), Meta(c[2])), (v, ok) => Same(v, ok[1].GetInt64())),
        "todt" => Expect(c[3], () => DateTimes.ToDateTime(c[1].GetInt64(), Meta(c[2])),
            (d, ok) => Same(d.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ok[1].GetString())),
        "fromts" => Expect(c[3], () => TimeDeltas.FromTimeSpan(TimeSpan.FromTicks(c[1].GetInt64()), Meta(c[2])), (v, ok) => Same(v, ok[1].GetInt64())),
        "tots" => Expect(c[3], () => TimeDeltas.ToTimeSpan(c[1].GetInt64(), Meta(c[2])).Ticks, (v, ok) => Same(v, ok[1].GetInt64())),
        _ => $"unknown kind {kind}",
    };

    private static string? CheckParse(JsonElement c)
    {
        string text = c[1].GetString()!;
        DateTimeMetadata? unit = c[2].ValueKind == JsonValueKind.Null ? null : Meta(c[2]);
        return Expect(c[3], () => DateTimes.Parse(text, unit), (r, ok) =>
            Same(r.Value, ok[1].GetInt64()) ?? Same(r.Metadata.UnitText, ok[2].GetString()) ?? Same(r.HasTimezoneWarning, ok[3].GetBoolean()));
    }

    private static string? CheckCanCast(JsonElement c)
    {
        bool timedelta = c[1].GetString() == "m";
        var from = Meta(c[2]);
        var to = Meta(c[3]);
        string[] kinds = ["no", "equiv", "safe", "same_kind", "unsafe"];
        for (int i = 0; i < kinds.Length; i++)
        {
            bool actual = timedelta
                ? DateTimeMetadata.CanCastTimeDeltaUnits(from, to, kinds[i])
                : DateTimeMetadata.CanCastDateTimeUnits(from, to, kinds[i]);
            if (actual != c[4][i].GetBoolean())
                return $"casting '{kinds[i]}' gave {actual}";
        }
        return null;
    }

    // A case's expectation is either ["ok", ...] or ["err", ".NET exception type name"].
    private static string? Expect<T>(JsonElement expect, Func<T> act, Func<T, JsonElement, string?> check)
    {
        if (expect.ValueKind == JsonValueKind.Array && expect[0].GetString() == "err")
        {
            string wanted = expect[1].GetString()!;
            try
            {
                var result = act();
                return $"expected {wanted}, got {result}";
            }
            catch (Exception e)
            {
                return IsOrDerives(e.GetType(), wanted) ? null : $"expected {wanted}, threw {e.GetType().Name}: {e.Message}";
            }
        }
        return check(act(), expect);
    }

    private static string? Expect(JsonElement expect, Func<string> act) =>
        expect.ValueKind == JsonValueKind.String
            ? Same(act(), expect.GetString())
            : Expect(expect, act, (_, _) => "unreachable");

    private static bool IsOrDerives(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == name)
                return true;
        }
        return false;
    }

    private static string? Same<T>(T actual, T expected) =>
        EqualityComparer<T>.Default.Equals(actual, expected) ? null : $"got {actual}, expected {expected}";

    private static DateTimeMetadata Meta(JsonElement text) => DateTimeMetadata.ParseUnit(text.GetString()!);

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static string Joined(JsonElement array) => string.Join("|", array.EnumerateArray().Select(e => e.GetString()));

    private static System.DateTime ParseTicksIso(string text) =>
        System.DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static IReadOnlyList<JsonElement> LoadCases()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "DTypes", "DateTime", DataFile);
        var cases = new List<JsonElement>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
                continue;
            var element = JsonDocument.Parse(line).RootElement;
            if (element[0].GetString() != "header")
                cases.Add(element);
        }
        return cases;
    }
}
