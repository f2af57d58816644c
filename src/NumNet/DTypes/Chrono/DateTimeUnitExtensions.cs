using System.Diagnostics.CodeAnalysis;

namespace NumNet;

/// <summary>NumPy's spellings of <see cref="DateTimeUnit"/> values.</summary>
public static class DateTimeUnitExtensions
{
    private static readonly string[] Codes = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"];

    private static readonly string[] VerboseNames =
    [
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds",
        "nanoseconds", "picoseconds", "femtoseconds", "attoseconds", "generic time units",
    ];

    /// <summary>NumPy's code for the unit: "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as" or "generic".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined value.</exception>
    public static string ToCode(this DateTimeUnit unit) => Codes[Index(unit)];

    /// <summary>The plural English name NumPy prints after a timedelta count: "days", "seconds", "generic time units".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined value.</exception>
    public static string ToVerboseName(this DateTimeUnit unit) => VerboseNames[Index(unit)];

    /// <summary>Whether the unit is years or months, whose length in days varies (NumPy's nonlinear units).</summary>
    public static bool IsNonlinear(this DateTimeUnit unit) => unit is DateTimeUnit.Years or DateTimeUnit.Months;

    /// <summary>
    /// The unit a NumPy code names. Codes are case-sensitive ("M" is months, "m" minutes); "μs" (Greek mu) is
    /// accepted for microseconds, as NumPy does.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a unit code; the message quotes it.</exception>
    public static DateTimeUnit ParseCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryParseCode(code, out var unit))
            return unit;
        throw new ArgumentException($"Invalid datetime unit \"{code}\" in metadata", nameof(code));
    }

    /// <summary>Like <see cref="ParseCode"/>, without throwing; false for anything that is not a unit code.</summary>
    public static bool TryParseCode([NotNullWhen(true)] string? code, out DateTimeUnit unit) =>
        TryParseCode(code.AsSpan(), out unit) && code is not null;

    /// <summary>Like <see cref="ParseCode"/> on a span of characters, without throwing.</summary>
    public static bool TryParseCode(ReadOnlySpan<char> code, out DateTimeUnit unit)
    {
        unit = DateTimeUnit.Generic;
        DateTimeUnit? found = code switch
        {
            "Y" => DateTimeUnit.Years,
            "M" => DateTimeUnit.Months,
            "W" => DateTimeUnit.Weeks,
            "D" => DateTimeUnit.Days,
            "h" => DateTimeUnit.Hours,
            "m" => DateTimeUnit.Minutes,
            "s" => DateTimeUnit.Seconds,
            "ms" => DateTimeUnit.Milliseconds,
            "us" or "\u03BCs" => DateTimeUnit.Microseconds,
            "ns" => DateTimeUnit.Nanoseconds,
            "ps" => DateTimeUnit.Picoseconds,
            "fs" => DateTimeUnit.Femtoseconds,
            "as" => DateTimeUnit.Attoseconds,
            "generic" => DateTimeUnit.Generic,
            _ => null,
        };
        if (found is not { } value)
            return false;
        unit = value;
        return true;
    }

    private static int Index(DateTimeUnit unit) =>
        (uint)unit <= (uint)DateTimeUnit.Generic
            ? (int)unit
            : throw new ArgumentOutOfRangeException(nameof(unit), unit, "not a datetime unit");
}
