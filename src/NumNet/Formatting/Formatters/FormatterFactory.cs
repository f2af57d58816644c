using NumNet.DTypes;
using System.Numerics;
using NumNet.DTypes.Text;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// Picks the formatter for an array's kind of element, honouring the <c>formatter</c> print option with NumPy's
/// precedence: a specific key ('float') beats its group ('float_kind'), which beats 'all'.
/// </summary>
internal static class FormatterFactory
{
    public static ElementFormatter Create(NDArray array, PrintOptions options, bool summarize)
    {
        DType dtype = array.DType;
        string key = FormatterKey(dtype);
        if (options.Formatter is { } custom && FindCustom(custom, key) is { } format)
            return new CustomFormatter(array, format);
        // A registered class's elements print as Python's repr of what getitem returns, NumPy's fallback formatter.
        if (dtype.Family is RegisteredDTypeClass)
            return new ObjectFormatter(array);

        return dtype.Code switch
        {
            DTypeCode.Bool => new BoolFormatter(array),
            DTypeCode.Int8 => new IntegerFormatter<sbyte>(array, options, summarize),
            DTypeCode.UInt8 => new IntegerFormatter<byte>(array, options, summarize),
            DTypeCode.Int16 => new IntegerFormatter<short>(array, options, summarize),
            DTypeCode.UInt16 => new IntegerFormatter<ushort>(array, options, summarize),
            DTypeCode.Int32 => new IntegerFormatter<int>(array, options, summarize),
            DTypeCode.UInt32 => new IntegerFormatter<uint>(array, options, summarize),
            DTypeCode.Int64 => new IntegerFormatter<long>(array, options, summarize),
            DTypeCode.UInt64 => new IntegerFormatter<ulong>(array, options, summarize),
            DTypeCode.Float16 => new FloatFormatter<Half, HalfOps>(array, options, summarize),
            DTypeCode.Float32 => new FloatFormatter<float, SingleOps>(array, options, summarize),
            DTypeCode.Float64 => new FloatFormatter<double, DoubleOps>(array, options, summarize),
            DTypeCode.Float128 => new FloatFormatter<LongDouble, LongDoubleOps>(array, options, summarize),
            DTypeCode.Complex64 => new ComplexFormatter<Complex64, float, Complex64Ops, SingleOps>(array, options, summarize),
            DTypeCode.Complex128 => new ComplexFormatter<Complex, double, Complex128Ops, DoubleOps>(array, options, summarize),
            DTypeCode.Complex256 => new ComplexFormatter<Complex256, LongDouble, Complex256Ops, LongDoubleOps>(array, options, summarize),
            DTypeCode.DateTime64 => new DateTimeFormatter(array, options, summarize),
            DTypeCode.TimeDelta64 => new TimeDeltaFormatter(array, options, summarize),
            DTypeCode.Bytes or DTypeCode.Unicode => new StringFormatter(array),
            DTypeCode.Void => new VoidFormatter(array),
            DTypeCode.Object => new ObjectFormatter(array),
        };
    }

    /// <summary>NumPy's formatter key for a dtype.</summary>
    public static string FormatterKey(DType dtype) => dtype.Family is RegisteredDTypeClass ? "numpystr" : dtype.Code switch
    {
        DTypeCode.Bool => "bool",
        DTypeCode.TimeDelta64 => "timedelta",
        DTypeCode.DateTime64 => "datetime",
        DTypeCode.Float128 => "longfloat",
        DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64 => "float",
        DTypeCode.Complex256 => "longcomplexfloat",
        DTypeCode.Complex64 or DTypeCode.Complex128 => "complexfloat",
        DTypeCode.Bytes or DTypeCode.Unicode => "numpystr",
        DTypeCode.Object => "object",
        DTypeCode.Void => "void",
        DTypeCode.Int8 or DTypeCode.UInt8 or DTypeCode.Int16 or DTypeCode.UInt16 or DTypeCode.Int32 or DTypeCode.UInt32
            or DTypeCode.Int64 or DTypeCode.UInt64 => "int",
    };

    private static Func<object?, string>? FindCustom(IReadOnlyDictionary<string, Func<object?, string>> custom, string key)
    {
        if (custom.TryGetValue(key, out var specific) && specific is not null)
            return specific;
        string? group = key switch
        {
            "int" => "int_kind",
            "float" or "longfloat" => "float_kind",
            "complexfloat" or "longcomplexfloat" => "complex_kind",
            "numpystr" => "str_kind",
            _ => null,
        };
        if (group is not null && custom.TryGetValue(group, out var byGroup) && byGroup is not null)
            return byGroup;
        return custom.TryGetValue("all", out var all) ? all : null;
    }
}
