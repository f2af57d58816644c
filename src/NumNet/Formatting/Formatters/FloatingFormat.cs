using NumNet.DTypes.Text;
using NumNet.DTypes.Text.Digits;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// The layout shared by every float of one printout: positional or scientific for all of them, the digits after
/// the point, and the padding that lines the points (or the exponents) up. Built from the printed values in a first
/// pass, then applied to each value.
/// </summary>
internal sealed class FloatingFormat<T, TOps> where T : unmanaged where TOps : IFloatOps<T>
{
    private readonly SignMode _sign;
    private readonly FloatMode _mode;
    private readonly string _nanStr;
    private readonly string _infStr;
    private int _precision;
    private bool _scientific;
    private bool _unique = true;
    private TrimMode _trim = TrimMode.Dot;
    private int _minDigits = -1;
    private int _padLeft;
    private int _padRight;
    private int _expSize = -1;

    // Each value's shortest digits, found in the first pass and reused by the second, which then only rounds and
    // lays them out. Entries are matched to values by magnitude, so a second pass that skips or reorders values
    // stays correct (it recomputes what it cannot find).
    private readonly CachedDigits[]? _digits;
    private int _nextDigits;
    private readonly FormatScratch _scratch = FormatScratch.Current;

    private readonly record struct CachedDigits(double Magnitude, ShortestDecimal Shortest);

    public FloatingFormat(ReadOnlySpan<T> values, PrintOptions options, SignMode sign)
    {
        _sign = sign;
        _mode = options.FloatMode;
        _nanStr = options.NanStr;
        _infStr = options.InfStr;
        _precision = _mode == FloatMode.Unique ? -1 : options.Precision ?? -1;
        if (_mode != FloatMode.Fixed && values.Length > 0 && TOps.Decompose(default).Format != BinaryFloatFormat.Other)
            _digits = new CachedDigits[values.Length];
        Measure(values, options.Suppress);
    }

    private SignMode DigitSign => _sign == SignMode.Plus ? SignMode.Plus : SignMode.Minus;

    private void Measure(ReadOnlySpan<T> values, bool suppress)
    {
        bool anyNonZero = false, anyFinite = false, anyNonFinite = false, anyNegativeFinite = false, anyNegativeInf = false;
        T max = default, min = default;
        foreach (T x in values)
        {
            if (!TOps.IsFinite(x))
            {
                anyNonFinite = true;
                if (!TOps.IsNaN(x) && TOps.IsSignBitSet(x))
                    anyNegativeInf = true;
                continue;
            }
            anyFinite = true;
            anyNegativeFinite |= TOps.IsSignBitSet(x);
            if (TOps.IsZero(x))
                continue;
            T a = TOps.Abs(x);
            if (!anyNonZero)
            {
                max = min = a;
                anyNonZero = true;
            }
            else
            {
                if (TOps.Less(max, a)) max = a;
                if (TOps.Less(a, min)) min = a;
            }
        }

        if (anyNonZero)
        {
            // NumPy 2.3: float16 and float32 switch to scientific sooner, at 10**precision of the type.
            double cutoff = Math.Pow(10, Math.Min(8, TOps.DecimalPrecision));
            bool tooLarge = !TOps.Less(max, TOps.FromDouble(cutoff));
            bool spread = TOps.Less(min, TOps.FromDouble(0.0001)) ||
                          TOps.Less(TOps.FromDouble(1000.0), TOps.Divide(max, min));
            _scientific = tooLarge || (!suppress && spread);
        }

        if (!anyFinite)
        {
            _padLeft = 0;
            _padRight = 0;
            _trim = TrimMode.Dot;
            _expSize = -1;
            _unique = true;
            _minDigits = -1;
        }
        else if (_scientific)
            MeasureScientific(values);
        else
            MeasurePositional(values);

        if (_sign == SignMode.Space && !anyNegativeFinite)
            _padLeft += 1;

        if (anyNonFinite)
        {
            int neginf = _sign != SignMode.Minus || anyNegativeInf ? 1 : 0;
            int offset = _padRight + 1;
            _padLeft = Math.Max(_padLeft, Math.Max(_nanStr.Length - offset, _infStr.Length + neginf - offset));
        }
    }

    private void MeasureScientific(ReadOnlySpan<T> values)
    {
        bool unique = _mode != FloatMode.Fixed;
        TrimMode trim = unique ? TrimMode.Dot : TrimMode.Keep;
        DigitMode digitMode = unique ? DigitMode.Unique : DigitMode.Exact;
        var (intWidth, fracWidth, expWidth) = SplitScan.Run(values,
            (part, first) => ScientificWidths(part, first, digitMode, trim, FormatScratch.Current),
            (a, b) => (Math.Max(a.Int, b.Int), Math.Max(a.Frac, b.Frac), Math.Max(a.Exp, b.Exp)));
        _expSize = expWidth - 1;
        _trim = TrimMode.Keep;
        _precision = fracWidth;
        _minDigits = fracWidth;
        _unique = unique;
        _padLeft = intWidth;
        // Only non-finite values use this, to right-align "nan" and "inf" with the rest.
        _padRight = _expSize + 2 + _precision;
    }

    private void MeasurePositional(ReadOnlySpan<T> values)
    {
        bool unique = _mode != FloatMode.Fixed;
        TrimMode trim = unique ? TrimMode.Dot : TrimMode.Keep;
        DigitMode digitMode = unique ? DigitMode.Unique : DigitMode.Exact;
        var (intWidth, fracWidth) = SplitScan.Run(values,
            (part, first) => PositionalWidths(part, first, digitMode, trim, FormatScratch.Current),
            (a, b) => (Math.Max(a.Int, b.Int), Math.Max(a.Frac, b.Frac)));
        _padLeft = intWidth;
        _padRight = fracWidth;
        _expSize = -1;
        _unique = unique;
        if (_mode is FloatMode.Fixed or FloatMode.MaxPrecEqual)
        {
            _precision = _minDigits = fracWidth;
            _trim = TrimMode.Keep;
        }
        else
        {
            _trim = TrimMode.Dot;
            _minDigits = 0;
        }
    }

    // The widths of the scientific texts of part (values from index first of the scan on): digits before the point,
    // after it, and of the exponent. Runs on any thread, with that thread's scratch.
    private (int Int, int Frac, int Exp) ScientificWidths(ReadOnlySpan<T> part, int first, DigitMode digitMode, TrimMode trim, FormatScratch scratch)
    {
        int intWidth = 0, fracWidth = 0, expWidth = 0;
        for (int k = 0; k < part.Length; k++)
        {
            T x = part[k];
            if (!TOps.IsFinite(x))
                continue;
            BinaryFloat value = TOps.Decompose(x);
            int length = ScientificLayout.Write(
                value, Remember(first + k, value), SignOf(value), digitMode, _precision, -1, trim, -1, -1, scratch);
            ReadOnlySpan<char> s = scratch.Text.AsSpan(0, length);
            int e = s.IndexOf('e');
            int dot = s.IndexOf('.');
            intWidth = Math.Max(intWidth, dot);
            fracWidth = Math.Max(fracWidth, e - dot - 1);
            expWidth = Math.Max(expWidth, s.Length - e - 1);
        }
        return (intWidth, fracWidth, expWidth);
    }

    // The widths of the positional texts of part: digits before the point and after it. Runs on any thread.
    private (int Int, int Frac) PositionalWidths(ReadOnlySpan<T> part, int first, DigitMode digitMode, TrimMode trim, FormatScratch scratch)
    {
        int intWidth = 0, fracWidth = 0;
        for (int k = 0; k < part.Length; k++)
        {
            T x = part[k];
            if (!TOps.IsFinite(x))
                continue;
            BinaryFloat value = TOps.Decompose(x);
            // Without padding requested no left padding comes back.
            PositionalLayout.Write(
                value, Remember(first + k, value), SignOf(value), digitMode, CutoffMode.FractionLength, _precision, -1, trim,
                -1, -1, scratch, out int length);
            ReadOnlySpan<char> s = scratch.Text.AsSpan(0, length);
            int dot = s.IndexOf('.');
            intWidth = Math.Max(intWidth, dot);
            fracWidth = Math.Max(fracWidth, s.Length - dot - 1);
        }
        return (intWidth, fracWidth);
    }

    private char SignOf(in BinaryFloat value) =>
        value.Negative ? '-' : DigitSign == SignMode.Plus ? '+' : '\0';

    private ShortestDecimal Remember(int index, in BinaryFloat value)
    {
        if (_digits is null)
            return ShortestDecimal.None;
        ShortestDecimal shortest = ShortestDecimal.Of(value);
        _digits[index] = new CachedDigits(Magnitude(value), shortest);
        return shortest;
    }

    private ShortestDecimal Recall(in BinaryFloat value)
    {
        if (_digits is null || _nextDigits >= _digits.Length)
            return ShortestDecimal.None;
        CachedDigits cached = _digits[_nextDigits++];
        return cached.Magnitude == Magnitude(value) ? cached.Shortest : ShortestDecimal.None;
    }

    // Exact for half, float and double, the only types with cached digits.
    private static double Magnitude(in BinaryFloat value) => Math.ScaleB((double)(ulong)value.Significand, value.Exponent);

    /// <summary>Appends the text of <paramref name="x"/> laid out like every other value of the printout.</summary>
    public void Append(T x, WordBuffer word)
    {
        if (!TOps.IsFinite(x))
        {
            _nextDigits++;
            AppendNonFinite(x, word);
            return;
        }

        BinaryFloat value = TOps.Decompose(x);
        ShortestDecimal known = Recall(value);
        DigitMode digitMode = _unique ? DigitMode.Unique : DigitMode.Exact;
        if (_scientific)
        {
            int length = ScientificLayout.Write(
                value, known, SignOf(value), digitMode, _precision, _minDigits, _trim, _padLeft, _expSize, _scratch);
            word.Append(_scratch.Text.AsSpan(0, length));
            return;
        }

        int leftPad = PositionalLayout.Write(
            value, known, SignOf(value), digitMode, CutoffMode.FractionLength, _precision, _minDigits, _trim,
            _padLeft, _padRight, _scratch, out int written);
        leftPad = Math.Max(leftPad, 0);
        if (leftPad + written > FormatLimits.MaxLength)
            throw new InvalidOperationException("Float formatting result too large");
        word.Append(' ', leftPad);
        word.Append(_scratch.Text.AsSpan(0, written));
    }

    private void AppendNonFinite(T x, WordBuffer word)
    {
        int start = word.Length;
        if (TOps.IsNaN(x))
        {
            if (_sign == SignMode.Plus)
                word.Append('+');
            word.Append(_nanStr);
        }
        else
        {
            if (TOps.IsSignBitSet(x))
                word.Append('-');
            else if (_sign == SignMode.Plus)
                word.Append('+');
            word.Append(_infStr);
        }
        word.PadLeftFrom(start, _padLeft + _padRight + 1 - (word.Length - start));
    }
}
