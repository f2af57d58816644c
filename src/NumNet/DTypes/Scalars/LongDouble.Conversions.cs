using System.Numerics;

namespace NumNet;

public readonly partial struct LongDouble
{
    /// <summary>Exact conversion from a <see cref="double"/>; a signaling NaN is quieted, as the x87 load does.</summary>
    /// <param name="value">The value to convert.</param>
    public LongDouble(double value)
        : this(FromIeee(BitConverter.DoubleToUInt64Bits(value), 52, 11))
    {
    }

    /// <summary>Exact conversion from a <see cref="float"/>; a signaling NaN is quieted, as the x87 load does.</summary>
    /// <param name="value">The value to convert.</param>
    public LongDouble(float value)
        : this(FromIeee(BitConverter.SingleToUInt32Bits(value), 23, 8))
    {
    }

    /// <summary>Exact conversion from a <see cref="System.Half"/>; a signaling NaN is quieted.</summary>
    /// <param name="value">The value to convert.</param>
    public LongDouble(Half value)
        : this(FromIeee(BitConverter.HalfToUInt16Bits(value), 10, 5))
    {
    }

    /// <summary>Exact conversion from a signed 64-bit integer.</summary>
    /// <param name="value">The value to convert.</param>
    public LongDouble(long value)
        : this(FromMagnitude(value < 0, value < 0 ? unchecked(0UL - (ulong)value) : (ulong)value))
    {
    }

    /// <summary>Exact conversion from an unsigned 64-bit integer.</summary>
    /// <param name="value">The value to convert.</param>
    public LongDouble(ulong value)
        : this(FromMagnitude(false, value))
    {
    }

    private LongDouble(LongDouble other)
    {
        this = other;
    }

    private static LongDouble FromMagnitude(bool negative, ulong magnitude)
    {
        ushort sign = negative ? SignMask : (ushort)0;
        if (magnitude == 0)
        {
            return new(0, sign);
        }

        int lz = BitOperations.LeadingZeroCount(magnitude);
        return new(magnitude << lz, (ushort)(sign | (ExponentBias + 63 - lz)));
    }

    private static LongDouble FromIeee(ulong bits, int fractionBits, int exponentBits)
    {
        int bias = (1 << (exponentBits - 1)) - 1;
        int maxExponent = (1 << exponentBits) - 1;
        ushort sign = ((bits >> (fractionBits + exponentBits)) & 1) != 0 ? SignMask : (ushort)0;
        int biased = (int)(bits >> fractionBits) & maxExponent;
        ulong fraction = bits & ((1UL << fractionBits) - 1);
        int align = 63 - fractionBits;
        if (biased == maxExponent)
        {
            return fraction == 0
                ? new(IntegerBit, (ushort)(sign | MaxBiasedExponent))
                : new(IntegerBit | QuietBit | (fraction << align), (ushort)(sign | MaxBiasedExponent));
        }

        if (biased == 0)
        {
            if (fraction == 0)
            {
                return new(0, sign);
            }

            int lz = BitOperations.LeadingZeroCount(fraction);
            int exponent = (63 - lz) + 1 - bias - fractionBits;
            return new(fraction << lz, (ushort)(sign | (exponent + ExponentBias)));
        }

        return new(IntegerBit | (fraction << align), (ushort)(sign | (biased - bias + ExponentBias)));
    }

    /// <summary>
    /// Rounds to a narrower IEEE binary format, nearest-even, directly from 64 bits (no double rounding). NaNs keep
    /// their sign and the top payload bits and come out quiet; rejected encodings give the negative default NaN.
    /// </summary>
    private ulong ToIeee(int fractionBits, int exponentBits)
    {
        int bias = (1 << (exponentBits - 1)) - 1;
        ulong maxExponent = (1UL << exponentBits) - 1;
        ulong signBit = 1UL << (fractionBits + exponentBits);
        ulong sign = SignBit ? signBit : 0;
        ulong infinity = maxExponent << fractionBits;
        ulong quiet = 1UL << (fractionBits - 1);
        switch (Classify())
        {
            case Kind.Invalid:
                return signBit | infinity | quiet;
            case Kind.NaN:
                return sign | infinity | quiet | ((_significand & ~IntegerBit) >> (63 - fractionBits));
            case Kind.Infinity:
                return sign | infinity;
            case Kind.Zero:
                return sign;
        }

        UnpackFinite(out int e, out ulong sig);
        int minExponent = 1 - bias;
        int lsb = Math.Max(e - fractionBits, minExponent - fractionBits);
        int shift = lsb - (e - 63);
        ulong q;
        if (shift > 64)
        {
            q = 0;
        }
        else if (shift == 64)
        {
            q = sig > IntegerBit ? 1UL : 0UL;
        }
        else
        {
            q = sig >> shift;
            ulong rem = sig & ((1UL << shift) - 1);
            ulong half = 1UL << (shift - 1);
            if (rem > half || (rem == half && (q & 1) != 0))
            {
                q++;
            }
        }

        if ((q >> (fractionBits + 1)) != 0)
        {
            q >>= 1;
            lsb++;
        }

        if (q == 0)
        {
            return sign;
        }

        long biased = (q >> fractionBits) != 0 ? lsb + fractionBits + bias : 0;
        if (biased >= (long)maxExponent)
        {
            return sign | infinity;
        }

        return sign | ((ulong)biased << fractionBits) | (q & ((1UL << fractionBits) - 1));
    }

    /// <summary>
    /// Truncates toward zero into a signed integer of the given width the way the x87 <c>fisttp</c>/<c>fistp</c>
    /// store does: NaN, infinities and out-of-range values give the "integer indefinite", the most negative value.
    /// </summary>
    private static long StoreInteger(LongDouble value, int bits)
    {
        long indefinite = bits == 64 ? long.MinValue : -(1L << (bits - 1));
        switch (value.Classify())
        {
            case Kind.Zero:
                return 0;
            case Kind.Infinity or Kind.NaN or Kind.Invalid:
                return indefinite;
        }

        value.UnpackFinite(out int e, out ulong sig);
        if (e < 0)
        {
            return 0;
        }

        if (e > 63)
        {
            return indefinite;
        }

        ulong magnitude = sig >> (63 - e);
        ulong limit = 1UL << (bits - 1);
        if (value.SignBit)
        {
            return magnitude > limit ? indefinite : unchecked(-(long)magnitude);
        }

        return magnitude >= limit ? indefinite : (long)magnitude;
    }

    /// <summary>Exact widening from <see cref="double"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(double value) => new(value);

    /// <summary>Exact widening from <see cref="float"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(float value) => new(value);

    /// <summary>Exact widening from <see cref="System.Half"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(Half value) => new(value);

    /// <summary>Exact widening from <see cref="long"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(long value) => new(value);

    /// <summary>Exact widening from <see cref="ulong"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(ulong value) => new(value);

    /// <summary>Exact widening from <see cref="int"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(int value) => new((long)value);

    /// <summary>Exact widening from <see cref="uint"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(uint value) => new((ulong)value);

    /// <summary>Exact widening from <see cref="short"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(short value) => new((long)value);

    /// <summary>Exact widening from <see cref="ushort"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(ushort value) => new((ulong)value);

    /// <summary>Exact widening from <see cref="sbyte"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(sbyte value) => new((long)value);

    /// <summary>Exact widening from <see cref="byte"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator LongDouble(byte value) => new((ulong)value);

    /// <summary>
    /// Rounds to <see cref="double"/> (nearest even, subnormal results rounded once, overflow to infinity). NaNs
    /// stay NaN, quiet, with their sign and the top 51 payload bits; rejected encodings give the negative default NaN.
    /// </summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator double(LongDouble value) => BitConverter.UInt64BitsToDouble(value.ToIeee(52, 11));

    /// <summary>Rounds to <see cref="float"/> directly (nearest even, one rounding), as NumPy's cast does.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator float(LongDouble value) => BitConverter.UInt32BitsToSingle((uint)value.ToIeee(23, 8));

    /// <summary>
    /// Converts to <see cref="System.Half"/> the way NumPy casts <c>longdouble</c> to <c>float16</c>: rounded to
    /// <see cref="float"/> first, then to half (two roundings; see <see cref="ToHalfCorrectlyRounded"/>).
    /// </summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator Half(LongDouble value) =>
        BitConverter.UInt16BitsToHalf((ushort)new LongDouble((float)value).ToIeee(10, 5));

    /// <summary>Rounds to <see cref="System.Half"/> in a single correctly rounded step (nearest even).</summary>
    /// <param name="value">The value to convert.</param>
    /// <returns>The nearest half-precision value.</returns>
    public static Half ToHalfCorrectlyRounded(LongDouble value) => BitConverter.UInt16BitsToHalf((ushort)value.ToIeee(10, 5));

    /// <summary>
    /// Truncates toward zero; NaN, infinities and values outside the range give
    /// <see cref="long.MinValue"/> (the x86-64 "integer indefinite").
    /// </summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator long(LongDouble value) => StoreInteger(value, 64);

    /// <summary>
    /// Truncates toward zero as gcc's x86-64 code does (and so NumPy): values below 2^63, including negative ones
    /// and NaN, go through the signed 64-bit store and wrap; larger ones are reduced by 2^63 first, so values from
    /// 2^64 on (and +infinity) give 0.
    /// </summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator ulong(LongDouble value)
    {
        LongDouble twoPow63 = new(IntegerBit, ExponentBias + 63);
        if (!(value >= twoPow63))
        {
            return unchecked((ulong)StoreInteger(value, 64));
        }

        return unchecked((ulong)StoreInteger(value - twoPow63, 64)) ^ IntegerBit;
    }

    /// <summary>Truncates toward zero through the 32-bit x87 store: out of range or NaN gives <see cref="int.MinValue"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator int(LongDouble value) => (int)StoreInteger(value, 32);

    /// <summary>Truncates toward zero through the 64-bit store and keeps the low 32 bits, as gcc (and NumPy) do.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator uint(LongDouble value) => unchecked((uint)StoreInteger(value, 64));

    /// <summary>Truncates toward zero through the 16-bit x87 store: out of range or NaN gives <see cref="short.MinValue"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator short(LongDouble value) => (short)StoreInteger(value, 16);

    /// <summary>Truncates toward zero through the 32-bit store and keeps the low 16 bits, as gcc (and NumPy) do.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator ushort(LongDouble value) => unchecked((ushort)StoreInteger(value, 32));

    /// <summary>Truncates toward zero through the 16-bit store and keeps the low 8 bits, as gcc (and NumPy) do.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator sbyte(LongDouble value) => unchecked((sbyte)StoreInteger(value, 16));

    /// <summary>Truncates toward zero through the 16-bit store and keeps the low 8 bits, as gcc (and NumPy) do.</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator byte(LongDouble value) => unchecked((byte)StoreInteger(value, 16));
}
