using System.Globalization;
using System.Numerics;
using NumNet.DTypes.Chrono;

namespace NumNet.DTypes.Text;

/// <summary>
/// NumPy 2's <c>str()</c> of one scalar, the one entry behind printing a 0-d array, casts to <c>U</c> and <c>S</c>,
/// and storing values in string arrays (<c>asarray(x, dtype: "U")</c>). A scalar of a dtype class prints through the
/// class's text slot (<see cref="ElementText.Str"/>): floats their shortest round-trip digits in their own precision
/// (<see cref="FloatText"/>: float32 0.1 is "0.1", 1e16 is "1e+16"), bool "True"/"False", datetimes their ISO text.
/// </summary>
internal static class ScalarStr
{
    /// <summary>The <c>str()</c> of <paramref name="value"/>: its class's text for NumPy scalars, Python's for the rest.</summary>
    public static string Format(object? value) => value switch
    {
        null => "None",
        // Python's int has no class of its own (its dtype depends on the value) but prints the same way.
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        _ when ClrScalarTypes.TryGetClass(value.GetType(), out var family) => family.Text.Str(value),
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
