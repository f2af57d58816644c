using System.Numerics;
using NumNet.DTypes.Text;

namespace NumNet.DTypes.Strings;

/// <summary>
/// What a StringDType descriptor carries (NumPy's <c>PyArray_StringDTypeObject</c>): the optional <c>na_object</c>,
/// the <c>coerce</c> flag, and the <see cref="StringArena"/> its arrays' long strings live in. Equality is NumPy's
/// <c>==</c> on the descriptors: the same <c>coerce</c> and the same missing value (two NaNs are the same); the arena
/// does not count, and <see cref="StringDTypeClass.Descriptor"/> keeps one live descriptor per equal set.
/// </summary>
internal sealed class StringParameters : IEquatable<StringParameters>
{
    public StringParameters(bool hasNA, object? naObject, bool coerce)
    {
        HasNA = hasNA;
        NAObject = naObject;
        Coerce = coerce;
        IsStringNA = hasNA && naObject is string;
        // NumPy's test is na != na, true for a NaN of any width.
        IsNaNNA = hasNA && naObject switch
        {
            double d => double.IsNaN(d),
            float f => float.IsNaN(f),
            Half h => Half.IsNaN(h),
            _ => false,
        };
        NAName = hasNA ? ScalarStr.Format(naObject) : "";
        DefaultString = naObject as string ?? "";
    }

    /// <summary>True when the dtype was given an <c>na_object</c> (None counts).</summary>
    public bool HasNA { get; }

    /// <summary>The missing-value sentinel (null is Python's None); meaningful only when <see cref="HasNA"/>.</summary>
    public object? NAObject { get; }

    /// <summary>NumPy's <c>coerce</c>: non-string values are stored as their <c>str()</c> (true) or refused.</summary>
    public bool Coerce { get; }

    /// <summary>NumPy's <c>has_string_na</c>: the sentinel is itself a string.</summary>
    public bool IsStringNA { get; }

    /// <summary>NumPy's <c>has_nan_na</c>: the sentinel is not equal to itself (a NaN).</summary>
    /// <remarks>Set for every NaN sentinel (a float32 NaN is unequal to itself too), as NumPy's <c>na != na</c> test.</remarks>
    public bool IsNaNNA { get; }

    /// <summary>NumPy's <c>na_name</c>: <c>str(na_object)</c>, what a missing value becomes as text.</summary>
    public string NAName { get; }

    /// <summary>NumPy's <c>default_string</c>: the string sentinel, or empty.</summary>
    public string DefaultString { get; }

    /// <summary>Where this descriptor's long strings are stored.</summary>
    public StringArena Arena { get; } = new();

    /// <summary>
    /// True when <paramref name="value"/> is this dtype's missing value (NumPy's <c>na_eq_cmp</c>): the sentinel itself,
    /// an equal value, or any double NaN for a NaN sentinel.
    /// </summary>
    public bool IsNA(object? value) => HasNA && SameNA(value, NAObject);

    /// <summary>NumPy's <c>na_eq_cmp</c> between two sentinels.</summary>
    public static bool SameNA(object? a, object? b) =>
        ReferenceEquals(a, b) || (IsNaN(a) && IsNaN(b)) || (a is not null && a.Equals(b));

    // na_eq_cmp's NaN test is for Python floats, which are double here; a float32 or float16 NaN is another scalar
    // type that compares unequal to everything, itself included.
    private static bool IsNaN(object? value) => value is double d && double.IsNaN(d);

    /// <inheritdoc/>
    public bool Equals(StringParameters? other) =>
        other is not null && Coerce == other.Coerce && HasNA == other.HasNA && (!HasNA || SameNA(NAObject, other.NAObject));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StringParameters p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Coerce, HasNA, IsNaNNA ? 0 : NAObject?.GetHashCode() ?? 0);

    /// <summary>NumPy's repr of the dtype: <c>StringDType()</c>, <c>StringDType(na_object=None, coerce=False)</c>.</summary>
    public string Repr()
    {
        var args = new List<string>(2);
        if (HasNA)
            args.Add("na_object=" + ReprOf(NAObject));
        if (!Coerce)
            args.Add("coerce=False");
        return "StringDType(" + string.Join(", ", args) + ")";
    }

    // Python's repr of the sentinels NumPy's tests use: None, nan, a string, a number; others by their own text.
    private static string ReprOf(object? value) => value switch
    {
        null => "None",
        string s => QuoteLikePython(s),
        double or float or Half or BigInteger or long or int => ScalarStr.Format(value),
        bool b => b ? "True" : "False",
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's repr of a str: single quotes unless the text has one and no double quote; backslashes escaped.</summary>
    public static string QuoteLikePython(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new System.Text.StringBuilder(s.Length + 2).Append(quote);
        foreach (char c in s)
        {
            _ = c switch
            {
                '\\' => sb.Append(@"\\"),
                '\n' => sb.Append(@"\n"),
                '\r' => sb.Append(@"\r"),
                '\t' => sb.Append(@"\t"),
                _ when c == quote => sb.Append('\\').Append(c),
                _ when c < ' ' || c == '\x7f' => sb.Append(System.FormattableString.Invariant($"\\x{(int)c:x2}")),
                _ => sb.Append(c),
            };
        }
        return sb.Append(quote).ToString();
    }
}
