namespace NumNet;

public readonly partial struct LongDouble
{
    /// <summary>Correctly rounded sum (round to nearest even, 64-bit significand), as the x87 computes it.</summary>
    /// <param name="left">The first addend.</param>
    /// <param name="right">The second addend.</param>
    /// <returns>The rounded sum.</returns>
    public static LongDouble operator +(LongDouble left, LongDouble right) => Add(left, right, false);

    /// <summary>Correctly rounded difference (round to nearest even, 64-bit significand), as the x87 computes it.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    /// <returns>The rounded difference.</returns>
    public static LongDouble operator -(LongDouble left, LongDouble right) => Add(left, right, true);

    /// <summary>Correctly rounded product (round to nearest even, 64-bit significand), as the x87 computes it.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The rounded product.</returns>
    public static LongDouble operator *(LongDouble left, LongDouble right) => Multiply(left, right);

    /// <summary>Correctly rounded quotient (round to nearest even, 64-bit significand), as the x87 computes it.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The rounded quotient; division of a nonzero finite value by zero gives a signed infinity.</returns>
    public static LongDouble operator /(LongDouble left, LongDouble right) => Divide(left, right);

    /// <summary>Correctly rounded square root, as the x87 <c>fsqrt</c> (and so <c>np.sqrt</c>) computes it.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The rounded root; sqrt(-0) is -0 and a negative operand gives the default NaN.</returns>
    public static LongDouble Sqrt(LongDouble value)
    {
        switch (value.Classify())
        {
            case Kind.Invalid:
                return Indefinite;
            case Kind.NaN:
                return Quiet(value);
            case Kind.Zero:
                return value;
        }

        if (value.SignBit)
        {
            return Indefinite;
        }

        if (value.Classify() == Kind.Infinity)
        {
            return value;
        }

        value.UnpackFinite(out int e, out ulong sig);

        // Make the power of two even so it halves exactly.
        int scale = e - 63;
        UInt128 m = sig;
        if ((scale & 1) != 0)
        {
            m <<= 1;
            scale--;
        }

        // Digit-by-digit root of m * 4^35: the root has at least 66 bits, enough for rounding once the
        // remainder is folded in as a sticky bit.
        const int ExtraPairs = 35;
        const int Pairs = 33 + ExtraPairs;
        UInt128 root = 0;
        UInt128 rem = 0;
        for (int i = 0; i < Pairs; i++)
        {
            int pos = 2 * (Pairs - 1 - i) - 2 * ExtraPairs;
            uint pair = pos >= 0 ? (uint)(m >> pos) & 3 : 0;
            rem = (rem << 2) | pair;
            UInt128 trial = (root << 2) | 1;
            if (rem >= trial)
            {
                rem -= trial;
                root = (root << 1) | 1;
            }
            else
            {
                root <<= 1;
            }
        }

        if (rem != 0)
        {
            root |= 1;
        }

        return RoundPack(false, (scale / 2) - ExtraPairs, root);
    }

    /// <summary>Sets the quiet bit, as the x87 does when a signaling NaN passes through an operation.</summary>
    private static LongDouble Quiet(LongDouble nan) => new(nan._significand | QuietBit, nan._signExponent);

    /// <summary>
    /// The NaN the x87 delivers when an operand is NaN: a quiet NaN beats a signaling one, otherwise the larger
    /// significand wins, and between equal significands the positive one; any rejected encoding gives the default NaN.
    /// </summary>
    private static LongDouble PropagateNaN(LongDouble a, LongDouble b)
    {
        Kind ka = a.Classify();
        Kind kb = b.Classify();
        if (ka == Kind.Invalid || kb == Kind.Invalid)
        {
            return Indefinite;
        }

        if (ka != Kind.NaN)
        {
            return Quiet(b);
        }

        if (kb != Kind.NaN)
        {
            return Quiet(a);
        }

        bool qa = (a._significand & QuietBit) != 0;
        bool qb = (b._significand & QuietBit) != 0;
        if (qa != qb)
        {
            return qa ? a : b;
        }

        if (a._significand != b._significand)
        {
            return Quiet(a._significand > b._significand ? a : b);
        }

        return Quiet(a.SignBit ? b : a);
    }

    private static LongDouble Add(LongDouble a, LongDouble b, bool subtract)
    {
        Kind ka = a.Classify();
        Kind kb = b.Classify();
        if (ka >= Kind.NaN || kb >= Kind.NaN)
        {
            // The subtrahend's sign is not flipped before NaN selection: NaNs pass through unchanged.
            return PropagateNaN(a, b);
        }

        bool na = a.SignBit;
        bool nb = b.SignBit ^ subtract;
        if (ka == Kind.Infinity)
        {
            return kb == Kind.Infinity && na != nb ? Indefinite : a;
        }

        if (kb == Kind.Infinity)
        {
            return new(IntegerBit, (ushort)((nb ? SignMask : 0) | MaxBiasedExponent));
        }

        if (ka == Kind.Zero && kb == Kind.Zero)
        {
            return na && nb ? NegativeZero : Zero;
        }

        if (ka == Kind.Zero)
        {
            b.UnpackFinite(out int eb0, out ulong sb0);
            return RoundPack(nb, eb0 - 63, sb0);
        }

        if (kb == Kind.Zero)
        {
            a.UnpackFinite(out int ea0, out ulong sa0);
            return RoundPack(na, ea0 - 63, sa0);
        }

        a.UnpackFinite(out int ea, out ulong sa);
        b.UnpackFinite(out int eb, out ulong sb);
        if (ea < eb || (ea == eb && sa < sb))
        {
            (ea, eb) = (eb, ea);
            (sa, sb) = (sb, sa);
            (na, nb) = (nb, na);
        }

        // 62 guard bits below the significand leave room for the carry and keep any sticky bit at least two
        // places under the final rounding position, even after cancellation.
        const int Guard = 62;
        UInt128 ma = (UInt128)sa << Guard;
        UInt128 mb = (UInt128)sb << Guard;
        int d = ea - eb;
        if (d >= 126)
        {
            mb = 1;
        }
        else if (d > 0)
        {
            bool lost = (mb & ((UInt128.One << d) - 1)) != 0;
            mb = (mb >> d) | (lost ? UInt128.One : UInt128.Zero);
        }

        UInt128 m = na == nb ? ma + mb : ma - mb;
        if (m == 0)
        {
            return Zero;
        }

        return RoundPack(na, ea - 63 - Guard, m);
    }

    private static LongDouble Multiply(LongDouble a, LongDouble b)
    {
        Kind ka = a.Classify();
        Kind kb = b.Classify();
        if (ka >= Kind.NaN || kb >= Kind.NaN)
        {
            return PropagateNaN(a, b);
        }

        bool negative = a.SignBit ^ b.SignBit;
        ushort sign = negative ? SignMask : (ushort)0;
        if (ka == Kind.Infinity || kb == Kind.Infinity)
        {
            return ka == Kind.Zero || kb == Kind.Zero ? Indefinite : new(IntegerBit, (ushort)(sign | MaxBiasedExponent));
        }

        if (ka == Kind.Zero || kb == Kind.Zero)
        {
            return new(0, sign);
        }

        a.UnpackFinite(out int ea, out ulong sa);
        b.UnpackFinite(out int eb, out ulong sb);
        UInt128 product = (UInt128)sa * sb;
        return RoundPack(negative, ea - 63 + eb - 63, product);
    }

    private static LongDouble Divide(LongDouble a, LongDouble b)
    {
        Kind ka = a.Classify();
        Kind kb = b.Classify();
        if (ka >= Kind.NaN || kb >= Kind.NaN)
        {
            return PropagateNaN(a, b);
        }

        bool negative = a.SignBit ^ b.SignBit;
        ushort sign = negative ? SignMask : (ushort)0;
        LongDouble infinity = new(IntegerBit, (ushort)(sign | MaxBiasedExponent));
        if (ka == Kind.Infinity)
        {
            return kb == Kind.Infinity ? Indefinite : infinity;
        }

        if (kb == Kind.Infinity)
        {
            return new(0, sign);
        }

        if (kb == Kind.Zero)
        {
            return ka == Kind.Zero ? Indefinite : infinity;
        }

        if (ka == Kind.Zero)
        {
            return new(0, sign);
        }

        a.UnpackFinite(out int ea, out ulong sa);
        b.UnpackFinite(out int eb, out ulong sb);

        // Both significands have bit 63 set, so the first quotient has 64 or 65 bits; two more quotient bits
        // and a sticky bit make rounding exact.
        UInt128 dividend = (UInt128)sa << 64;
        UInt128 q1 = dividend / sb;
        UInt128 r1 = dividend - (q1 * sb);
        UInt128 r1x4 = r1 << 2;
        UInt128 q2 = r1x4 / sb;
        UInt128 r2 = r1x4 - (q2 * sb);
        UInt128 m = (q1 << 2) | q2 | (r2 != 0 ? UInt128.One : UInt128.Zero);
        return RoundPack(negative, ea - eb - 64 - 2, m);
    }

    /// <summary>
    /// Rounds mant * 2^exp2 to the format, nearest-even, producing subnormals, zeros and infinities as needed.
    /// </summary>
    /// <remarks>
    /// When the caller's value is inexact it must have folded the lost part into bit 0 (a sticky bit) and supplied
    /// at least 66 significant bits, so that bit 0 lies at least two places below the rounding position.
    /// </remarks>
    internal static LongDouble RoundPack(bool negative, long exp2, UInt128 mant)
    {
        ushort sign = negative ? SignMask : (ushort)0;
        if (mant == 0)
        {
            return new(0, sign);
        }

        int top = 127 - (int)UInt128.LeadingZeroCount(mant);
        long e = top + exp2;
        long lsb = Math.Max(e - 63, SubnormalLsbExponent);
        long shift = lsb - exp2;
        UInt128 q;
        if (shift <= 0)
        {
            q = mant << (int)-shift;
        }
        else if (shift > top + 1)
        {
            q = 0;
        }
        else if (shift == top + 1)
        {
            // Between half an ulp and one ulp: exactly half rounds to the even neighbour, zero.
            q = mant > (UInt128.One << top) ? UInt128.One : UInt128.Zero;
        }
        else
        {
            int s = (int)shift;
            q = mant >> s;
            UInt128 rem = mant & ((UInt128.One << s) - 1);
            UInt128 half = UInt128.One << (s - 1);
            if (rem > half || (rem == half && (q & 1) != 0))
            {
                q++;
            }
        }

        if ((q >> 64) != 0)
        {
            q >>= 1;
            lsb++;
        }

        ulong sig = (ulong)q;
        if (sig == 0)
        {
            return new(0, sign);
        }

        // A subnormal that rounded up into bit 63 lands on exponent field 1 through the same formula.
        long biased = (sig & IntegerBit) != 0 ? lsb + 63 + ExponentBias : 0;
        if (biased >= MaxBiasedExponent)
        {
            return new(IntegerBit, (ushort)(sign | MaxBiasedExponent));
        }

        return new(sig, (ushort)(sign | (int)biased));
    }
}
