namespace NumNet.DTypes.Chrono;

/// <summary>
/// A broken-down datetime (NumPy's <c>npy_datetimestruct</c>): proleptic Gregorian date, time of day, and the
/// fraction of the second split into microseconds, picoseconds (within the microsecond) and attoseconds (within
/// the picosecond). NaT is marked by <see cref="Year"/> equal to <see cref="DateTimes.NaT"/>.
/// </summary>
internal struct DateTimeFields
{
    public long Year;
    public int Month;
    public int Day;
    public int Hour;
    public int Minute;
    public int Second;
    public int Microsecond;
    public int Picosecond;
    public int Attosecond;

    /// <summary>Midnight, 1970-01-01.</summary>
    public static DateTimeFields Epoch => new() { Year = 1970, Month = 1, Day = 1 };

    public static DateTimeFields NaT => new() { Year = DateTimes.NaT, Month = 1, Day = 1 };

    public readonly bool IsNaT => Year == DateTimes.NaT;
}
