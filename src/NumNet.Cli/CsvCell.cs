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

/// <summary>What <see cref="CsvCell.ParsePlainNumber"/> read.</summary>
internal enum PlainNumber
{
    /// <summary>Not a plain number: the full path reads the cell.</summary>
    None,

    /// <summary>A short integer.</summary>
    Integer,

    /// <summary>A decimal float.</summary>
    Float,
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

    /// <summary>Digits a <see cref="PlainNumber.Integer"/> cell may have: any 18 digits fit a long with room to spare.</summary>
    public const int ShortIntegerDigits = 18;

    /// <summary>
    /// The common cells, read in one pass without the full <see cref="Classify"/>: an optional sign and 1 to
    /// <see cref="ShortIntegerDigits"/> digits (<paramref name="integer"/>), or an optional sign and digits with a
    /// point, an exponent or both that the float parser takes whole (<c>-13.48</c>, <c>.5</c>, <c>2e-3</c>;
    /// <paramref name="real"/>). <see cref="PlainNumber.None"/> for anything else (white space, longer integers, words,
    /// any other character), which the full path then reads, and for a negative zero (<c>-0</c>): its value as a float
    /// is -0.0, which a long cannot carry. The value is the one the full path gives: <see cref="TryParseInt64"/>'s, or
    /// <see cref="ParseDouble"/>'s (the same parser on the same text).
    /// </summary>
    /// <remarks>
    /// The float parser's own grammar does the checking: starting at a digit or a point and consumed to the end, with a
    /// point or exponent right after the leading digits, the text is a decimal number by it and by Python's
    /// <c>float()</c>. Integers, whose column stays int64 and whose length is limited, keep to their own path.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public static PlainNumber ParsePlainNumber(ReadOnlySpan<char> cell, out long integer, out double real)
    {
        integer = 0;
        real = 0;
        bool negative = IsNegative(cell, out var unsigned);
        int digits = LeadingDigits(unsigned, out ulong magnitude);
        if (digits == unsigned.Length)
        {
            if (digits is 0 or > ShortIntegerDigits || (negative && magnitude == 0))
                return PlainNumber.None;
            integer = negative ? -(long)magnitude : (long)magnitude;
            return PlainNumber.Integer;
        }
        bool decimalMark = digits > 0 ? unsigned[digits] is '.' or 'e' or 'E' : unsigned[0] == '.';
        if (!decimalMark || !FastDoubleParser.TryParseDouble(unsigned, out int consumed, out double value) || consumed != unsigned.Length)
            return PlainNumber.None;
        real = negative ? -value : value;
        return PlainNumber.Float;
    }

    /// <summary>
    /// How many digits <paramref name="text"/> starts with, and their value (meaningful up to
    /// <see cref="ShortIntegerDigits"/> digits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeadingDigits(ReadOnlySpan<char> text, out ulong value)
    {
        // Two digits a step: the multiply-adds of a long integer form one chain, and this halves its length.
        value = 0;
        int i = 0;
        for (; i + 1 < text.Length; i += 2)
        {
            uint high = (uint)(text[i] - '0'), low = (uint)(text[i + 1] - '0');
            if (high > 9)
                return i;
            if (low > 9)
            {
                value = unchecked(value * 10 + high);
                return i + 1;
            }
            value = unchecked(value * 100 + (high * 10 + low));
        }
        if (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            value = unchecked(value * 10 + (uint)(text[i] - '0'));
            i++;
        }
        return i;
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
        bool negative = IsNegative(number, out var unsigned);
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

    /// <summary>True when <paramref name="cell"/> starts with a minus; <paramref name="unsigned"/> is the cell after its sign, if it has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNegative(ReadOnlySpan<char> cell, out ReadOnlySpan<char> unsigned)
    {
        bool signed = !cell.IsEmpty && cell[0] is '+' or '-';
        unsigned = signed ? cell[1..] : cell;
        return signed && cell[0] == '-';
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
