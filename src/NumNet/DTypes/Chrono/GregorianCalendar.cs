namespace NumNet.DTypes.Chrono;

/// <summary>Proleptic Gregorian day arithmetic over the whole int64 range, with day 0 = 1970-01-01.</summary>
internal static class GregorianCalendar
{
    private const long DaysPerEra = 146097;
    // Days from 0000-03-01 (the start of an era when years begin in March) to 1970-01-01.
    private const long EpochShift = 719468;

    private static readonly int[][] MonthLengths =
    [
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
        [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    ];

    public static bool IsLeapYear(long year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => MonthLengths[IsLeapYear(year) ? 1 : 0][month - 1];

    /// <summary>
    /// Days since 1970-01-01 of a valid date. Beyond about ±2.5e16 years the result wraps exactly as NumPy 2.5's
    /// does, which is why the year-of-era arithmetic is done in 32 bits as there.
    /// </summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        unchecked
        {
            // Counting years from March puts the leap day last, so month lengths no longer depend on the year.
            long y = year - (month <= 2 ? 1 : 0);
            long era = (y >= 0 ? y : y - 399) / 400;
            uint yearOfEra = (uint)(y - era * 400);
            uint dayOfYear = (153 * (uint)(month > 2 ? month - 3 : month + 9) + 2) / 5 + (uint)day - 1;
            uint dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * DaysPerEra + dayOfEra - EpochShift;
        }
    }

    /// <summary>The date of a day count; exact for every int64 input.</summary>
    public static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        // Split off whole eras before adding the shift so that counts near the int64 limits cannot overflow.
        long era = Math.DivRem(days, DaysPerEra, out long rest);
        if (rest < 0)
        {
            rest += DaysPerEra;
            era--;
        }
        rest += EpochShift;
        era += rest / DaysPerEra;
        long dayOfEra = rest % DaysPerEra;

        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long marchMonth = (5 * dayOfYear + 2) / 153;
        day = (int)(dayOfYear - (153 * marchMonth + 2) / 5 + 1);
        month = (int)(marchMonth < 10 ? marchMonth + 3 : marchMonth - 9);
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    }

    /// <summary>
    /// Adds a minute offset of at most a day or so to valid fields, carrying into hours, days, months and years
    /// (used for time-zone offsets, which NumPy applies with exactly this one-step carry).
    /// </summary>
    public static void AddMinutes(ref DateTimeFields fields, int minutes)
    {
        fields.Minute += minutes;
        fields.Hour += FloorDivMod(ref fields.Minute, 60);
        fields.Day += FloorDivMod(ref fields.Hour, 24);
        if (fields.Day < 1)
        {
            fields.Month--;
            if (fields.Month < 1)
            {
                fields.Year--;
                fields.Month = 12;
            }
            fields.Day += DaysInMonth(fields.Year, fields.Month);
        }
        else if (fields.Day > 28 && fields.Day > DaysInMonth(fields.Year, fields.Month))
        {
            fields.Day -= DaysInMonth(fields.Year, fields.Month);
            fields.Month++;
            if (fields.Month > 12)
            {
                fields.Year++;
                fields.Month = 1;
            }
        }
    }

    /// <summary>Floor division: returns the quotient and leaves the non-negative remainder in <paramref name="value"/>.</summary>
    public static long FloorDivMod(ref long value, long unit)
    {
        long quotient = Math.DivRem(value, unit, out long remainder);
        if (remainder < 0)
        {
            remainder += unit;
            quotient--;
        }
        value = remainder;
        return quotient;
    }

    private static int FloorDivMod(ref int value, int unit)
    {
        int quotient = Math.DivRem(value, unit, out int remainder);
        if (remainder < 0)
        {
            remainder += unit;
            quotient--;
        }
        value = remainder;
        return quotient;
    }
}
