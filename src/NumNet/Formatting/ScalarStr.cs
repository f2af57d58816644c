using System.Globalization;

namespace NumNet.Formatting;

/// <summary>
/// NumPy's <c>str()</c> of the scalar a 0-d array holds, which is what <c>str()</c> of a 0-d array prints: floats
/// with full shortest digits (not the print precision), strings unquoted, timedeltas with their unit spelled out.
/// </summary>
internal static class ScalarStr
{
    public static string Format(NDArray array)
    {
        object? value = ElementBoxing.Get(array, array.Offset);
        return value switch
        {
            string s when array.DType.Code == DTypeCode.Unicode => s,
            Bytes b => PythonRepr.Repr(b),
            byte[] raw when array.DType.Code == DTypeCode.Void => PythonRepr.Repr(raw),
            bool v => v ? "True" : "False",
            double d => FloatText.Scalar(d),
            float f => FloatText.Scalar(f),
            Half h => FloatText.Scalar(h),
            LongDouble ld => FloatText.Scalar(ld),
            System.Numerics.Complex z => FloatText.ComplexScalar(z.Real, z.Imaginary),
            Complex64 z => FloatText.ComplexScalar(z.Real, z.Imaginary),
            Complex256 z => FloatText.ComplexScalar(z.Real, z.Imaginary),
            DateTime64 dt => DateTimes.Format(dt.Value, dt.Unit),
            TimeDelta64 td => TimeDeltaStr(td),
            _ when array.DType.IsObject => PythonRepr.Str(value),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "None",
        };
    }

    /// <summary>str of np.timedelta64: "5 seconds", "125 seconds" for 5 counts of 25 s, "5 generic time units", "NaT".</summary>
    public static string TimeDeltaStr(TimeDelta64 value)
    {
        if (value.IsNaT)
            return "NaT";
        string count = value.Unit.IsGeneric
            ? value.Value.ToString(CultureInfo.InvariantCulture)
            : (value.Value * (System.Numerics.BigInteger)value.Unit.Multiplier).ToString(CultureInfo.InvariantCulture);
        return count + " " + UnitName(value.Unit.Unit);
    }

    /// <summary>NumPy 2's repr of np.timedelta64: "np.timedelta64(5,'s')", "np.timedelta64(5)" for generic units.</summary>
    public static string TimeDeltaRepr(TimeDelta64 value)
    {
        string count = value.IsNaT ? "'NaT'" : value.Value.ToString(CultureInfo.InvariantCulture);
        return value.Unit.IsGeneric ? $"np.timedelta64({count})" : $"np.timedelta64({count},'{value.Unit.UnitText}')";
    }

    private static string UnitName(DateTimeUnit unit) => unit switch
    {
        DateTimeUnit.Years => "years",
        DateTimeUnit.Months => "months",
        DateTimeUnit.Weeks => "weeks",
        DateTimeUnit.Days => "days",
        DateTimeUnit.Hours => "hours",
        DateTimeUnit.Minutes => "minutes",
        DateTimeUnit.Seconds => "seconds",
        DateTimeUnit.Milliseconds => "milliseconds",
        DateTimeUnit.Microseconds => "microseconds",
        DateTimeUnit.Nanoseconds => "nanoseconds",
        DateTimeUnit.Picoseconds => "picoseconds",
        DateTimeUnit.Femtoseconds => "femtoseconds",
        DateTimeUnit.Attoseconds => "attoseconds",
        _ => "generic time units",
    };
}
