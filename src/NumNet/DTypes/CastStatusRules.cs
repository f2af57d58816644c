using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumNet.DTypes;

/// <summary>The floating-point status a cast can leave behind, which NumPy turns into a RuntimeWarning.</summary>
internal enum CastStatus : byte
{
    /// <summary>Nothing to report.</summary>
    None,
    /// <summary>"invalid value encountered in cast": NaN, infinity or a value out of the conversion's range into an integer.</summary>
    Invalid,
    /// <summary>"overflow encountered in cast": a finite value too large for a narrower float, which becomes infinity.</summary>
    Overflow,
}

/// <summary>
/// Which values of a numeric cast set the processor's floating-point status, as NumPy's x86-64 casts set it (NumPy
/// checks the status after each cast loop and warns): a value <c>v</c> is reported when it is not inside
/// (<see cref="Low"/>, <see cref="High"/>), or, for overflow, when it is finite and <c>|v| &gt;= High</c>.
/// </summary>
/// <param name="Status">What the values outside the range report.</param>
/// <param name="Low">Invalid only: the exclusive lower bound of the values that convert quietly.</param>
/// <param name="High">Invalid: the exclusive upper bound; overflow: the smallest magnitude that rounds to infinity.</param>
/// <param name="BothParts">A complex source into a complex target: both parts are checked, else only the real part.</param>
internal readonly record struct CastStatusRule(CastStatus Status, double Low, double High, bool BothParts)
{
    // cvttsd2si into 32 bits: anything truncating into int32 is quiet; narrower integers keep the low bits.
    private const double Int32Low = -2147483649.0, Int32High = 2147483648.0;
    // Into 64 bits (also used for uint32): the next double below -2^63 is 2048 lower, so "above it" means ">= -2^63".
    private const double Int64Low = -9223372036854777856.0, Int64High = 9223372036854775808.0;
    // uint64 takes [2^63, 2^64) through a subtraction, and negative values through the signed conversion.
    private const double UInt64High = 18446744073709551616.0;
    // The midpoint between the largest finite value and the next power of two rounds (to even) to infinity.
    private const double HalfOverflow = 65520.0, SingleOverflow = 3.4028235677973366e38;

    /// <summary>The rule of a cast between two numeric dtypes, or null when no value of the source can set a status.</summary>
    /// <remarks>float128 and complex256 sources (x87 conversions with their own ranges) are not checked yet.</remarks>
    public static CastStatusRule? For(DTypeCode from, DTypeCode to)
    {
        if (!NumericTraits.IsNumeric(from) || !NumericTraits.IsNumeric(to) || from == to)
            return null;
        var fromKind = NumericTraits.KindOf(from);
        bool fromFloat = fromKind is NumericTraits.NumKind.Float or NumericTraits.NumKind.Complex;
        if (from is DTypeCode.Float128 or DTypeCode.Complex256 || fromKind == NumericTraits.NumKind.Bool)
            return null;
        if (fromFloat && NumericTraits.IsInteger(to))
            return IntegerRange(to);
        double? overflowAt = OverflowThreshold(to);
        if (overflowAt is not { } limit || !CanReach(from, limit))
            return null;
        return new CastStatusRule(CastStatus.Overflow, 0, limit, NumericTraits.IsComplex(from) && NumericTraits.IsComplex(to));
    }

    private static CastStatusRule IntegerRange(DTypeCode to)
    {
        if (to == DTypeCode.UInt64)
            return new(CastStatus.Invalid, Int64Low, UInt64High, false);
        if (to is DTypeCode.UInt32 or DTypeCode.Int64)
            return new(CastStatus.Invalid, Int64Low, Int64High, false);
        return new(CastStatus.Invalid, Int32Low, Int32High, false);
    }

    // The magnitude from which a value becomes infinity in a float target; null for targets every source fits.
    private static double? OverflowThreshold(DTypeCode to)
    {
        if (to == DTypeCode.Float16)
            return HalfOverflow;
        if (to is DTypeCode.Float32 or DTypeCode.Complex64)
            return SingleOverflow;
        return null;
    }

    // Whether some value of the source is at least the limit (a float16 never reaches float32's, uint8 never float16's).
    private static bool CanReach(DTypeCode from, double limit)
    {
        if (NumericTraits.IsInteger(from))
            return limit == HalfOverflow && from is not (DTypeCode.Int8 or DTypeCode.UInt8 or DTypeCode.Int16);
        return from is not (DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Complex64) || limit == HalfOverflow && from != DTypeCode.Float16;
    }
}

/// <summary>
/// A <see cref="CastStatusRule"/> as vectors, made once per cast. Exact per lane (<see cref="Reported(Vector256{double})"/>)
/// for the engine's own checks; and, for the vector loops, a cheaper screen: the largest magnitude seen, kept as the
/// high 32 bits of each double (or the bits of each float) with one AND and one unsigned max per vector. A value whose
/// magnitude stays under the screen's limit cannot set the status; anything else (NaN and infinity included) sends the
/// line to the exact check.
/// </summary>
internal readonly struct CastStatusLanes
{
    private readonly bool _invalid;
    private readonly Vector256<double> _low;
    private readonly Vector256<double> _high;
    private readonly uint _doubleLimit;
    private readonly uint _floatLimit;

    /// <param name="rule">The rule to apply.</param>
    public CastStatusLanes(CastStatusRule rule)
    {
        _invalid = rule.Status == CastStatus.Invalid;
        _low = Vector256.Create(rule.Low);
        _high = Vector256.Create(rule.High);
        // Below this magnitude every value is quiet: the nearer bound of an integer range, or the overflow threshold.
        double quiet = _invalid ? Math.Min(-rule.Low, rule.High) : rule.High;
        _doubleLimit = (uint)(BitConverter.DoubleToUInt64Bits(quiet) >> 32);
        // As a float, rounded down so that every float below it is below the double limit too.
        float single = (float)quiet;
        if (single > quiet)
            single = MathF.BitDecrement(single);
        _floatLimit = BitConverter.SingleToUInt32Bits(single);
    }

    /// <summary>All-ones lanes where the value sets the status (NaN compares false, so it is outside every range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Reported(Vector256<double> x)
    {
        if (_invalid)
            return ~(Vector256.GreaterThan(x, _low) & Vector256.LessThan(x, _high));
        var magnitude = Vector256.Abs(x);
        return Vector256.GreaterThanOrEqual(magnitude, _high) & Vector256.LessThan(magnitude, Vector256.Create(double.PositiveInfinity));
    }

    /// <summary>The lanes of eight floats, widened to doubles (exactly), that set the status.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Reported(Vector256<float> x)
    {
        var (lower, upper) = Vector256.Widen(x);
        return Reported(lower) | Reported(upper);
    }

    /// <summary>The screen over four doubles: their magnitudes' high 32 bits in the odd lanes, zero in the even ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Magnitudes(Vector256<double> x) =>
        (x.AsUInt64() & Vector256.Create(0x7FFF_FFFF_0000_0000UL)).AsUInt32();

    /// <summary>The screen over eight floats: their magnitudes' bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Magnitudes(Vector256<float> x) => x.AsUInt32() & Vector256.Create(0x7FFF_FFFFu);

    /// <summary>Whether the largest screened magnitudes of doubles may set the status.</summary>
    public bool MayReportDoubles(Vector256<uint> largest) => Vector256.GreaterThanOrEqualAny(largest, Vector256.Create(_doubleLimit));

    /// <summary>Whether the largest screened magnitudes of floats may set the status.</summary>
    public bool MayReportFloats(Vector256<uint> largest) => Vector256.GreaterThanOrEqualAny(largest, Vector256.Create(_floatLimit));
}

/// <summary>
/// A status screen folded into a vector cast loop (<c>Layout/StreamingCast</c>): the loop screens the source vectors it
/// has just loaded, two instructions per vector in a loop that waits for memory, and records whether some value may
/// set the status and how many leading source elements of the line it covered; the cast engine checks the rest itself,
/// and the whole line exactly when the screen let something through.
/// </summary>
internal sealed class CastStatusProbe(CastStatusRule rule)
{
    /// <summary>The rule as vectors.</summary>
    public CastStatusLanes Lanes { get; } = new(rule);

    /// <summary>True once some screened value may set the status.</summary>
    public bool MayReport { get; private set; }

    /// <summary>Source elements probed since <see cref="StartLine"/>: always the leading elements of the line.</summary>
    public long Elements { get; private set; }

    /// <summary>True once the cast this probe belongs to is known to set the status (its warning is due).</summary>
    public bool Reported { get; private set; }

    /// <summary>Notes that the cast sets the status; its lines need no more checks.</summary>
    public void NoteReported() => Reported = true;

    /// <summary>Starts a new line.</summary>
    public void StartLine()
    {
        Elements = 0;
        MayReport = false;
    }

    /// <summary>
    /// Screens a block of float16 results (the only status of a cast to float16 is overflow, which leaves an infinity:
    /// exactly the overflows for an integer source, for a float source also an infinite source, which the engine's
    /// exact check then tells apart) and records it as that many source elements.
    /// </summary>
    public void ScreenHalfResults(ReadOnlySpan<Half> results)
    {
        var magnitudes = MemoryMarshal.Cast<Half, ushort>(results);
        var largest = Vector256<ushort>.Zero;
        var mask = Vector256.Create((ushort)0x7FFF);
        int i = 0;
        for (; i <= magnitudes.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            largest = Vector256.Max(largest, Vector256.Create(magnitudes.Slice(i, Vector256<ushort>.Count)) & mask);
        bool infinite = Vector256.GreaterThanOrEqualAny(largest, Vector256.Create(HalfInfinityBits));
        foreach (ushort bits in magnitudes[i..])
            infinite |= (bits & 0x7FFF) >= HalfInfinityBits;
        Record(infinite, results.Length);
    }

    private const ushort HalfInfinityBits = 0x7C00;

    /// <summary>Records one probed run of <paramref name="elements"/> source elements.</summary>
    public void Record(bool mayReport, long elements)
    {
        MayReport |= mayReport;
        Elements += elements;
    }
}

