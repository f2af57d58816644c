using NumNet.DTypes.Chrono;

namespace NumNet;

public readonly partial record struct DateTimeMetadata
{
    /// <summary>
    /// Parses the bracket part of a datetime dtype string as <c>np.dtype</c> does after "M8", "m8", "datetime64" or
    /// "timedelta64": "" and "[generic]" are generic units, "[ns]" is one nanosecond, "[25s]" 25 seconds, and a
    /// divisor such as "[30m/2]" becomes a multiple of a finer unit ("[900s]").
    /// </summary>
    /// <param name="bracket">The text after the type name, brackets included; "" for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bracket"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The text is not valid metadata (NumPy's TypeError 'Invalid datetime unit in metadata string "[xs]"' or
    /// 'Invalid datetime metadata string', and the ValueError for a divisor no finer unit can express).
    /// </exception>
    public static DateTimeMetadata ParseBracket(string bracket)
    {
        ArgumentNullException.ThrowIfNull(bracket);
        return MetadataParser.ParseBracket(bracket);
    }

    /// <summary>
    /// Parses a unit argument as <c>np.datetime64(value, unit)</c> and <c>np.datetime_as_string(unit=...)</c> take
    /// it: either bracketed metadata ("[25s]") or a bare extended unit ("25s", "ns", "generic").
    /// </summary>
    /// <param name="unit">The unit text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is not a unit; the message quotes it.</exception>
    public static DateTimeMetadata ParseUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Length > 0 && unit[0] == '['
            ? MetadataParser.ParseBracket(unit)
            : MetadataParser.ParseExtendedUnit(unit, 0, unit.Length, null);
    }
}
