using System;
using System.Numerics;

namespace NumNet.DTypes.Text.Digits;

/// <summary>The three kinds of value a binary floating-point encoding can hold.</summary>
internal enum BinaryFloatKind
{
    /// <summary>An ordinary number, zero and subnormals included.</summary>
    Finite,

    /// <summary>Positive or negative infinity.</summary>
    Infinity,

    /// <summary>Not a number; its sign and payload are never printed.</summary>
    NaN,
}

/// <summary>Which .NET type a <see cref="BinaryFloat"/> was decoded from, if any.</summary>
internal enum BinaryFloatFormat
{
    /// <summary>A format .NET cannot format itself (x87 extended, binary128).</summary>
    Other,

    /// <summary><see cref="System.Half"/> (binary16).</summary>
    Half,

    /// <summary><see cref="float"/> (binary32).</summary>
    Single,

    /// <summary><see cref="double"/> (binary64).</summary>
    Double,
}

/// <summary>
/// A binary floating-point value taken apart into <c>(-1)^sign * Significand * 2^Exponent</c>, together
/// with what the digit generator needs to know about the spacing of its own type around it.
/// </summary>
/// <remarks>
/// The round-trip interval is implied: <see cref="Significand"/> holds every bit of the type's precision,
/// so one unit in its last place is <c>2^Exponent</c> and the neighbours lie half a unit away on each side,
/// except that the lower neighbour is only a quarter unit away when <see cref="UnequalMargins"/> is set.
/// Any format (half, single, double, x87 extended, quad) can be described this way, which is what lets the
/// same generator print each of them with its own shortest digits.
/// </remarks>
internal readonly struct BinaryFloat
{
    /// <summary>Creates a finite value from its parts.</summary>
    /// <param name="negative">Whether the sign bit is set (negative zero keeps it).</param>
    /// <param name="significand">The integer significand, implicit leading bit included.</param>
    /// <param name="exponent">The power of two that scales <paramref name="significand"/>.</param>
    /// <param name="unequalMargins">
    /// True when the value is an exact power of two above the smallest normal, so that the gap to the next
    /// smaller value is half the gap to the next larger one.
    /// </param>
    public BinaryFloat(bool negative, UInt128 significand, int exponent, bool unequalMargins)
    {
        Negative = negative;
        Significand = significand;
        Exponent = exponent;
        UnequalMargins = unequalMargins;
        Kind = BinaryFloatKind.Finite;
    }

    private BinaryFloat(bool negative, BinaryFloatKind kind)
    {
        Negative = negative;
        Kind = kind;
    }

    /// <summary>Whether the sign bit is set.</summary>
    public bool Negative { get; }

    /// <summary>Finite, infinite or NaN.</summary>
    public BinaryFloatKind Kind { get; }

    /// <summary>The integer significand; zero for a zero value.</summary>
    public UInt128 Significand { get; }

    /// <summary>The binary exponent applied to <see cref="Significand"/>.</summary>
    public int Exponent { get; }

    /// <summary>True when the lower round-trip margin is half the upper one.</summary>
    public bool UnequalMargins { get; }

    /// <summary>
    /// The .NET type the value came from; lets the digit generator ask .NET for the shortest digits instead of
    /// running big-number arithmetic.
    /// </summary>
    public BinaryFloatFormat Format { get; init; }

    /// <summary>Index of the highest set bit of <see cref="Significand"/>; -1 for zero.</summary>
    public int SignificandTopBit => 127 - (int)UInt128.LeadingZeroCount(Significand);

    /// <summary>An infinity of the given sign.</summary>
    public static BinaryFloat Infinity(bool negative) => new(negative, BinaryFloatKind.Infinity);

    /// <summary>A NaN (the sign is remembered but never printed).</summary>
    public static BinaryFloat NaN(bool negative) => new(negative, BinaryFloatKind.NaN);

    /// <summary>
    /// Decodes an IEEE 754 interchange format whose leading significand bit is implicit
    /// (binary16, binary32, binary64, binary128).
    /// </summary>
    /// <param name="negative">The sign bit.</param>
    /// <param name="biasedExponent">The stored exponent field.</param>
    /// <param name="fraction">The stored fraction field (without the implicit bit).</param>
    /// <param name="fractionBits">Width of the fraction field.</param>
    /// <param name="exponentBits">Width of the exponent field.</param>
    public static BinaryFloat FromIeeeFields(bool negative, int biasedExponent, UInt128 fraction, int fractionBits, int exponentBits)
    {
        int maxBiased = (1 << exponentBits) - 1;
        if (biasedExponent == maxBiased)
        {
            return fraction == UInt128.Zero ? Infinity(negative) : NaN(negative);
        }

        int bias = (1 << (exponentBits - 1)) - 1;
        if (biasedExponent == 0)
        {
            // Subnormals share the smallest normal's spacing on both sides.
            return new BinaryFloat(negative, fraction, 1 - bias - fractionBits, unequalMargins: false);
        }

        UInt128 significand = fraction | (UInt128.One << fractionBits);
        // At the smallest normal the spacing below is the subnormal spacing, which equals the spacing above.
        bool unequal = fraction == UInt128.Zero && biasedExponent > 1;
        return new BinaryFloat(negative, significand, biasedExponent - bias - fractionBits, unequal);
    }

    /// <summary>Decodes a <see cref="double"/> (binary64).</summary>
    public static BinaryFloat FromDouble(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        return FromIeeeFields((long)bits < 0, (int)(bits >> 52) & 0x7FF, bits & ((1UL << 52) - 1), 52, 11) with { Format = BinaryFloatFormat.Double };
    }

    /// <summary>Decodes a <see cref="float"/> (binary32).</summary>
    public static BinaryFloat FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        return FromIeeeFields((int)bits < 0, (int)(bits >> 23) & 0xFF, bits & ((1U << 23) - 1), 23, 8) with { Format = BinaryFloatFormat.Single };
    }

    /// <summary>Decodes a <see cref="Half"/> (binary16).</summary>
    public static BinaryFloat FromHalf(Half value)
    {
        ushort bits = BitConverter.HalfToUInt16Bits(value);
        return FromIeeeFields((bits & 0x8000) != 0, (bits >> 10) & 0x1F, (uint)(bits & 0x3FF), 10, 5) with { Format = BinaryFloatFormat.Half };
    }

    /// <summary>
    /// Decodes the x87 80-bit extended format, whose integer bit is stored explicitly.
    /// </summary>
    /// <param name="signAndExponent">The upper 16 bits: sign and 15-bit biased exponent.</param>
    /// <param name="significand">The 64-bit significand with its explicit integer bit.</param>
    public static BinaryFloat FromX87Extended(ushort signAndExponent, ulong significand)
    {
        bool negative = (signAndExponent & 0x8000) != 0;
        int biasedExponent = signAndExponent & 0x7FFF;
        ulong fraction = significand & ~(1UL << 63);
        if (biasedExponent == 0x7FFF)
        {
            return fraction == 0 ? Infinity(negative) : NaN(negative);
        }

        // The stored integer bit is ignored, as NumPy does: it is taken as set for normal exponents and
        // clear for exponent 0, so unnormal encodings print as the value the exponent field implies.
        if (biasedExponent == 0)
        {
            return new BinaryFloat(negative, fraction, 1 - 16383 - 63, unequalMargins: false);
        }

        bool unequal = biasedExponent > 1 && fraction == 0;
        return new BinaryFloat(negative, fraction | (1UL << 63), biasedExponent - 16383 - 63, unequal);
    }
}
