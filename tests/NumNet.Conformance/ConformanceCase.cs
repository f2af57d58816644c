using System.Text.Json;

namespace NumNet.Conformance;

/// <summary>One NumPy-generated case: a call, its arguments, and what NumPy 2 gave.</summary>
public sealed record ConformanceCase(string Id, string File, string Call, JsonElement Args, JsonElement Expect, bool PlatformDependent)
{
    /// <summary>Reads every case of a case file.</summary>
    public static IEnumerable<ConformanceCase> Load(string path)
    {
        // Some cases nest 65 lists deep to test the dimension limit.
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path), new JsonDocumentOptions { MaxDepth = 512 });
        string file = Path.GetFileName(path);
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            yield return FromJson(c, file);
    }

    /// <summary>One case object (with its <c>expect</c>), as a case file or the live oracle holds it.</summary>
    public static ConformanceCase FromJson(JsonElement c, string file) => new(
        c.GetProperty("id").GetString()!,
        file,
        c.GetProperty("call").GetString()!,
        c.GetProperty("args").Clone(),
        c.GetProperty("expect").Clone(),
        c.TryGetProperty("platform_dependent", out _));

    /// <summary>
    /// The case files of a corpus folder: the NumPy-generated <c>cases-*.json</c>, then the <c>found-*.json</c> that
    /// differential runs added (minimal cases where NumNet once differed from the oracle), each group in name order.
    /// </summary>
    public static IReadOnlyList<string> FilesIn(string folder) =>
    [
        .. Directory.GetFiles(folder, "cases-*.json").Order(StringComparer.Ordinal),
        .. Directory.GetFiles(folder, "found-*.json").Order(StringComparer.Ordinal),
    ];

    /// <summary>An argument, or null when the case leaves it out (meaning "use the default").</summary>
    public JsonElement? Arg(string name) => Args.TryGetProperty(name, out var v) ? v : null;

    /// <summary>True when the case expects an error.</summary>
    public bool ExpectsError => Expect.TryGetProperty("error", out _);
}

/// <summary>How one case ended.</summary>
public sealed record CaseOutcome(ConformanceCase Case, bool Passed, string Detail)
{
    /// <summary>A pass.</summary>
    public static CaseOutcome Pass(ConformanceCase c) => new(c, true, "");

    /// <summary>A failure with what differed.</summary>
    public static CaseOutcome Fail(ConformanceCase c, string detail) => new(c, false, detail);
}
