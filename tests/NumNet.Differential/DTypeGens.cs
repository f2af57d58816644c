using CsCheck;

namespace NumNet.Differential;

/// <summary>
/// Random dtype spellings over NumPy's whole table: every numeric type in both byte orders and by name, sized and
/// unsized S and U, object, datetime64/timedelta64 in every unit (with multipliers), and malformed spellings.
/// </summary>
public static class DTypeGens
{
    /// <summary>The numeric type codes (1-byte ones take no byte order).</summary>
    public static readonly string[] NumericCodes = ["b1", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16"];

    /// <summary>Every datetime unit NumPy knows.</summary>
    public static readonly string[] Units = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"];

    private static readonly string[] Names =
    [
        "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32", "float64",
        "complex64", "complex128", "int", "float", "complex", "double", "single", "half", "longlong", "ulonglong", "intp",
        "uintp", "short", "ushort", "intc", "uintc", "byte", "ubyte", "long", "ulong", "cdouble", "csingle", "bool_",
        "?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d", "F", "D", "object", "O", "str", "bytes",
        "datetime64", "timedelta64", "M", "m", "S", "U", "datetime64[ns]", "timedelta64[s]",
    ];

    private static readonly string[] Malformed =
    [
        "i3", "f3", "u16", "S-1", "U-2", "M8[7]", "M8[Y", "m8[xx]", "a5", "a", "float_", "int0", "bool8", "complex_",
        "string_", "unicode_", "cfloat", "longfloat", "<O", ">S3", "|f8", "i", "u", "c", "V8", "V0", "x", "", "int 8",
        "Float64", "M8[2Y]", "m8[0s]", "S0", "U0", "<U0", "M16", "c4", "f1",
    ];

    /// <summary>A byte order prefix for a multi-byte code ("" means none).</summary>
    public static Gen<string> ByteOrder { get; } = Gen.Frequency((4, Gen.Const("")), (3, Gen.Const("<")), (2, Gen.Const(">")), (1, Gen.Const("=")));

    /// <summary>A numeric dtype spelled as a type code, in any byte order.</summary>
    public static Gen<string> Numeric { get; } =
        Gen.Select(Gen.OneOf(NumericCodes), ByteOrder, (code, order) => code is "b1" or "i1" or "u1" ? (order == "" ? "" : "|") + code : order + code);

    /// <summary>A datetime64 or timedelta64 dtype: generic, or with a unit and sometimes a multiplier and byte order.</summary>
    public static Gen<string> DateTime { get; } =
        Gen.Select(Gen.OneOf("M8", "m8"), Gen.Frequency((1, Gen.Const("")), (8, Gen.OneOf(Units))), Gen.Frequency((6, Gen.Const(1)), (1, Gen.OneOf(2, 3, 7, 25))), ByteOrder,
            (kind, unit, mult, order) => order + kind + (unit == "" ? "" : "[" + (mult == 1 ? "" : mult.ToString(System.Globalization.CultureInfo.InvariantCulture)) + unit + "]"));

    /// <summary>An S or U dtype, unsized or of a small size, in any byte order for U.</summary>
    public static Gen<string> Text { get; } =
        Gen.Select(Gen.OneOf("S", "U"), Gen.Frequency((2, Gen.Const(-1)), (6, Gen.Int[1, 8]), (1, Gen.Const(0))), ByteOrder,
            (kind, size, order) => (kind == "U" ? order : order == "" ? "" : "|") + kind + (size < 0 ? "" : size.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Any valid dtype: numeric, named, text, datetime, object, and rarely long double.</summary>
    public static Gen<string> Any { get; } = Gen.Frequency(
        (10, Numeric),
        (5, Gen.OneOf(Names)),
        (4, Text),
        (4, DateTime),
        (2, Gen.OneOf("O", "|O", "object")),
        (1, Gen.OneOf("f16", "<f16", "c32", "longdouble", "clongdouble")));

    /// <summary>Any spelling, valid or not (for the dtype call).</summary>
    public static Gen<string> Spelling { get; } = Gen.Frequency((8, Any), (2, Gen.OneOf(Malformed)));

    /// <summary>A dtype an input array is made with: concrete (sized, with units), no long double.</summary>
    public static Gen<string> ForArray { get; } = Gen.Frequency(
        (12, Numeric),
        (3, Gen.Select(Gen.OneOf("S", "U"), Gen.Int[1, 6], ByteOrder, (k, n, o) => (k == "U" ? o : "|") + k + n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (3, Gen.Select(Gen.OneOf("M8", "m8"), Gen.OneOf(Units), ByteOrder, (k, u, o) => o + k + "[" + u + "]")),
        (2, Gen.Const("|O")));
}
