using NumNet.Formatting.Float;

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

    // In the default modes the second pass would recompute exactly the digits of the first and only add padding,
    // so the first pass keeps its texts; the layout asks for the values in the same order the first pass saw them.
    private string[]? _firstPass;
    private int _nextFirstPass;

    public FloatingFormat(ReadOnlySpan<T> values, PrintOptions options, SignMode sign)
    {
        _sign = sign;
        _mode = options.FloatMode;
        _nanStr = options.NanStr;
        _infStr = options.InfStr;
        _precision = _mode == FloatMode.Unique ? -1 : options.Precision ?? -1;
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
        int intWidth = 0, fracWidth = 0, expWidth = 0;
        foreach (T x in values)
        {
            if (!TOps.IsFinite(x))
                continue;
            string s = FloatFormatCore.Scientific(TOps.Decompose(x), _precision, unique, trim, DigitSign, -1, -1, -1);
            int e = s.IndexOf('e');
            int dot = s.IndexOf('.');
            intWidth = Math.Max(intWidth, dot);
            fracWidth = Math.Max(fracWidth, e - dot - 1);
            expWidth = Math.Max(expWidth, s.Length - e - 1);
        }
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
        int intWidth = 0, fracWidth = 0;
        bool keep = _mode is FloatMode.MaxPrec or FloatMode.Unique;
        string[]? texts = keep ? new string[values.Length] : null;
        for (int k = 0; k < values.Length; k++)
        {
            T x = values[k];
            if (!TOps.IsFinite(x))
                continue;
            string s = FloatFormatCore.Positional(TOps.Decompose(x), _precision, unique, true, trim, DigitSign, -1, -1, -1);
            if (texts is not null)
                texts[k] = s;
            int dot = s.IndexOf('.');
            intWidth = Math.Max(intWidth, dot);
            fracWidth = Math.Max(fracWidth, s.Length - dot - 1);
        }
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
            _firstPass = texts;
        }
    }

    /// <summary>Appends the text of <paramref name="x"/> laid out like every other value of the printout.</summary>
    public void Append(T x, WordBuffer word)
    {
        string? known = null;
        if (_firstPass is not null && _nextFirstPass < _firstPass.Length)
            known = _firstPass[_nextFirstPass++];
        if (known is not null)
        {
            int dot = known.IndexOf('.');
            word.Append(' ', _padLeft - dot);
            word.Append(known);
            word.Append(' ', _padRight - (known.Length - dot - 1));
            return;
        }
        if (!TOps.IsFinite(x))
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
            return;
        }

        string text = _scientific
            ? FloatFormatCore.Scientific(TOps.Decompose(x), _precision, _unique, _trim, DigitSign, _padLeft, _expSize, _minDigits)
            : FloatFormatCore.Positional(TOps.Decompose(x), _precision, _unique, true, _trim, DigitSign, _padLeft, _padRight, _minDigits);
        word.Append(text);
    }
}
