using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using NumNet.DTypes.Text;
using NumNet.DTypes.Text.Digits;

namespace NumNet.Formatting;

/// <summary>
/// Python's <c>repr()</c> and <c>str()</c> for the .NET values that stand for Python objects: strings and bytes
/// with Python's quoting and escapes, floats with Python's shortest round-trip text, None, True/False, lists and
/// tuples. Object arrays and 0-d <c>str()</c> print elements this way.
/// </summary>
/// <remarks>
/// Fixed-length sequences stand for Python tuples: .NET arrays (<c>object?[]</c>, as the conformance inputs encode
/// tuples) and <see cref="ITuple"/> values print as <c>(1, 2)</c>. Growable lists (<see cref="List{T}"/> and any
/// other <see cref="IList"/>) print as Python lists.
/// </remarks>
internal static class PythonRepr
{
    /// <summary>Appends Python's repr of a str: quoted, with escapes for the quote, backslash and non-printable characters.</summary>
    public static void AppendString(WordBuffer word, string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        AppendString(sb, text);
        word.Append(sb.ToString());
    }

    /// <summary>Appends Python's repr of a str.</summary>
    public static void AppendString(StringBuilder sb, string text)
    {
        // Python prefers single quotes and switches only when that avoids escaping.
        char quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (Rune r in text.EnumerateRunes())
        {
            int c = r.Value;
            if (c == quote || c == '\\')
                sb.Append('\\').Append((char)c);
            else if (c == '\t')
                sb.Append("\\t");
            else if (c == '\n')
                sb.Append("\\n");
            else if (c == '\r')
                sb.Append("\\r");
            else if (c < 0x20 || c == 0x7F)
                sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x7F || IsPrintable(c))
                sb.Append(r.ToString());
            else if (c <= 0xFF)
                sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c <= 0xFFFF)
                sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else
                sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
    }

    // Python's str.isprintable: everything except control, format, surrogate, private-use, unassigned and
    // separator characters (the ASCII space excepted).
    private static bool IsPrintable(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => codePoint == ' ',
        _ => true,
    };

    /// <summary>Appends Python's repr of a bytes object: <c>b'...'</c> with escapes for non-ASCII and control bytes.</summary>
    public static void AppendBytes(WordBuffer word, ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 3);
        AppendBytes(sb, bytes);
        word.Append(sb.ToString());
    }

    /// <summary>Appends Python's repr of a bytes object.</summary>
    public static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        char quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        sb.Append('b').Append(quote);
        foreach (byte c in bytes)
        {
            if (c == quote || c == '\\')
                sb.Append('\\').Append((char)c);
            else if (c == '\t')
                sb.Append("\\t");
            else if (c == '\n')
                sb.Append("\\n");
            else if (c == '\r')
                sb.Append("\\r");
            else if (c < 0x20 || c >= 0x7F)
                sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else
                sb.Append((char)c);
        }
        sb.Append(quote);
    }

    /// <summary>
    /// The text of an object-array element: its repr, except that a list at the top is shown as <c>list([...])</c>
    /// so it cannot be read as another dimension of the array.
    /// </summary>
    public static string ObjectElement(object? value)
    {
        var sb = new StringBuilder();
        if (IsList(value))
        {
            sb.Append("list(");
            AppendRepr(sb, value, 0);
            sb.Append(')');
        }
        else
        {
            AppendRepr(sb, value, 0);
        }
        return sb.ToString();
    }

    /// <summary>Python's repr of a .NET value standing for a Python object.</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>Python's str of a .NET value: like repr, except that a string is its own text.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        _ => Repr(value),
    };

    // The containers whose repr is being written on this thread, outermost first. Python's Py_ReprEnter: a container
    // met again inside itself prints as [...] or (...), so a self-containing input costs its own size rather than
    // every path through its cycles down to MaxDepth (exponential in the depth).
    [ThreadStatic]
    private static HashSet<object>? _inProgress;

    private static bool Enter(object container)
    {
        _inProgress ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        return _inProgress.Add(container);
    }

    private static void Leave(object container) => _inProgress!.Remove(container);

    private static void AppendTuple(StringBuilder sb, object container, int length, Func<int, object?> item, int depth)
    {
        if (!Enter(container))
        {
            sb.Append("(...)");
            return;
        }
        try
        {
            AppendTupleItems(sb, length, item, depth);
        }
        finally
        {
            Leave(container);
        }
    }

    private static void AppendTupleItems(StringBuilder sb, int length, Func<int, object?> item, int depth)
    {
        sb.Append('(');
        for (int i = 0; i < length; i++)
        {
            if (i > 0)
                sb.Append(", ");
            AppendRepr(sb, item(i), depth + 1);
        }
        sb.Append(length == 1 ? ",)" : ")");
    }

    private static bool IsList(object? value) =>
        value is IList and not Array && value is not ITuple;

    private const int MaxDepth = 64;

    private static void AppendRepr(StringBuilder sb, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            sb.Append("...");
            return;
        }
        switch (value)
        {
            case null:
                sb.Append("None");
                return;
            case bool b:
                sb.Append(b ? "True" : "False");
                return;
            case string s:
                AppendString(sb, s);
                return;
            case char c:
                AppendString(sb, c.ToString());
                return;
            case Bytes bytes:
                AppendBytes(sb, bytes.Span);
                return;
            case byte[] raw:
                AppendBytes(sb, raw);
                return;
            case double d:
                sb.Append(FloatText.PythonFloat(d));
                return;
            case float f:
                sb.Append("np.float32(").Append(FloatText.Scalar(f)).Append(')');
                return;
            case Half h:
                sb.Append("np.float16(").Append(FloatText.Scalar(h)).Append(')');
                return;
            case LongDouble ld:
                sb.Append("np.longdouble('").Append(FloatText.Scalar(ld)).Append("')");
                return;
            case Complex z:
                sb.Append(FloatText.ComplexScalar(z.Real, z.Imaginary));
                return;
            case Complex64 z:
                sb.Append("np.complex64(").Append(FloatText.ComplexScalar(z.Real, z.Imaginary).Trim('(', ')')).Append(')');
                return;
            case Complex256 z:
                sb.Append("np.clongdouble('").Append(FloatText.ComplexScalar(z.Real, z.Imaginary).Trim('(', ')')).Append("')");
                return;
            case DateTime64 dt:
                sb.Append(DateTimes.Repr(dt.Value, dt.Unit));
                return;
            case TimeDelta64 td:
                sb.Append(TimeDeltaRepr(td));
                return;
            case NDArray array:
                sb.Append(ArrayPrinter.Repr(array, PrintOptionsContext.Current));
                return;
            case Array array when array.Rank == 1:
                AppendTuple(sb, array, array.Length, i => array.GetValue(i), depth);
                return;
            case ITuple tuple:
                AppendTuple(sb, tuple, tuple.Length, i => tuple[i], depth);
                return;
            case IList list:
                if (!Enter(list))
                {
                    sb.Append("[...]");
                    return;
                }
                try
                {
                    sb.Append('[');
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                            sb.Append(", ");
                        AppendRepr(sb, list[i], depth + 1);
                    }
                    sb.Append(']');
                }
                finally
                {
                    Leave(list);
                }
                return;
            case IFormattable formattable:
                sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                sb.Append(value.ToString());
                return;
        }
    }

    // NumPy 2's repr of np.timedelta64: "np.timedelta64(5,'s')", "np.timedelta64(5)" for generic units.
    private static string TimeDeltaRepr(TimeDelta64 value)
    {
        string count = value.IsNaT ? "'NaT'" : value.Value.ToString(CultureInfo.InvariantCulture);
        return value.Unit.IsGeneric ? $"np.timedelta64({count})" : $"np.timedelta64({count},'{value.Unit.UnitText}')";
    }
}
