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
            _ => v => v is Bytes b && dtype.Code != DTypeCode.Void ? b.ToLatin1() : v,
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
        null => "None",
        string s => s,
        char c => c.ToString(),
        Bytes b => ScalarCoercion.ToText(b),
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        DateTime64 d => DateTimes.Format(d.Value, d.Unit),
        TimeDelta64 t => TimeDeltaText(t),
        PythonScalar p => TextOf(p.ToObject()),
        _ => ScalarStr.Format(value),
    };

    private static string TimeDeltaText(TimeDelta64 t)
    {
        if (t.IsNaT)
            return "NaT";
        long count = unchecked(t.Value * t.Unit.Multiplier);
        return $"{count.ToString(CultureInfo.InvariantCulture)} {t.Unit.Unit.ToVerboseName()}";
    }

    private static object DateTimeCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        string s => DateTimes.Parse(s, unit, "unsafe").Value,
        Bytes b => DateTimes.Parse(b.ToLatin1(), unit, "unsafe").Value,
        DateTime64 d => DateTimes.Cast(d.Value, d.Unit, unit),
        _ => value,
    };

    private static object TimeDeltaCount(object? value, DateTimeMetadata unit)
    {
        switch (value)
        {
            case null:
                return DateTime64.NaTValue;
            case string or Bytes:
                string text = (value is Bytes b ? b.ToLatin1() : (string)value).Trim();
                return text == "NaT" ? DateTime64.NaTValue : (long)ScalarCoercion.ParsePythonInt(text);
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
