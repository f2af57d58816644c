namespace NumNet;

/// <summary>
/// The base unit of a <c>datetime64</c>/<c>timedelta64</c> dtype, declared from the coarsest to the finest so that
/// <c>a &lt; b</c> means "a is a coarser unit than b". <see cref="Generic"/> (no unit yet) comes last, as in NumPy.
/// </summary>
public enum DateTimeUnit
{
    /// <summary>Calendar years (<c>Y</c>).</summary>
    Years,
    /// <summary>Calendar months (<c>M</c>).</summary>
    Months,
    /// <summary>Weeks of seven days (<c>W</c>); datetimes in weeks count from Thursday 1970-01-01.</summary>
    Weeks,
    /// <summary>Days (<c>D</c>).</summary>
    Days,
    /// <summary>Hours (<c>h</c>).</summary>
    Hours,
    /// <summary>Minutes (<c>m</c>).</summary>
    Minutes,
    /// <summary>Seconds (<c>s</c>).</summary>
    Seconds,
    /// <summary>Milliseconds (<c>ms</c>).</summary>
    Milliseconds,
    /// <summary>Microseconds (<c>us</c>, also spelled <c>μs</c>).</summary>
    Microseconds,
    /// <summary>Nanoseconds (<c>ns</c>).</summary>
    Nanoseconds,
    /// <summary>Picoseconds (<c>ps</c>).</summary>
    Picoseconds,
    /// <summary>Femtoseconds (<c>fs</c>).</summary>
    Femtoseconds,
    /// <summary>Attoseconds (<c>as</c>).</summary>
    Attoseconds,
    /// <summary>No unit yet (<c>generic</c>): only NaT or a bare count; takes the other operand's unit when mixed.</summary>
    Generic,
}
