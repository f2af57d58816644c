using System.Numerics;
using System.Runtime.InteropServices;

namespace NumNet;

/// <summary>
/// NumPy's <c>complex256</c> (<c>np.clongdouble</c>) on x86-64 Linux: two <see cref="LongDouble"/> parts, 32 bytes,
/// laid out as [real, imaginary] exactly as NumPy stores it.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public readonly struct Complex256 : IEquatable<Complex256>
{
    private readonly LongDouble _real;
    private readonly LongDouble _imaginary;

    /// <summary>Creates a complex number from its parts.</summary>
    /// <param name="real">The real part.</param>
    /// <param name="imaginary">The imaginary part.</param>
    public Complex256(LongDouble real, LongDouble imaginary)
    {
        _real = real;
        _imaginary = imaginary;
    }

    /// <summary>The real part.</summary>
    public LongDouble Real => _real;

    /// <summary>The imaginary part.</summary>
    public LongDouble Imaginary => _imaginary;

    /// <summary>0 + 0j.</summary>
    public static Complex256 Zero => new(LongDouble.Zero, LongDouble.Zero);

    /// <summary>1 + 0j.</summary>
    public static Complex256 One => new(LongDouble.One, LongDouble.Zero);

    /// <summary>0 + 1j.</summary>
    public static Complex256 ImaginaryOne => new(LongDouble.Zero, LongDouble.One);

    /// <summary>A real number as a complex one with a +0 imaginary part.</summary>
    /// <param name="value">The real part.</param>
    public static implicit operator Complex256(LongDouble value) => new(value, LongDouble.Zero);

    /// <summary>A double as a complex one with a +0 imaginary part (exact).</summary>
    /// <param name="value">The real part.</param>
    public static implicit operator Complex256(double value) => new(value, LongDouble.Zero);

    /// <summary>Exact widening from <see cref="Complex"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator Complex256(Complex value) => new(value.Real, value.Imaginary);

    /// <summary>Exact widening from <see cref="Complex64"/>.</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator Complex256(Complex64 value) => new(value.Real, value.Imaginary);

    /// <summary>Narrowing to <see cref="Complex"/>: each part rounded to <see cref="double"/> (nearest even).</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator Complex(Complex256 value) => new((double)value._real, (double)value._imaginary);

    /// <summary>Narrowing to <see cref="Complex64"/>: each part rounded to <see cref="float"/> directly (nearest even).</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator Complex64(Complex256 value) => new((float)value._real, (float)value._imaginary);

    /// <summary>Negates both parts (sign bits only).</summary>
    /// <param name="value">The operand.</param>
    /// <returns>-re - im*j.</returns>
    public static Complex256 operator -(Complex256 value) => new(-value._real, -value._imaginary);

    /// <summary>Sum of the parts, each correctly rounded.</summary>
    /// <param name="left">The first addend.</param>
    /// <param name="right">The second addend.</param>
    /// <returns>The sum.</returns>
    public static Complex256 operator +(Complex256 left, Complex256 right) =>
        new(left._real + right._real, left._imaginary + right._imaginary);

    /// <summary>Difference of the parts, each correctly rounded.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    /// <returns>The difference.</returns>
    public static Complex256 operator -(Complex256 left, Complex256 right) =>
        new(left._real - right._real, left._imaginary - right._imaginary);

    /// <summary>
    /// The product as NumPy's complex256 multiply computes it: (ac - bd) + (ad + bc)j with every product and sum
    /// rounded to long double, no fused steps, so the bits match NumPy's.
    /// </summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    public static Complex256 operator *(Complex256 left, Complex256 right)
    {
        LongDouble a = left._real, b = left._imaginary, c = right._real, d = right._imaginary;
        return new((a * c) - (b * d), (a * d) + (b * c));
    }

    /// <summary>
    /// The quotient as NumPy's complex256 divide computes it: Smith's method, which divides through by the divisor
    /// part of larger magnitude so the intermediate square of the divisor cannot overflow; a zero divisor gives the
    /// parts divided by zero (infinities or NaN).
    /// </summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Complex256 operator /(Complex256 left, Complex256 right)
    {
        LongDouble a = left._real, b = left._imaginary, c = right._real, d = right._imaginary;
        LongDouble absC = LongDouble.Abs(c);
        LongDouble absD = LongDouble.Abs(d);
        if (absC >= absD)
        {
            if (LongDouble.IsZero(absC) && LongDouble.IsZero(absD))
            {
                return new(a / absC, b / absC);
            }

            LongDouble ratio = d / c;
            LongDouble scale = LongDouble.One / (c + (d * ratio));
            return new((a + (b * ratio)) * scale, (b - (a * ratio)) * scale);
        }

        LongDouble ratio2 = c / d;
        LongDouble scale2 = LongDouble.One / (d + (c * ratio2));
        return new(((a * ratio2) + b) * scale2, ((b * ratio2) - a) * scale2);
    }

    /// <summary>The complex conjugate.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>re - im*j.</returns>
    public static Complex256 Conjugate(Complex256 value) => new(value._real, -value._imaginary);

    /// <summary>IEEE equality of both parts (false if any part is NaN; -0 equals +0).</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether both parts compare equal.</returns>
    public static bool operator ==(Complex256 left, Complex256 right) =>
        left._real == right._real && left._imaginary == right._imaginary;

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether some part differs or is NaN.</returns>
    public static bool operator !=(Complex256 left, Complex256 right) => !(left == right);

    /// <summary>Equality of both parts in the sense of <see cref="LongDouble.Equals(LongDouble)"/> (NaN equals NaN).</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Whether both parts are equal in that sense.</returns>
    public bool Equals(Complex256 other) => _real.Equals(other._real) && _imaginary.Equals(other._imaginary);

    /// <summary>Equality with a boxed <see cref="Complex256"/>, as <see cref="Equals(Complex256)"/>.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>Whether <paramref name="obj"/> is an equal <see cref="Complex256"/>.</returns>
    public override bool Equals(object? obj) => obj is Complex256 other && Equals(other);

    /// <summary>A hash consistent with <see cref="Equals(Complex256)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_real, _imaginary);

    /// <summary>Python-like text "(re+imj)", each part as <see cref="LongDouble.ToString()"/> prints it.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        bool minus = LongDouble.IsNegative(_imaginary) && !LongDouble.IsNaN(_imaginary);
        return "(" + _real + (minus ? "-" : "+") + LongDouble.Abs(_imaginary) + "j)";
    }
}
