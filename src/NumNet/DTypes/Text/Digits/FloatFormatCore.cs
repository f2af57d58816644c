namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// Type-independent entry points behind <c>Formatting.FloatFormat</c> and the <c>str()</c> of floats: they take a decomposed
/// <see cref="BinaryFloat"/>, so any binary format (for example an 80-bit long double) can be printed
/// with the same rules. Arguments are not validated here; optional counts use -1 for "not given".
/// </summary>
internal static class FloatFormatCore
{
    /// <summary>The equivalent of NumPy's <c>dragon4_positional</c> for an already decomposed value.</summary>
    public static string Positional(
        in BinaryFloat value,
        int precision,
        bool unique,
        bool fractional,
        TrimMode trim,
        SignMode sign,
        int padLeft,
        int padRight,
        int minDigits)
    {
        char signChar = SignCharacter(value, sign);
        if (value.Kind != BinaryFloatKind.Finite)
        {
            return NonFinite(value, signChar);
        }

        return PositionalLayout.Format(
            value,
            signChar,
            unique ? DigitMode.Unique : DigitMode.Exact,
            fractional ? CutoffMode.FractionLength : CutoffMode.TotalLength,
            precision,
            minDigits,
            trim,
            padLeft,
            padRight);
    }

    /// <summary>The equivalent of NumPy's <c>dragon4_scientific</c> for an already decomposed value.</summary>
    public static string Scientific(
        in BinaryFloat value,
        int precision,
        bool unique,
        TrimMode trim,
        SignMode sign,
        int padLeft,
        int expDigits,
        int minDigits)
    {
        char signChar = SignCharacter(value, sign);
        if (value.Kind != BinaryFloatKind.Finite)
        {
            return NonFinite(value, signChar);
        }

        return ScientificLayout.Format(
            value,
            signChar,
            unique ? DigitMode.Unique : DigitMode.Exact,
            precision,
            minDigits,
            trim,
            padLeft,
            expDigits);
    }

    private static char SignCharacter(in BinaryFloat value, SignMode sign) =>
        value.Negative ? '-' : sign switch
        {
            SignMode.Plus => '+',
            SignMode.Space => ' ',
            _ => '\0',
        };

    // Array printing substitutes its own nan/inf strings; these match what NumPy's scalar
    // formatter returns (no padding, and never a sign on nan).
    private static string NonFinite(in BinaryFloat value, char sign)
    {
        if (value.Kind == BinaryFloatKind.NaN)
        {
            return "nan";
        }

        return sign == '\0' ? "inf" : sign + "inf";
    }
}
