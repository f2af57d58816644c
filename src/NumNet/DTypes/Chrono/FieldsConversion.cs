namespace NumNet.DTypes.Chrono;

/// <summary>Between a datetime64 count in some unit and its broken-down <see cref="DateTimeFields"/>.</summary>
internal static class FieldsConversion
{
    private const long Thousand = 1000;
    private const long Million = 1000_000;
    private const long PerDaySeconds = 86400;

    /// <summary>Breaks a count down; every field is the floor of the exact value, so negative counts fall before 1970.</summary>
    /// <exception cref="ArgumentException">A non-NaT count in generic units.</exception>
    /// <exception cref="OverflowException">The multiplier pushes the count out of range (NumPy 2.5).</exception>
    public static DateTimeFields ToFields(long value, DateTimeMetadata meta)
    {
        var f = DateTimeFields.Epoch;
        if (value == DateTimes.NaT)
            return DateTimeFields.NaT;
        if (meta.IsGeneric)
            throw new ArgumentException("Cannot convert a NumPy datetime value other than NaT with generic units");

        long dt = meta.Multiplier > 1
            ? LinearScale.Apply(value, meta.Multiplier, 1, "datetime64")
            : unchecked(value * meta.Multiplier);

        switch (meta.Unit)
        {
            case DateTimeUnit.Years:
                f.Year = unchecked(1970 + dt);
                break;
            case DateTimeUnit.Months:
                f.Year = unchecked(1970 + GregorianCalendar.FloorDivMod(ref dt, 12));
                f.Month = (int)dt + 1;
                break;
            case DateTimeUnit.Weeks:
                SetDays(ref f, unchecked(dt * 7));
                break;
            case DateTimeUnit.Days:
                SetDays(ref f, dt);
                break;
            case DateTimeUnit.Hours:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, 24));
                f.Hour = (int)dt;
                break;
            case DateTimeUnit.Minutes:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, 24 * 60));
                SetHourMinute(ref f, dt);
                break;
            case DateTimeUnit.Seconds:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, PerDaySeconds));
                SetTimeOfDay(ref f, dt);
                break;
            case DateTimeUnit.Milliseconds:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, PerDaySeconds * Thousand));
                SetTimeOfDay(ref f, GregorianCalendar.FloorDivMod(ref dt, Thousand));
                f.Microsecond = (int)(dt * Thousand);
                break;
            case DateTimeUnit.Microseconds:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, PerDaySeconds * Million));
                SetTimeOfDay(ref f, GregorianCalendar.FloorDivMod(ref dt, Million));
                f.Microsecond = (int)dt;
                break;
            case DateTimeUnit.Nanoseconds:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, PerDaySeconds * Million * Thousand));
                SetTimeOfDay(ref f, GregorianCalendar.FloorDivMod(ref dt, Million * Thousand));
                f.Microsecond = (int)GregorianCalendar.FloorDivMod(ref dt, Thousand);
                f.Picosecond = (int)(dt * Thousand);
                break;
            case DateTimeUnit.Picoseconds:
                SetDays(ref f, GregorianCalendar.FloorDivMod(ref dt, PerDaySeconds * Million * Million));
                SetTimeOfDay(ref f, GregorianCalendar.FloorDivMod(ref dt, Million * Million));
                f.Microsecond = (int)GregorianCalendar.FloorDivMod(ref dt, Million);
                f.Picosecond = (int)dt;
                break;
            case DateTimeUnit.Femtoseconds:
                // The whole int64 range is about +-2.6 hours, so only the hour can cross midnight.
                SetSecondsAroundEpoch(ref f, GregorianCalendar.FloorDivMod(ref dt, Million * Million * Thousand));
                f.Microsecond = (int)GregorianCalendar.FloorDivMod(ref dt, Million * Thousand);
                f.Picosecond = (int)GregorianCalendar.FloorDivMod(ref dt, Thousand);
                f.Attosecond = (int)(dt * Thousand);
                break;
            case DateTimeUnit.Attoseconds:
                // The whole int64 range is about +-9.2 seconds around the epoch.
                SetSecondsAroundEpoch(ref f, GregorianCalendar.FloorDivMod(ref dt, Million * Million * Million));
                f.Microsecond = (int)GregorianCalendar.FloorDivMod(ref dt, Million * Million);
                f.Picosecond = (int)GregorianCalendar.FloorDivMod(ref dt, Million);
                f.Attosecond = (int)dt;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(meta), meta.Unit, "not a datetime unit");
        }
        return f;
    }

    /// <summary>
    /// The count of valid fields in <paramref name="meta"/>, truncated to the unit (floor for weeks and multipliers).
    /// With <paramref name="checkOverflow"/> false the arithmetic wraps, as NumPy's does; with it true an
    /// out-of-range result raises <see cref="OverflowException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Non-NaT fields with generic units.</exception>
    public static long FromFields(in DateTimeFields f, DateTimeMetadata meta, bool checkOverflow = false)
    {
        if (f.IsNaT)
            return DateTimes.NaT;
        if (meta.IsGeneric)
            throw new ArgumentException("Cannot create a NumPy datetime other than NaT with generic units");
        // Wide arithmetic truncated to 64 bits gives exactly NumPy's wrapped result, and shows when it wrapped.
        Int128 wide = Count(f, meta.Unit);
        if (checkOverflow)
        {
            if (meta.Multiplier > 1)
                wide = Int128.IsNegative(wide) ? (wide - meta.Multiplier + 1) / meta.Multiplier : wide / meta.Multiplier;
            if (wide <= long.MinValue || wide > long.MaxValue)
                throw new OverflowException("The datetime is out of the range of datetime64 in this unit");
            return (long)wide;
        }
        long ret = unchecked((long)wide);
        if (meta.Multiplier > 1)
            ret = ret >= 0 ? ret / meta.Multiplier : (ret - meta.Multiplier + 1) / meta.Multiplier;
        return ret;
    }

    private static Int128 Count(in DateTimeFields f, DateTimeUnit unit)
    {
        if (unit == DateTimeUnit.Years)
            return (Int128)f.Year - 1970;
        if (unit == DateTimeUnit.Months)
            return 12 * ((Int128)f.Year - 1970) + (f.Month - 1);
        long days = GregorianCalendar.DaysFromCivil(f.Year, f.Month, f.Day);
        if (unit == DateTimeUnit.Weeks)
            return days >= 0 ? days / 7 : (days - 6) / 7;
        if (unit == DateTimeUnit.Days)
            return days;
        Int128 hours = (Int128)days * 24 + f.Hour;
        if (unit == DateTimeUnit.Hours)
            return hours;
        Int128 minutes = hours * 60 + f.Minute;
        if (unit == DateTimeUnit.Minutes)
            return minutes;
        Int128 seconds = minutes * 60 + f.Second;
        return unit switch
        {
            DateTimeUnit.Seconds => seconds,
            DateTimeUnit.Milliseconds => seconds * Thousand + f.Microsecond / 1000,
            DateTimeUnit.Microseconds => seconds * Million + f.Microsecond,
            DateTimeUnit.Nanoseconds => (seconds * Million + f.Microsecond) * Thousand + f.Picosecond / 1000,
            DateTimeUnit.Picoseconds => (seconds * Million + f.Microsecond) * Million + f.Picosecond,
            DateTimeUnit.Femtoseconds => ((seconds * Million + f.Microsecond) * Million + f.Picosecond) * Thousand + f.Attosecond / 1000,
            DateTimeUnit.Attoseconds => ((seconds * Million + f.Microsecond) * Million + f.Picosecond) * Million + f.Attosecond,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "not a datetime unit"),
        };
    }

    private static void SetDays(ref DateTimeFields f, long days)
    {
        GregorianCalendar.CivilFromDays(days, out f.Year, out f.Month, out f.Day);
    }

    private static void SetHourMinute(ref DateTimeFields f, long minuteOfDay)
    {
        f.Hour = (int)(minuteOfDay / 60);
        f.Minute = (int)(minuteOfDay % 60);
    }

    private static void SetTimeOfDay(ref DateTimeFields f, long secondOfDay)
    {
        f.Hour = (int)(secondOfDay / 3600);
        f.Minute = (int)(secondOfDay / 60 % 60);
        f.Second = (int)(secondOfDay % 60);
    }

    private static void SetSecondsAroundEpoch(ref DateTimeFields f, long seconds)
    {
        if (seconds < 0)
        {
            f.Year = 1969;
            f.Month = 12;
            f.Day = 31;
            seconds += PerDaySeconds;
        }
        SetTimeOfDay(ref f, seconds);
    }
}
