using System.Globalization;
using System.Numerics;
using NumNet.DTypes;
using NumNet.DTypes.Chrono;
using NumNet.Memory;

namespace NumNet.Casting.Loops;

/// <summary>
/// Reading an element as a .NET value and storing a .NET value into an element, with the conversions a cast needs on
/// top of plain assignment: None becomes NaN in floats, text parses as complex numbers and ISO dates, and values
/// become text as NumPy's <c>str()</c> shows them.
/// </summary>
internal static class ElementAccess
{
    public static ElementReader Reader(DType dtype)
    {
        if (dtype.IsObject)
            return static (memory, offset) => memory.Objects[offset / ObjectBuffer.ElementSize];
        int size = dtype.ItemSize;
        var family = dtype.Family;
        // Integers leave as Python ints (BigInteger), as NumPy's getitem returns them.
        if (NumericTraits.IsInteger(dtype.Code))
            return (memory, offset) => ScalarCoercion.ToBig(family.GetBoxed(ElementLoop.Element(memory, offset, size), dtype));
        return (memory, offset) => family.GetBoxed(ElementLoop.Element(memory, offset, size), dtype);
    }

    /// <summary>
    /// Reading a datetime64 element for a cast to <c>S</c>/<c>U</c> of <paramref name="width"/> characters: the text
    /// NumPy's cast formats into the element (<see cref="DateTimes.FormatForTextCast"/>), not <c>str()</c> cut to size.
    /// </summary>
    public static ElementReader DateTimeTextReader(DType dtype, int width)
    {
        var read = Reader(dtype);
        return (memory, offset) => read(memory, offset) is DateTime64 d ? DateTimes.FormatForTextCast(d.Value, d.Unit, width) : null;
    }

    /// <summary>
    /// Reading an element for a cast to object: the Python object NumPy's getitem hands over. Floats of every width
    /// become Python floats and complex64 a Python complex; NaT is None; datetimes finer than microseconds (or without
    /// a unit) and timedeltas finer than microseconds, in years or months, or without a unit are Python ints. Long
    /// doubles and the datetimes Python's datetime module can hold keep their NumPy value.
    /// </summary>
    public static ElementReader ObjectReader(DType dtype)
    {
        var read = Reader(dtype);
        if (dtype.IsObject)
            return read;
        return (buffer, offset) => AsPythonObject(read(buffer, offset));
    }

    private static object? AsPythonObject(object? value) => value switch
    {
        Half h => HalfBits.ToDouble(h),
        float f => (double)f,
        NumNet.Complex64 c => (Complex)c,
        DateTime64 { IsNaT: true } or TimeDelta64 { IsNaT: true } => null,
        DateTime64 d when d.Unit.IsGeneric || d.Unit.Unit > DateTimeUnit.Microseconds => new BigInteger(d.Value),
        TimeDelta64 t when t.Unit.IsGeneric || t.Unit.Unit is > DateTimeUnit.Microseconds or DateTimeUnit.Years or DateTimeUnit.Months => new BigInteger(t.Value),
        _ => value,
    };

    public static ElementWriter Writer(DType dtype)
    {
        if (dtype.IsObject)
            return static (memory, offset, value) => memory.Objects[offset / ObjectBuffer.ElementSize] = value;
        int size = dtype.ItemSize;
        var family = dtype.Family;
        Func<object?, object?> adapt = dtype.Code switch
        {
            DTypeCode.Unicode => v => TextOf(v),
            DTypeCode.Bytes => v => v is Bytes ? v : new Bytes(ScalarCoercion.ToBytes(TextOf(v))),
            DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64 or DTypeCode.Float128 => v => v switch
            {
                null => double.NaN,
                Complex or NumNet.Complex64 or NumNet.Complex256 =>
                    throw new InvalidCastException("float() argument must be a string or a real number, not 'complex'"),
                _ => v,
            },
            DTypeCode.Complex64 or DTypeCode.Complex128 or DTypeCode.Complex256 => v => v switch
            {
                null => new Complex(double.NaN, double.NaN),
                string s => PythonComplexSyntax.Parse(s),
                Bytes b => PythonComplexSyntax.Parse(b.ToLatin1()),
                _ => v,
            },
            DTypeCode.DateTime64 => v => DateTimeCount(v, dtype.DateTimeMeta!.Value),
            DTypeCode.TimeDelta64 => v => TimeDeltaCount(v, dtype.DateTimeMeta!.Value),
            // Bool and the integers parse text themselves; bytes are text to them, raw bytes to void.
            DTypeCode.Bool or DTypeCode.Int8 or DTypeCode.UInt8 or DTypeCode.Int16 or DTypeCode.UInt16 or DTypeCode.Int32
                or DTypeCode.UInt32 or DTypeCode.Int64 or DTypeCode.UInt64 => v => v is Bytes b ? b.ToLatin1() : v,
            DTypeCode.Void or DTypeCode.Object => v => v,
        };
        return (memory, offset, value) =>
        {
            // Converting into scratch first keeps a failing element from leaving half-written bytes.
            Span<byte> scratch = size <= 256 ? stackalloc byte[size] : new byte[size];
            family.SetBoxed(scratch, adapt(value), dtype);
            scratch.CopyTo(ElementLoop.Element(memory, offset, size));
        };
    }

    /// <summary>NumPy's <c>str()</c> of a value: what it becomes in a <c>U</c> or <c>S</c> array.</summary>
    public static string TextOf(object? value) => value switch
    {
        PythonScalar p => ScalarCoercion.ToText(p.ToObject()),
        _ => ScalarCoercion.ToText(value),
    };

    private static object DateTimeCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        string s => DateTimeCoercion.ParsedCount(s, unit, "unsafe"),
        Bytes b => DateTimeCoercion.ParsedCount(b.ToLatin1(), unit, "unsafe"),
        // An object holding a datetime64 is stored by the datetime64 setitem: through the calendar, no factor.
        DateTime64 d => DateTimes.CastScalar(d.Value, d.Unit, unit),
        _ => value,
    };

    private static object TimeDeltaCount(object? value, DateTimeMetadata unit)
    {
        switch (value)
        {
            case null:
                return DateTime64.NaTValue;
            case string or Bytes:
                // Empty text is NaT, as 'NaT' in any case is (NumPy: astype of b'' to m8 gives NaT); the rest is strtol's.
                return DateTimeCoercion.ParseTimeDeltaText(value is Bytes b ? b.ToLatin1() : (string)value);
            case TimeDelta64 t when t.Unit != unit && !t.Unit.IsGeneric:
                var (num, denom) = ConversionFactor.Get(t.Unit, unit);
                return LinearScale.Apply(t.Value, num, denom, "timedelta64");
            case TimeDelta64 t:
                return t.Value;
            default:
                return value;
        }
    }
}
