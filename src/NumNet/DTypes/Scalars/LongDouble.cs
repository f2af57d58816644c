using System.Numerics;
using System.Runtime.InteropServices;

namespace NumNet;

/// <summary>
/// NumPy's <c>np.longdouble</c> (<c>float128</c>) as found on x86-64 Linux: the x87 80-bit extended
/// precision format, stored in 16 bytes so that its memory image is byte-for-byte NumPy's.
/// </summary>
/// <remarks>
/// Bytes 0..7 hold the 64-bit significand including its explicit integer bit, bytes 8..9 the sign bit and the
/// 15-bit exponent (bias 16383), bytes 10..15 are padding and always zero. All arithmetic is done in software and
/// is correctly rounded to nearest-even at 64 significant bits, reproducing what the x87 unit gives NumPy,
/// including its NaN selection rules and its treatment of the encodings the x87 rejects (unnormals,
/// pseudo-infinities and pseudo-NaNs behave as NaN and produce the default "real indefinite" NaN).
/// </remarks>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public readonly partial struct LongDouble : IEquatable<LongDouble>, IComparable<LongDouble>, IComparable, ISpanParsable<LongDouble>
{
    private readonly ulong _significand;
    private readonly ushort _signExponent;

    internal const int ExponentBias = 16383;
    internal const int MaxBiasedExponent = 0x7FFF;
    internal const ushort SignMask = 0x8000;
    internal const ulong IntegerBit = 1UL << 63;
    internal const ulong QuietBit = 1UL << 62;

    /// <summary>Unbiased exponent of the smallest normal value.</summary>
    internal const int MinNormalExponent = 1 - ExponentBias;

    /// <summary>Power of two carried by the least significant significand bit of subnormals.</summary>
    internal const int SubnormalLsbExponent = MinNormalExponent - 63;

    /// <summary>Creates a value from its raw encoding.</summary>
    /// <param name="significand">The 64-bit significand, bit 63 being the explicit integer bit.</param>
    /// <param name="signExponent">The sign bit (bit 15) and the biased 15-bit exponent (bits 0..14).</param>
    public LongDouble(ulong significand, ushort signExponent)
    {
        _significand = significand;
        _signExponent = signExponent;
    }

    /// <summary>The raw 64-bit significand, including the explicit integer bit (bit 63).</summary>
    public ulong Significand => _significand;

    /// <summary>The raw 16-bit word holding the sign bit (bit 15) and the biased exponent (bits 0..14).</summary>
    public ushort SignExponent => _signExponent;

    /// <summary>The biased exponent field (0..32767).</summary>
    public int BiasedExponent => _signExponent & MaxBiasedExponent;

    /// <summary>Positive zero.</summary>
    public static LongDouble Zero => new(0, 0);

    /// <summary>Negative zero.</summary>
    public static LongDouble NegativeZero => new(0, SignMask);

    /// <summary>The value 1.</summary>
    public static LongDouble One => new(IntegerBit, ExponentBias);

    /// <summary>The value -1.</summary>
    public static LongDouble NegativeOne => new(IntegerBit, SignMask | ExponentBias);

    /// <summary>A positive quiet NaN, the encoding of <c>np.longdouble('nan')</c>.</summary>
    public static LongDouble NaN => new(IntegerBit | QuietBit, MaxBiasedExponent);

    /// <summary>Positive infinity.</summary>
    public static LongDouble PositiveInfinity => new(IntegerBit, MaxBiasedExponent);

    /// <summary>Negative infinity.</summary>
    public static LongDouble NegativeInfinity => new(IntegerBit, SignMask | MaxBiasedExponent);

    /// <summary>
    /// The smallest positive value (the smallest subnormal, 2^-16445), following the meaning of
    /// <see cref="double.Epsilon"/>. NumPy's <c>finfo.eps</c> is <see cref="MachineEpsilon"/>.
    /// </summary>
    public static LongDouble Epsilon => new(1, 0);

    /// <summary>The distance from 1 to the next larger value, 2^-63 (NumPy's <c>finfo(np.longdouble).eps</c>).</summary>
    public static LongDouble MachineEpsilon => new(IntegerBit, ExponentBias - 63);

    /// <summary>The smallest positive normal value, 2^-16382 (NumPy's <c>finfo.smallest_normal</c>).</summary>
    public static LongDouble MinNormal => new(IntegerBit, 1);

    /// <summary>The largest finite value, (2 - 2^-63) * 2^16383.</summary>
    public static LongDouble MaxValue => new(ulong.MaxValue, MaxBiasedExponent - 1);

    /// <summary>The most negative finite value, -<see cref="MaxValue"/>.</summary>
    public static LongDouble MinValue => new(ulong.MaxValue, SignMask | (MaxBiasedExponent - 1));

    /// <summary>The x87 "real indefinite": the NaN produced by invalid operations.</summary>
    internal static LongDouble Indefinite => new(IntegerBit | QuietBit, SignMask | MaxBiasedExponent);

    internal enum Kind : byte
    {
        Zero,
        Subnormal,
        Normal,
        Infinity,
        NaN,

        /// <summary>An encoding the x87 refuses as an operand: unnormal, pseudo-infinity or pseudo-NaN.</summary>
        Invalid,
    }

    internal bool SignBit => (_signExponent & SignMask) != 0;

    internal Kind Classify()
    {
        int e = BiasedExponent;
        ulong s = _significand;
        if (e == 0)
        {
            if (s == 0)
            {
                return Kind.Zero;
            }

            // A pseudo-denormal (integer bit set with a zero exponent) is accepted by the x87 as the
            // normal number it denotes.
            return (s & IntegerBit) != 0 ? Kind.Normal : Kind.Subnormal;
        }

        if ((s & IntegerBit) == 0)
        {
            return Kind.Invalid;
        }

        if (e == MaxBiasedExponent)
        {
            return (s << 1) == 0 ? Kind.Infinity : Kind.NaN;
        }

        return Kind.Normal;
    }

    /// <summary>
    /// Splits a finite nonzero value into value = sig * 2^(exponent - 63) with bit 63 of sig set; subnormals
    /// get exponents below the normal range so that every later step can treat them alike.
    /// </summary>
    internal void UnpackFinite(out int exponent, out ulong sig)
    {
        int e = BiasedExponent;
        ulong s = _significand;
        if (e == 0)
        {
            int lz = BitOperations.LeadingZeroCount(s);
            sig = s << lz;
            exponent = MinNormalExponent - lz;
        }
        else
        {
            sig = s;
            exponent = e - ExponentBias;
        }
    }

    /// <summary>
    /// Gives the exact value of a finite number as (-1)^negative * significand * 2^exponent, using the raw
    /// significand (not normalized: subnormals keep their leading zeros).
    /// </summary>
    /// <param name="negative">The sign bit.</param>
    /// <param name="significand">The 64-bit significand as stored.</param>
    /// <param name="exponent">The power of two carried by the least significant significand bit.</param>
    /// <returns><see langword="false"/> for NaN, infinities and encodings the x87 rejects; the outputs are then zero.</returns>
    public bool TryDecompose(out bool negative, out ulong significand, out int exponent)
    {
        Kind kind = Classify();
        if (kind is Kind.NaN or Kind.Infinity or Kind.Invalid)
        {
            negative = false;
            significand = 0;
            exponent = 0;
            return false;
        }

        negative = SignBit;
        significand = _significand;
        exponent = Math.Max(BiasedExponent, 1) - ExponentBias - 63;
        return true;
    }

    /// <summary>Whether the value is a NaN, or an encoding the x87 rejects (which then behaves as a NaN).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> as <c>np.isnan</c> would answer.</returns>
    public static bool IsNaN(LongDouble value) => value.Classify() is Kind.NaN or Kind.Invalid;

    /// <summary>Whether the value is positive or negative infinity.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for ±infinity.</returns>
    public static bool IsInfinity(LongDouble value) => value.Classify() == Kind.Infinity;

    /// <summary>Whether the value is positive infinity.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for +infinity.</returns>
    public static bool IsPositiveInfinity(LongDouble value) => value.Classify() == Kind.Infinity && !value.SignBit;

    /// <summary>Whether the value is negative infinity.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for -infinity.</returns>
    public static bool IsNegativeInfinity(LongDouble value) => value.Classify() == Kind.Infinity && value.SignBit;

    /// <summary>Whether the value is neither infinite nor NaN.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for zeros, subnormals and normal numbers.</returns>
    public static bool IsFinite(LongDouble value) => value.Classify() is Kind.Zero or Kind.Subnormal or Kind.Normal;

    /// <summary>Whether the sign bit is set (true for -0 and negative NaNs too, as <c>np.signbit</c>).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>The sign bit.</returns>
    public static bool IsNegative(LongDouble value) => value.SignBit;

    /// <summary>Whether the value is a (true) subnormal: zero exponent field, nonzero significand, no integer bit.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for subnormals.</returns>
    public static bool IsSubnormal(LongDouble value) => value.Classify() == Kind.Subnormal;

    /// <summary>Whether the value is a normal number (pseudo-denormals count, as their value is normal).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for normal numbers.</returns>
    public static bool IsNormal(LongDouble value) => value.Classify() == Kind.Normal;

    /// <summary>Whether the value is +0 or -0.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for zeros.</returns>
    public static bool IsZero(LongDouble value) => value.Classify() == Kind.Zero;

    /// <summary>Negation: flips the sign bit only, as the x87 <c>fchs</c> does (a signaling NaN stays signaling).</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The operand with its sign bit flipped.</returns>
    public static LongDouble operator -(LongDouble value) => new(value._significand, (ushort)(value._signExponent ^ SignMask));

    /// <summary>Unary plus: returns the operand unchanged.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The operand.</returns>
    public static LongDouble operator +(LongDouble value) => value;

    /// <summary>Absolute value: clears the sign bit only, as the x87 <c>fabs</c> does.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The operand with its sign bit cleared.</returns>
    public static LongDouble Abs(LongDouble value) => new(value._significand, (ushort)(value._signExponent & ~SignMask));

    /// <summary>
    /// Magnitude as one integer that orders like the value, with pseudo-denormals moved to the exponent they
    /// really have so that equal values get equal keys.
    /// </summary>
    private UInt128 MagnitudeKey()
    {
        int e = BiasedExponent;
        if (e == 0 && (_significand & IntegerBit) != 0)
        {
            e = 1;
        }

        return ((UInt128)(uint)e << 64) | _significand;
    }

    /// <summary>Three-way comparison of two values neither of which is NaN; -0 equals +0.</summary>
    private static int CompareOrdered(LongDouble a, LongDouble b)
    {
        UInt128 ka = a.MagnitudeKey();
        UInt128 kb = b.MagnitudeKey();
        bool na = a.SignBit && ka != 0;
        bool nb = b.SignBit && kb != 0;
        if (na != nb)
        {
            return na ? -1 : 1;
        }

        int c = ka.CompareTo(kb);
        return na ? -c : c;
    }

    /// <summary>IEEE equality: false when either operand is NaN, and -0 equals +0.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether the values are numerically equal.</returns>
    public static bool operator ==(LongDouble left, LongDouble right) =>
        !IsNaN(left) && !IsNaN(right) && CompareOrdered(left, right) == 0;

    /// <summary>IEEE inequality: true when either operand is NaN.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>The negation of <c>==</c>.</returns>
    public static bool operator !=(LongDouble left, LongDouble right) => !(left == right);

    /// <summary>IEEE less-than: false when either operand is NaN.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether <paramref name="left"/> is less than <paramref name="right"/>.</returns>
    public static bool operator <(LongDouble left, LongDouble right) =>
        !IsNaN(left) && !IsNaN(right) && CompareOrdered(left, right) < 0;

    /// <summary>IEEE greater-than: false when either operand is NaN.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</returns>
    public static bool operator >(LongDouble left, LongDouble right) =>
        !IsNaN(left) && !IsNaN(right) && CompareOrdered(left, right) > 0;

    /// <summary>IEEE less-or-equal: false when either operand is NaN.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</returns>
    public static bool operator <=(LongDouble left, LongDouble right) =>
        !IsNaN(left) && !IsNaN(right) && CompareOrdered(left, right) <= 0;

    /// <summary>IEEE greater-or-equal: false when either operand is NaN.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</returns>
    public static bool operator >=(LongDouble left, LongDouble right) =>
        !IsNaN(left) && !IsNaN(right) && CompareOrdered(left, right) >= 0;

    /// <summary>
    /// Equality as <see cref="double.Equals(double)"/> defines it: numeric equality, except that every NaN
    /// equals every other NaN.
    /// </summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Whether the two are equal in that sense.</returns>
    public bool Equals(LongDouble other)
    {
        bool thisNaN = IsNaN(this);
        bool otherNaN = IsNaN(other);
        if (thisNaN || otherNaN)
        {
            return thisNaN && otherNaN;
        }

        return CompareOrdered(this, other) == 0;
    }

    /// <summary>Equality with a boxed <see cref="LongDouble"/>, as <see cref="Equals(LongDouble)"/>.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>Whether <paramref name="obj"/> is an equal <see cref="LongDouble"/>.</returns>
    public override bool Equals(object? obj) => obj is LongDouble other && Equals(other);

    /// <summary>A hash consistent with <see cref="Equals(LongDouble)"/> (all NaNs alike, ±0 alike).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        if (IsNaN(this))
        {
            return int.MinValue;
        }

        UInt128 key = MagnitudeKey();
        if (key == 0)
        {
            return 0;
        }

        return HashCode.Combine(key, SignBit);
    }

    /// <summary>
    /// Total order as <see cref="double.CompareTo(double)"/> defines it: NaN is below everything else and
    /// equal to NaN, and -0 equals +0.
    /// </summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Negative, zero or positive as this is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(LongDouble other)
    {
        bool thisNaN = IsNaN(this);
        bool otherNaN = IsNaN(other);
        if (thisNaN || otherNaN)
        {
            return thisNaN ? (otherNaN ? 0 : -1) : 1;
        }

        return CompareOrdered(this, other);
    }

    /// <summary>Compares with a boxed <see cref="LongDouble"/>; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>As <see cref="CompareTo(LongDouble)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="LongDouble"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        LongDouble other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type LongDouble.", nameof(obj)),
    };
}
