using System.Numerics;
using System.Text;
using static System.FormattableString;
using NumNet.DTypes.Text;

namespace NumNet.DTypes.Strings;

/// <summary>
/// The casts StringDType declares, each with NumPy 2's safety and element conversion
/// (<c>numpy/_core/src/multiarray/stringdtype/casts.cpp</c>). From StringDType: to itself (a view within one
/// descriptor), to <c>U</c>/<c>S</c>/<c>V</c> of a given size (same_kind; unsafe for void), and to bool, the numbers,
/// the datetimes (parsed) and object (unsafe, object safe). Into StringDType: bool, numbers and datetimes are safe
/// (their <c>str()</c>), <c>U</c>, <c>S</c> and void same_kind, object unsafe.
/// </summary>
internal static class StringCasts
{
    private const string UnsizedTarget =
        "Casting from StringDType to a fixed-width dtype with an unspecified size is not currently supported, specify an explicit size for the output dtype instead.";

    /// <summary>The cast between two descriptors when one of them is StringDType; null when NumPy has none.</summary>
    public static DeclaredCast? Declare(DType from, DType to)
    {
        bool fromString = from.Family is StringDTypeClass;
        bool toString = to.Family is StringDTypeClass;
        if (fromString && toString)
            return ToItself(from, to);
        return fromString ? FromString(StringDTypeClass.Of(from), to) : IntoString(from, to);
    }

    // string_to_string: dropping a missing value is unsafe, everything else is no cast at all; a view only within one
    // descriptor (one arena).
    private static DeclaredCast ToItself(DType from, DType to)
    {
        var (pf, pt) = (StringDTypeClass.Of(from), StringDTypeClass.Of(to));
        var rule = pf.HasNA && !pt.HasNA ? CastingRule.Unsafe : CastingRule.No;
        if (ReferenceEquals(from, to))
            return new(rule, to, null);
        return new(rule, to, v => pf.IsNA(v) ? (pt.HasNA ? pt.NAObject : new StoredText(pf.NAName)) : new StoredText((string)v!));
    }

    private static DeclaredCast? FromString(StringParameters p, DType to) => to.Code switch
    {
        DTypeCode.Unicode => to.ItemSize == 0 ? DeclaredCast.Refused(to, UnsizedTarget) : new(CastingRule.SameKind, to, v => AsText(p, v)),
        DTypeCode.Bytes => to.ItemSize == 0 ? DeclaredCast.Refused(to, UnsizedTarget) : new(CastingRule.SameKind, to, v => AsciiBytes(AsText(p, v))),
        DTypeCode.Void => to.ItemSize == 0 ? DeclaredCast.Refused(to, UnsizedTarget) : new(CastingRule.Unsafe, to, v => Padded(AsText(p, v), to.ItemSize)),
        DTypeCode.Bool => new(CastingRule.Unsafe, to, v => ToBool(p, v)),
        DTypeCode.Int8 or DTypeCode.UInt8 or DTypeCode.Int16 or DTypeCode.UInt16 or DTypeCode.Int32 or DTypeCode.UInt32
            or DTypeCode.Int64 or DTypeCode.UInt64 => new(CastingRule.Unsafe, to, v => ScalarCoercion.ParsePythonInt(NonNullable(p, v))),
        // string_to_float reads through load_non_nullable_string too: even a NaN sentinel is refused.
        DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64 or DTypeCode.Float128 or DTypeCode.Complex64
            or DTypeCode.Complex128 or DTypeCode.Complex256 => new(CastingRule.Unsafe, to, v => NonNullable(p, v)),
        DTypeCode.DateTime64 or DTypeCode.TimeDelta64 => to.DateTimeMeta is { IsGeneric: true }
            ? DeclaredCast.Refused(to, "Casting from StringDType to datetimes without a unit is not currently supported")
            : new(CastingRule.Unsafe, to, v => ToTime(p, v)),
        DTypeCode.Object => new(CastingRule.Safe, to, v => v),
    };

    private static DeclaredCast? IntoString(DType from, DType to) => from.Code switch
    {
        DTypeCode.Unicode => new(CastingRule.SameKind, to, v => new StoredText((string)v!)),
        DTypeCode.Bytes => new(CastingRule.SameKind, to, v => new StoredText(StringDTypeClass.DecodeUtf8(((Bytes)v!).Span))),
        DTypeCode.Void => new(CastingRule.SameKind, to, v => new StoredText(StringDTypeClass.DecodeUtf8(((byte[])v!).AsSpan().TrimEnd((byte)0)))),
        DTypeCode.Bool or DTypeCode.Int8 or DTypeCode.UInt8 or DTypeCode.Int16 or DTypeCode.UInt16 or DTypeCode.Int32
            or DTypeCode.UInt32 or DTypeCode.Int64 or DTypeCode.UInt64 or DTypeCode.Float16 or DTypeCode.Float32
            or DTypeCode.Float128 or DTypeCode.Complex64 or DTypeCode.Complex128
            or DTypeCode.Complex256 => new(CastingRule.Safe, to, v => new StoredText(ScalarStr.Format(v))),
        // float_to_string compares each scalar with a NaN sentinel by na_eq_cmp, whose NaN test needs Python floats:
        // only float64 scalars are, so only a float64 NaN becomes the missing value (test_float_nan_cast_na_object).
        DTypeCode.Float64 => new(CastingRule.Safe, to, v => FloatText(StringDTypeClass.Of(to), (double)v!)),
        DTypeCode.DateTime64 => new(CastingRule.Safe, to, v => TimeText(StringDTypeClass.Of(to), v, d => ScalarStr.Format(d))),
        // NumPy writes a timedelta's count alone ("5"), not its str() ("5 seconds").
        DTypeCode.TimeDelta64 => new(CastingRule.Safe, to, v => TimeText(StringDTypeClass.Of(to), v, t => ((TimeDelta64)t).Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        // Object values are stored as setitem stores them: the missing value, strings, or str() when coercing.
        DTypeCode.Object => new(CastingRule.Unsafe, to, v => v),
    };

    private static object? FloatText(StringParameters target, double value) =>
        target.IsNaNNA && double.IsNaN(value) ? target.NAObject : new StoredText(ScalarStr.Format(value));

    // NaT becomes the missing value when the target has one, else the text "NaT".
    private static object? TimeText(StringParameters target, object? value, Func<object, string> text) => value switch
    {
        DateTime64 { IsNaT: true } or TimeDelta64 { IsNaT: true } => target.HasNA ? target.NAObject : new StoredText("NaT"),
        _ => new StoredText(text(value!)),
    };

    // load_nullable_string: a missing value reads as the string sentinel, else as str(na_object).
    private static string AsText(StringParameters p, object? value) => p.IsNA(value) ? (p.IsStringNA ? p.DefaultString : p.NAName) : (string)value!;

    // load_non_nullable_string: numbers cannot hold a missing value, whatever the sentinel.
    private static string NonNullable(StringParameters p, object? value) =>
        p.IsNA(value) ? throw new ArgumentException("Arrays with missing data cannot be converted to a non-nullable type") : (string)value!;

    // string_to_bool: NumPy 2 reads any non-empty string as True; a NaN sentinel is truthy, other sentinels falsy, and
    // a string sentinel is True when it is empty (as NumPy's loop has it).
    private static bool ToBool(StringParameters p, object? value)
    {
        if (p.IsNA(value))
            return p.IsStringNA ? p.DefaultString.Length == 0 : p.IsNaNNA;
        return ((string)value!).Length > 0;
    }

    // string_to_datetime / string_to_timedelta: a missing value is NaT; text parses as ISO dates or a count.
    private static object? ToTime(StringParameters p, object? value)
    {
        if (p.IsNA(value) && !p.IsStringNA)
            return null;
        return AsText(p, value);
    }

    private static Bytes AsciiBytes(string text)
    {
        var data = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                int cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
                string escaped = cp > 0xFFFF ? Invariant($"\\U{cp:x8}") : cp > 0xFF ? Invariant($"\\u{cp:x4}") : Invariant($"\\x{cp:x2}");
                // Python counts code points, not UTF-16 units.
                int position = text[..i].EnumerateRunes().Count();
                throw new ArgumentException(Invariant(
                    $"'ascii' codec can't encode character '{escaped}' in position {position}: ordinal not in range(128)"));
            }
            data[i] = (byte)text[i];
        }
        return new Bytes(data);
    }

    private static byte[] Padded(string text, int size)
    {
        var data = new byte[size];
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        utf8.AsSpan(0, Math.Min(size, utf8.Length)).CopyTo(data);
        return data;
    }
}
