namespace NumNet.Conformance;

/// <summary>
/// Cases NumNet is known to fail, each with its reason. Read from a text file of lines <c>id  reason</c>
/// (blank lines and lines starting with '#' are ignored).
/// </summary>
public static class KnownFailures
{
    /// <summary>Id → reason.</summary>
    public static Dictionary<string, string> Load(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return result;
        foreach (var raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            int space = line.IndexOfAny([' ', '\t']);
            if (space < 0)
                throw new FormatException($"known failure '{line}' has no reason");
            result[line[..space]] = line[space..].Trim();
        }
        return result;
    }

    /// <summary>A one-line reason for a failure, from what the runner found.</summary>
    public static string ReasonFor(CaseOutcome outcome)
    {
        string detail = outcome.Detail.Replace("\n", " ").Replace("\r", " ");
        while (detail.Contains("  "))
            detail = detail.Replace("  ", " ");
        detail = detail.Trim();
        return detail.Length > 240 ? detail[..240] + "…" : detail;
    }
}
