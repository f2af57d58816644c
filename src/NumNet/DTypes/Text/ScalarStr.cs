using System.Globalization;
using System.Numerics;
using NumNet.DTypes.Chrono;

namespace NumNet.DTypes.Text;

/// <summary>
/// NumPy 2's <c>str()</c> of one scalar, the one implementation behind printing a 0-d array, casts to <c>U</c> and
/// <c>S</c>, and storing values in string arrays (<c>asarray(x, dtype: "U")</c>). Floats print their shortest
/// round-trip digits in their own precision (<see cref="FloatText"/>): float32 0.1 is "0.1", 1e16 is "1e+16".
/// </summary>
internal static class ScalarStr
{
    /// <summary>The <c>str()</c> of <paramref name="value"/>: Python's for .NET and Python values, NumPy's for NumPy scalars.</summary>
    public static string Format(object? value) => value switch
    {
        null => "None",
        string s => s,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        Half h => FloatText.Scalar(h),
        float f => FloatText.Scalar(f),
        double d => FloatText.Scalar(d),
        LongDouble l => FloatText.Scalar(l),
        Complex64 z => FloatText.ComplexScalar(z.Real, z.Imaginary),
        Complex z => FloatText.ComplexScalar(z.Real, z.Imaginary),
        Complex256 z => FloatText.ComplexScalar(z.Real, z.Imaginary),
        DateTime64 t => DateTimes.Format(t.Value, t.Unit),
        TimeDelta64 t => TimeDelta(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// str of np.timedelta64: "5 seconds", "125 seconds" for 5 counts of 25 s, "5 generic time units", "NaT". The count
    /// times the multiplier wraps as NumPy's C multiplication does.
    /// </summary>
    public static string TimeDelta(TimeDelta64 value)
    {
        if (value.IsNaT)
            return "NaT";
        long count = unchecked(value.Value * value.Unit.Multiplier);
        return count.ToString(CultureInfo.InvariantCulture) + " " + value.Unit.Unit.ToVerboseName();
    }
}
