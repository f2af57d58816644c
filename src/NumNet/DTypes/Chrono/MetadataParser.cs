namespace NumNet.DTypes.Chrono;

/// <summary>
/// Reads NumPy's datetime metadata text, "[25s]" or "25s", with the same leniency and the same rejections as
/// NumPy's own reader (a multiplier may carry white space or a '+'; a unit may be followed by "/divisor").
/// </summary>
internal static class MetadataParser
{
    public static DateTimeMetadata ParseBracket(string text)
    {
        if (text.Length == 0)
            return DateTimeMetadata.Generic;
        if (text.Length < 3 || text[0] != '[')
            throw Invalid(text, null);
        int close = text.IndexOf(']', 1);
        if (close < 0)
            throw Invalid(text, text.Length);
        if (close == 1)
            throw Invalid(text, 1);
        var meta = ParseExtendedUnit(text, 1, close - 1, text);
        if (close + 1 != text.Length)
            throw Invalid(text, close + 1);
        return meta;
    }

    /// <summary>
    /// Parses "[multiplier]unit[/divisor]" found at <paramref name="start"/>; <paramref name="bracketed"/> is the
    /// whole bracketed text when there is one (used in messages, and a divisor is only valid inside brackets).
    /// </summary>
    public static DateTimeMetadata ParseExtendedUnit(string source, int start, int length, string? bracketed)
    {
        int limit = start + length;
        int pos = start;
        int multiplier = 1;
        if (CIntegerScanner.TryScan(source.AsSpan(0, limit), pos, out long scanned, out int afterNumber))
        {
            if (scanned is > int.MaxValue or < 0)
                throw Invalid(bracketed ?? source, bracketed is null ? null : pos);
            multiplier = (int)scanned;
            pos = afterNumber;
        }

        int unitEnd = pos;
        while (unitEnd < limit && source[unitEnd] != '/')
            unitEnd++;
        if (unitEnd == pos)
            throw Invalid(bracketed ?? source, bracketed is null ? null : pos);
        if (!DateTimeUnitExtensions.TryParseCode(source.AsSpan(pos, unitEnd - pos), out var unit))
        {
            throw new ArgumentException(bracketed is null
                ? $"Invalid datetime unit \"{DTypeParser.Quote(source[pos..])}\" in metadata"
                : $"Invalid datetime unit in metadata string \"{DTypeParser.Quote(bracketed)}\"");
        }
        pos = unitEnd;

        if (pos < limit)
        {
            // The divisor must run to the closing bracket, so a bare unit text can never have one.
            pos++;
            bool scannedDivisor = CIntegerScanner.TryScan(source.AsSpan(0, limit), pos, out long divisor, out int afterDivisor);
            bool closesBracket = bracketed is not null && afterDivisor == limit;
            if (!scannedDivisor || !closesBracket)
                throw Invalid(bracketed ?? source, bracketed is null ? null : pos);
            if (divisor != 1)
                return DivisorConversion.Apply(unit, multiplier, unchecked((int)divisor), bracketed!);
        }
        return new DateTimeMetadata(unit, multiplier);
    }

    private static ArgumentException Invalid(string text, int? position) => new(position is { } p
        ? $"Invalid datetime metadata string \"{DTypeParser.Quote(text)}\" at position {p}"
        : $"Invalid datetime metadata string \"{DTypeParser.Quote(text)}\"");
}
