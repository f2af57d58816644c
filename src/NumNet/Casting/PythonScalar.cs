using System.Globalization;
using System.Numerics;
using NumNet.DTypes.Text;

namespace NumNet;

/// <summary>
/// A Python <c>int</c>, <c>float</c> or <c>complex</c> as NumPy 2 sees it in promotion (NEP 50): a "weak" value
/// whose kind counts but whose precision yields to the array it meets. <c>np.result_type(np.int8, PythonScalar.Int(300))</c>
/// is int8 and <c>np.result_type(np.float32, PythonScalar.Float(1.0))</c> is float32.
/// </summary>
/// <remarks>
/// NumNet treats <see cref="BigInteger"/> as a Python int as well (as the rest of the library does). Other .NET
/// numbers (<c>int</c>, <c>long</c>, <c>double</c>, <see cref="Complex"/> …) stand for NumPy scalars of their dtype
/// and promote with their full precision; wrap them here to get Python's weak behaviour.
/// </remarks>
public readonly struct PythonScalar : IEquatable<PythonScalar>
{
    private PythonScalar(PythonScalarKind kind, BigInteger integer, Complex value)
    {
        Kind = kind;
        IntegerValue = integer;
        ComplexValue = value;
    }

    /// <summary>Which Python type this is.</summary>
    public PythonScalarKind Kind { get; }

    /// <summary>The value of a Python int.</summary>
    public BigInteger IntegerValue { get; }

    /// <summary>The value of a Python float (real part) or complex.</summary>
    public Complex ComplexValue { get; }

    /// <summary>A Python <c>int</c> of any size.</summary>
    public static PythonScalar Int(BigInteger value) => new(PythonScalarKind.Int, value, default);

    /// <summary>A Python <c>float</c>.</summary>
    public static PythonScalar Float(double value) => new(PythonScalarKind.Float, default, new Complex(value, 0));

    /// <summary>A Python <c>complex</c>.</summary>
    public static PythonScalar Complex(Complex value) => new(PythonScalarKind.Complex, default, value);

    /// <summary>The value as the .NET object that plays it elsewhere in NumNet: <see cref="BigInteger"/>, <c>double</c> or <see cref="System.Numerics.Complex"/>.</summary>
    public object ToObject() => Kind switch
    {
        PythonScalarKind.Int => IntegerValue,
        PythonScalarKind.Float => ComplexValue.Real,
        _ => ComplexValue,
    };

    /// <inheritdoc/>
    public bool Equals(PythonScalar other) => Kind == other.Kind && IntegerValue == other.IntegerValue && ComplexValue.Equals(other.ComplexValue);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PythonScalar p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, IntegerValue, ComplexValue);

    /// <summary>Python's repr of the value.</summary>
    public override string ToString() => Kind switch
    {
        PythonScalarKind.Int => IntegerValue.ToString(CultureInfo.InvariantCulture),
        PythonScalarKind.Float => FloatText.Scalar(ComplexValue.Real),
        _ => FloatText.ComplexScalar(ComplexValue.Real, ComplexValue.Imaginary),
    };

    /// <summary>Equality of kind and value.</summary>
    public static bool operator ==(PythonScalar a, PythonScalar b) => a.Equals(b);

    /// <summary>Inequality of kind or value.</summary>
    public static bool operator !=(PythonScalar a, PythonScalar b) => !a.Equals(b);
}

/// <summary>The Python number types that promote weakly under NEP 50.</summary>
public enum PythonScalarKind
{
    /// <summary>Python <c>int</c>.</summary>
    Int,
    /// <summary>Python <c>float</c>.</summary>
    Float,
    /// <summary>Python <c>complex</c>.</summary>
    Complex,
}
