namespace NumNet.Cli;

/// <summary>How a CSV file is laid out: the cell delimiter, and whether its first row names the columns.</summary>
/// <param name="Delimiter">The character between cells (a comma unless told otherwise).</param>
/// <param name="Header">True when the first row of a CSV input holds column names, which a 2-d array has no place
/// for: it is skipped, as NumPy's <c>loadtxt(skiprows=1)</c> does.</param>
internal sealed record CsvOptions(char Delimiter = ',', bool Header = false)
{
    /// <summary>Comma-separated, no header.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>
    /// Reads a <c>--delimiter</c> argument: one character, or <c>\t</c> / <c>tab</c> for a tab. A quote or a line
    /// break cannot delimit cells, since they already mean something in CSV.
    /// </summary>
    /// <exception cref="UsageException">Anything else.</exception>
    public static char ParseDelimiter(string text)
    {
        char delimiter = text switch
        {
            "\\t" or "tab" => '\t',
            { Length: 1 } => text[0],
            _ => throw new UsageException($"--delimiter: expected one character (or \\t for a tab), got {Quoted(text)}"),
        };
        if (delimiter is '"' or '\r' or '\n')
            throw new UsageException($"--delimiter: {Quoted(text)} cannot separate cells: it already means something in CSV");
        return delimiter;
    }

    private static string Quoted(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n").Replace("\r", "\\r") + "'";
}
