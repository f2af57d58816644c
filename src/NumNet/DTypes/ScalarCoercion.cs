using System.Globalization;
using System.Numerics;
using NumNet.DTypes.Text;

namespace NumNet.DTypes;

/// <summary>
/// Turns one .NET value into one element value, with NumPy's rules for storing a Python/NumPy scalar into an array
/// of a given dtype (what <c>a[i] = v</c> and <c>np.array(v, dtype=...)</c> do per leaf).
/// </summary>
/// <remarks>
/// <see cref="BigInteger"/> plays Python's <c>int</c>: out-of-range values raise <see cref="OverflowException"/>.
/// Typed .NET numbers play NumPy scalars: into a signed integer dtype they are range-checked (NumPy 2 converts them
/// through <c>int()</c>), into an unsigned one they wrap as a C cast does.
/// </remarks>
internal static class ScalarCoercion
{
    /// <summary>Truth value: non-zero numbers, non-empty strings and bytes (NumPy 2), <c>None</c> is false.</summary>
    public static bool ToBool(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        Bytes b => b.Length > 0,
        Complex c => c != Complex.Zero,
        Complex64 c => c.Real != 0 || c.Imaginary != 0,
        Complex256 c => !LongDouble.IsZero(c.Real) || !LongDouble.IsZero(c.Imaginary),
        LongDouble d => !LongDouble.IsZero(d),
        BigInteger i => !i.IsZero,
        double d => d != 0,
        float f => f != 0,
        Half h => h != Half.Zero,
        DateTime64 dt => dt.Value != 0,
        TimeDelta64 td => td.Value != 0,
        decimal m => m != 0,
        IConvertible c when IsInteger(value) => c.ToDecimal(CultureInfo.InvariantCulture) != 0,
        _ => throw CannotConvert(value, "bool"),
    };

    /// <summary>A float64 value: numbers convert, text parses as Python's <c>float()</c>, complex drops its imaginary part.</summary>
    public static double ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        Half h => HalfBits.ToDouble(h),
        bool b => b ? 1 : 0,
        LongDouble d => (double)d,
        BigInteger i => BigToDouble(i),
        decimal m => DecimalToDouble(m),
        Complex or Complex64 or Complex256 => throw new InvalidCastException("float() argument must be a string or a real number, not 'complex'"),
        string s => ParseFloat(s),
        Bytes b => ParseFloat(b.ToLatin1()),
        // NumPy stores None into a float element as NaN.
        null => double.NaN,
        _ when IsInteger(value) => BigToDouble(ToBig(value)),
        _ => throw CannotConvert(value, "float64"),
    };

    /// <summary>A float128 value, exact from integers and binary floats.</summary>
    public static LongDouble ToLongDouble(object? value) => value switch
    {
        LongDouble d => d,
        long l => l,
        ulong u => u,
        // A Python int keeps its 64 bits of precision (through double it would round to 53).
        BigInteger i when i.GetBitLength() <= 63 => (long)i,
        BigInteger i when i.Sign > 0 && i.GetBitLength() <= 64 => (ulong)i,
        BigInteger i => ParseLongDouble(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        string s => ParseLongDouble(s),
        // string_to_long_double hands bytes to strtold as they are, as it does decoded text.
        Bytes b => ParseLongDouble(b.ToLatin1()),
        _ => ToDouble(value),
    };

    /// <summary>A complex128 value.</summary>
    public static Complex ToComplex(object? value) => value switch
    {
        Complex c => c,
        Complex64 c => new Complex(c.Real, c.Imaginary),
        Complex256 c => new Complex((double)c.Real, (double)c.Imaginary),
        // None is NaN in both parts, as NumPy stores it into complex.
        null => new Complex(double.NaN, double.NaN),
        string s => PythonComplexSyntax.Parse(s),
        Bytes b => PythonComplexSyntax.Parse(b.ToLatin1()),
        _ => new Complex(ToDouble(value), 0),
    };

    /// <summary>
    /// A complex256 value as NumPy's <c>CLONGDOUBLE_setitem</c> (<c>numpy/_core/src/multiarray/arraytypes.c.src</c>)
    /// stores it: anything but a NumPy scalar goes through Python's <c>complex()</c>, a pair of doubles, so a Python int
    /// rounds to 53 bits and text is read with <c>complex()</c>'s syntax (<c>' 3 '</c> is 3, <c>'0x10'</c> is refused),
    /// unlike <c>LONGDOUBLE_setitem</c>, which keeps a Python int's 64 bits and reads text with <c>strtold</c>.
    /// </summary>
    public static Complex256 ToComplex256(object? value) => value switch
    {
        Complex256 c => c,
        // NumPy scalars of a long double or a 64-bit integer are cast from their own dtype, keeping every bit.
        LongDouble or long or ulong => new Complex256(ToLongDouble(value), LongDouble.Zero),
        _ => Widen(ToComplex(value)),
    };

    private static Complex256 Widen(Complex c) => new(c.Real, c.Imaginary);

    /// <summary>
    /// An integer of type <typeparamref name="T"/> with NumPy 2's checks: Python ints, floats and text that do not fit
    /// raise <see cref="OverflowException"/>; floats truncate toward zero; NaN raises.
    /// </summary>
    public static T ToInteger<T>(object? value, DType dtype) where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        bool targetSigned = T.IsNegative(T.MinValue);
        BigInteger big;
        switch (value)
        {
            case null:
                throw new InvalidCastException("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
            case bool b:
                return b ? T.One : T.Zero;
            case BigInteger i:
                big = i;
                break;
            case double or float or Half or LongDouble:
                big = TruncateFloat(ToDouble(value));
                break;
            case decimal m:
                // Python's int(Decimal) truncates the exact value towards zero, not a float rounded from it.
                big = new BigInteger(decimal.Truncate(m));
                break;
            case string s:
                big = ParsePythonInt(s);
                break;
            case Bytes b:
                big = ParsePythonInt(b.ToLatin1());
                break;
            case Complex or Complex64 or Complex256:
                throw new InvalidCastException($"int() argument must be a string or a real number, not 'complex'");
            default:
                if (!IsInteger(value))
                    throw CannotConvert(value, dtype.Name);
                big = ToBig(value);
                // A NumPy scalar into an unsigned dtype is a C cast: it wraps.
                if (!targetSigned)
                    return T.CreateTruncating(big);
                break;
        }
        if (big < ToBig(T.MinValue) || big > ToBig(T.MaxValue))
            throw new OverflowException($"Python integer {big} out of bounds for {dtype.Name}");
        return T.CreateTruncating(big);
    }

    /// <summary>A datetime64 count in the dtype's unit from a count, a <see cref="DateTime64"/>, a .NET date or ISO text.</summary>
    public static long ToDateTimeCount(object? value, DType dtype) => DateTimeCoercion.ToDateTimeCount(value, dtype.DateTimeMeta!.Value);

    /// <summary>A timedelta64 count in the dtype's unit.</summary>
    public static long ToTimeDeltaCount(object? value, DType dtype) => DateTimeCoercion.ToTimeDeltaCount(value, dtype.DateTimeMeta!.Value);

    /// <summary>Bytes for an S element: bytes as they are, text encoded as ASCII, numbers as their NumPy text.</summary>
    public static ReadOnlySpan<byte> ToBytes(object? value)
    {
        switch (value)
        {
            case Bytes b:
                return b.Span;
            case byte[] a:
                return a;
            default:
                string text = ToText(value);
                var data = new byte[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] > 0x7F)
                        throw new ArgumentException($"'ascii' codec can't encode character '\\u{(int)text[i]:x4}' in '{text}': ordinal not in range(128)");
                    data[i] = (byte)text[i];
                }
                return data;
        }
    }

    /// <summary>Text for a U element: strings as they are, other values as NumPy's <c>str()</c> of the scalar.</summary>
    public static string ToText(object? value) => value switch
    {
        Bytes b => DecodeAscii(b),
        _ => ScalarStr.Format(value),
    };

    private static string DecodeAscii(Bytes b)
    {
        foreach (byte x in b.Span)
        {
            if (x > 0x7F)
                throw new ArgumentException($"'ascii' codec can't decode byte 0x{x:x2}: ordinal not in range(128)");
        }
        return b.ToLatin1();
    }

    /// <summary>True for the .NET integer types.</summary>
    public static bool IsInteger(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or char or BigInteger or Int128 or UInt128;

    /// <summary>Any .NET integer as a <see cref="BigInteger"/>.</summary>
    public static BigInteger ToBig(object? value) => value switch
    {
        BigInteger b => b,
        sbyte v => v, byte v => v, short v => v, ushort v => v, int v => v, uint v => v,
        long v => v, ulong v => v, nint v => (long)v, nuint v => (ulong)v, char v => v,
        Int128 v => v, UInt128 v => v,
        _ => throw CannotConvert(value, "int"),
    };

    private static BigInteger ToBig<T>(T value) where T : IBinaryInteger<T> => BigInteger.CreateTruncating(value);

    private static BigInteger TruncateFloat(double d)
    {
        if (double.IsNaN(d))
            throw new ArgumentException("cannot convert float NaN to integer");
        if (double.IsInfinity(d))
            throw new OverflowException("cannot convert float infinity to integer");
        return new BigInteger(Math.Truncate(d));
    }

    // A decimal plays Python's decimal.Decimal, whose float() is the double nearest its exact digits; parsing the
    // digits gives that nearest double.
    private static double DecimalToDouble(decimal m) =>
        double.Parse(m.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double BigToDouble(BigInteger i)
    {
        // Python rounds an int to the nearest float; .NET's BigInteger conversion truncates (2**64-1 would become
        // 2**64-2048), so only the 64-bit conversions, which round, are used directly.
        double d = i.GetBitLength() <= 63 ? (long)i
            : i.Sign > 0 && i.GetBitLength() <= 64 ? (ulong)i
            : double.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsInfinity(d))
            throw new OverflowException("int too large to convert to float");
        return d;
    }

    /// <summary>Parses text as Python's <c>float()</c> does; bad text raises <see cref="ArgumentException"/>.</summary>
    public static double ParseFloat(string text)
    {
        if (PythonNumberSyntax.TryParseFloat(text, out double d))
            return d;
        throw new ArgumentException($"could not convert string to float: '{text}'");
    }

    // NumPy's LONGDOUBLE_setitem reads text with C's strtold (NumPyOS_ascii_strtold), not Python's float().
    private static LongDouble ParseLongDouble(string text) => CLongDoubleSyntax.TryParse(text, out var value)
        ? value
        : throw new ArgumentException($"invalid literal for long double: {text}");

    /// <summary>Parses text as Python's <c>int()</c> does; bad text raises <see cref="ArgumentException"/>.</summary>
    public static BigInteger ParsePythonInt(string text)
    {
        if (PythonNumberSyntax.TryParseInt(text, out BigInteger value))
            return value;
        throw new ArgumentException($"invalid literal for int() with base 10: '{text}'");
    }

    private static InvalidCastException CannotConvert(object? value, string target) =>
        new($"cannot convert a value of type {value?.GetType().Name ?? "null"} to {target}");
}
