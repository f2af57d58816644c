using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NumNet;

/// <summary>
/// NumPy's <c>complex64</c>: a single-precision complex number laid out in memory as [float real, float imaginary].
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex64 : IEquatable<Complex64>
{
    private readonly float _real;
    private readonly float _imaginary;

    /// <summary>Creates a complex number from its parts.</summary>
    /// <param name="real">The real part.</param>
    /// <param name="imaginary">The imaginary part.</param>
    public Complex64(float real, float imaginary)
    {
        _real = real;
        _imaginary = imaginary;
    }

    /// <summary>The real part.</summary>
    public float Real => _real;

    /// <summary>The imaginary part.</summary>
    public float Imaginary => _imaginary;

    /// <summary>0 + 0j.</summary>
    public static Complex64 Zero => new(0f, 0f);

    /// <summary>1 + 0j.</summary>
    public static Complex64 One => new(1f, 0f);

    /// <summary>0 + 1j.</summary>
    public static Complex64 ImaginaryOne => new(0f, 1f);

    /// <summary>A real number as a complex one with a +0 imaginary part.</summary>
    /// <param name="value">The real part.</param>
    public static implicit operator Complex64(float value) => new(value, 0f);

    /// <summary>Exact widening to <see cref="Complex"/> (double precision parts).</summary>
    /// <param name="value">The value to convert.</param>
    public static implicit operator Complex(Complex64 value) => new(value._real, value._imaginary);

    /// <summary>Narrowing from <see cref="Complex"/>: each part rounded to <see cref="float"/> (nearest even).</summary>
    /// <param name="value">The value to convert.</param>
    public static explicit operator Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <summary>Negates both parts.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>-re - im*j.</returns>
    public static Complex64 operator -(Complex64 value) => new(-value._real, -value._imaginary);

    /// <summary>The complex conjugate.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>re - im*j.</returns>
    public static Complex64 Conjugate(Complex64 value) => new(value._real, -value._imaginary);

    /// <summary>IEEE equality of both parts (false if any part is NaN; -0 equals +0).</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether both parts compare equal.</returns>
    public static bool operator ==(Complex64 left, Complex64 right) =>
        left._real == right._real && left._imaginary == right._imaginary;

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether some part differs or is NaN.</returns>
    public static bool operator !=(Complex64 left, Complex64 right) => !(left == right);

    /// <summary>Equality of both parts in the sense of <see cref="float.Equals(float)"/> (NaN equals NaN).</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Whether both parts are equal in that sense.</returns>
    public bool Equals(Complex64 other) => _real.Equals(other._real) && _imaginary.Equals(other._imaginary);

    /// <summary>Equality with a boxed <see cref="Complex64"/>, as <see cref="Equals(Complex64)"/>.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>Whether <paramref name="obj"/> is an equal <see cref="Complex64"/>.</returns>
    public override bool Equals(object? obj) => obj is Complex64 other && Equals(other);

    /// <summary>A hash consistent with <see cref="Equals(Complex64)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_real, _imaginary);

    /// <summary>Python-like text "(re+imj)", each part in shortest round-trip form.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "(" + Part(_real) + (float.IsNegative(_imaginary) && !float.IsNaN(_imaginary) ? "-" : "+") + Part(Math.Abs(_imaginary)) + "j)";

    private static string Part(float value) => float.IsNaN(value) ? "nan"
        : float.IsPositiveInfinity(value) ? "inf"
        : float.IsNegativeInfinity(value) ? "-inf"
        : value.ToString(CultureInfo.InvariantCulture);
}
