using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using csFastFloat;

namespace NumNet.Cli;

/// <summary>What a CSV cell holds, as NumPy's text readers see it once the surrounding white space is stripped.</summary>
internal enum CellKind
{
    /// <summary>Nothing (or only white space): a missing value, NaN in a numeric table as in <c>genfromtxt</c>.</summary>
    Missing,

    /// <summary>Python's <c>int()</c> syntax: an optional sign and decimal digits.</summary>
    Integer,

    /// <summary>Python's <c>float()</c> syntax: digits with a point or an exponent, <c>inf</c>, <c>infinity</c>, <c>nan</c>.</summary>
    Float,

    /// <summary>Anything else: the table becomes a table of strings.</summary>
    Text,
}

/// <summary>Where a cell is, for messages: 1-based row (counting every record of the file) and column.</summary>
internal readonly record struct CellPosition(long Row, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CSV row {Row}, column {Column}");
}

/// <summary>
/// One cell: its kind and its value. The grammar is checked here, character by character, before a parser sees the
/// text, so each parser gets only what it fully consumes; integers longer than Python's 4 300-digit limit are refused
/// before any conversion starts.
/// </summary>
internal static class CsvCell
{
    /// <summary>Python's default <c>sys.get_int_max_str_digits()</c>: longer decimal integers are refused.</summary>
    public const int MaxIntegerDigits = 4300;

    /// <summary>Python's <c>float('nan')</c>, sign bit clear (.NET's <see cref="double.NaN"/> has it set).</summary>
    public static readonly double NaN = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000);

    /// <summary>The kind of <paramref name="cell"/>, and the cell without its surrounding white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public static CellKind Classify(ReadOnlySpan<char> cell, out ReadOnlySpan<char> trimmed)
    {
        trimmed = cell.Trim();
        if (trimmed.IsEmpty)
            return CellKind.Missing;
        ReadOnlySpan<char> unsigned = trimmed[0] is '+' or '-' ? trimmed[1..] : trimmed;
        int digits = CountDigits(unsigned);
        if (digits == unsigned.Length && digits > 0)
            return CellKind.Integer;
        // Decimal numbers first: they are nearly every cell of a numeric file, and the word checks cost three compares.
        if (IsDecimalFloat(unsigned, digits) || IsSpecialFloat(unsigned))
            return CellKind.Float;
        return CellKind.Text;
    }

    /// <summary>
    /// An <see cref="CellKind.Integer"/> cell as a long, or false when it does not fit (NumPy would then need more than
    /// int64, and <c>genfromtxt</c> makes the column float64).
    /// </summary>
    /// <exception cref="InvalidDataException">More than <see cref="MaxIntegerDigits"/> digits.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public static bool TryParseInt64(ReadOnlySpan<char> integer, out long value, CellPosition where)
    {
        if (integer.Length > MaxIntegerDigits)
            CheckDigitLimit(integer, where);
        return long.TryParse(integer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An <see cref="CellKind.Integer"/> cell of any length up to the digit limit.</summary>
    /// <exception cref="InvalidDataException">More than <see cref="MaxIntegerDigits"/> digits.</exception>
    public static BigInteger ParseBigInteger(ReadOnlySpan<char> integer, CellPosition where)
    {
        CheckDigitLimit(integer, where);
        return BigInteger.Parse(integer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An <see cref="CellKind.Integer"/> or <see cref="CellKind.Float"/> cell as the nearest double, as Python's
    /// <c>float()</c> gives it (infinite beyond the range, like <c>float('1e400')</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">An integer of more than <see cref="MaxIntegerDigits"/> digits.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public static double ParseDouble(ReadOnlySpan<char> number, CellPosition where)
    {
        bool negative = number[0] == '-';
        ReadOnlySpan<char> unsigned = number[0] is '+' or '-' ? number[1..] : number;
        if (!char.IsAsciiDigit(unsigned[0]) && unsigned[0] != '.')
        {
            // The grammar was checked: a word is inf, infinity or nan.
            double magnitude = unsigned[0] is 'n' or 'N' ? NaN : double.PositiveInfinity;
            return negative ? -magnitude : magnitude;
        }
        if (unsigned.Length > MaxIntegerDigits && CountDigits(unsigned) == unsigned.Length)
            CheckDigitLimit(number, where);
        // The parser takes all of the checked text and rounds correctly, as Python's float() does.
        bool parsed = FastDoubleParser.TryParseDouble(unsigned, out int consumed, out double value);
        if (!parsed || consumed != unsigned.Length)
            throw new InvalidDataException($"{where}: cannot read the number");
        return negative ? -value : value;
    }

    private static void CheckDigitLimit(ReadOnlySpan<char> integer, CellPosition where)
    {
        int digits = integer.Length - (integer[0] is '+' or '-' ? 1 : 0);
        if (digits > MaxIntegerDigits)
            throw new InvalidDataException(
                $"{where}: an integer of {digits} digits is longer than the limit of {MaxIntegerDigits} digits (Python's int() limit)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int end = text.IndexOfAnyExceptInRange('0', '9');
        return end < 0 ? text.Length : end;
    }

    private static bool IsSpecialFloat(ReadOnlySpan<char> unsigned) =>
        unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase)
        || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase)
        || unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Digits with a point, an exponent or both: <c>1.</c>, <c>.5</c>, <c>1e5</c>, <c>2.5E-3</c>. <paramref name="whole"/>
    /// is the count of leading digits, which the caller has already counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private static bool IsDecimalFloat(ReadOnlySpan<char> unsigned, int whole)
    {
        Debug.Assert(whole == CountDigits(unsigned));
        var rest = unsigned[whole..];
        int fraction = 0;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            fraction = CountDigits(rest[1..]);
            rest = rest[(1 + fraction)..];
        }
        if (whole + fraction == 0)
            return false;
        if (rest.IsEmpty)
            return true;
        if (rest[0] is not ('e' or 'E'))
            return false;
        rest = rest[1..];
        if (!rest.IsEmpty && rest[0] is '+' or '-')
            rest = rest[1..];
        return !rest.IsEmpty && CountDigits(rest) == rest.Length;
    }
}
