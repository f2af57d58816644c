using System.Text;
using NumNet.Formatting.Formatters;

namespace NumNet.Formatting;

/// <summary>
/// NumPy 2's array text: <c>array2string</c>, <c>repr</c> and <c>str</c> of an array under a given set of print
/// options.
/// </summary>
internal static class ArrayPrinter
{
    // Object arrays may contain themselves; NumPy prints the inner occurrence as "...".
    [ThreadStatic]
    private static HashSet<NDArray>? t_printing;

    /// <summary>NumPy's <c>array2string(a, separator=..., prefix=..., suffix=...)</c> with fully resolved options.</summary>
    public static string Array2String(NDArray array, PrintOptions options, string separator, string prefix, string suffix)
    {
        var sb = new StringBuilder();
        AppendBody(sb, array, options, separator, prefix.Length, suffix, lineStart: -prefix.Length);
        return sb.ToString();
    }

    /// <summary>NumPy's <c>repr(a)</c> / <c>array_repr(a)</c>.</summary>
    public static string Repr(NDArray array, PrintOptions options)
    {
        const string prefix = "array(";
        var sb = new StringBuilder(prefix);
        AppendBody(sb, array, options, ", ", prefix.Length, ")", lineStart: 0);

        string? shape = null, dtype = null;
        long[] dims = array.ShapeRef;
        if ((array.Size == 0 && !(dims.Length == 1 && dims[0] == 0)) || array.Size > options.Threshold)
            shape = "shape=" + PythonTuple(dims);
        if (!IsDTypeImplied(array.DType) || array.Size == 0)
            dtype = "dtype=" + DTypeShortRepr(array.DType);
        if (shape is null && dtype is null)
            return sb.Append(')').ToString();

        sb.Append(',');
        string extras = (shape, dtype) switch
        {
            (null, _) => dtype + ")",
            (_, null) => shape + ")",
            _ => shape + ", " + dtype + ")",
        };
        int lastLineLength = TextColumns.OfLastLine(sb);
        // The shape and dtype move to their own line when they would push the last line past the width.
        if (lastLineLength + extras.Length + 1 > options.LineWidth)
            sb.Append('\n').Append(' ', prefix.Length);
        else
            sb.Append(' ');
        return sb.Append(extras).ToString();
    }

    /// <summary>NumPy's <c>str(a)</c> / <c>array_str(a)</c>; a 0-d array prints as its scalar does.</summary>
    public static string Str(NDArray array, PrintOptions options)
    {
        if (array.NDim == 0)
            return Guarded(array, () => ZeroDimStr.Format(array));
        return Array2String(array, options, " ", "", "");
    }

    private static void AppendBody(StringBuilder sb, NDArray array, PrintOptions options, string separator, int prefixLength, string suffix, int lineStart)
    {
        options.Validate();
        if (array.Size == 0)
        {
            sb.Append("[]");
            return;
        }
        var printing = t_printing ??= new HashSet<NDArray>(ReferenceEqualityComparer.Instance);
        if (!printing.Add(array))
        {
            sb.Append("...");
            return;
        }
        try
        {
            bool summarize = array.Size > options.Threshold;
            var formatter = FormatterFactory.Create(array, options, summarize);
            var layout = new LineLayout(sb, array, formatter, separator, options.EdgeItems, summarize, lineStart);
            layout.Write(hangingIndent: 1 + prefixLength, lineWidth: options.LineWidth - suffix.Length);
        }
        finally
        {
            printing.Remove(array);
        }
    }

    private static string Guarded(NDArray array, Func<string> text)
    {
        var printing = t_printing ??= new HashSet<NDArray>(ReferenceEqualityComparer.Instance);
        if (!printing.Add(array))
            return "...";
        try
        {
            return text();
        }
        finally
        {
            printing.Remove(array);
        }
    }

    /// <summary>
    /// Whether repr can leave the dtype out because the values imply it: native int64, float64, complex128 and bool
    /// (NumPy's <c>dtype_is_implied</c>).
    /// </summary>
    /// <remarks>
    /// Only the type NumPy uses for Python ints counts: int64 spelled 'q' (np.longlong) is a different scalar type
    /// on Linux even though it has the same size, so its repr names the dtype.
    /// </remarks>
    public static bool IsDTypeImplied(DType dtype) =>
        dtype.IsNative && dtype.Code switch
        {
            DTypeCode.Int64 => dtype.Char == 'l',
            DTypeCode.Float64 or DTypeCode.Complex128 or DTypeCode.Bool => true,
            _ => false,
        };

    /// <summary>
    /// The dtype as repr shows it after <c>dtype=</c>: a bare name when it is a valid identifier (float32,
    /// timedelta64, object), quoted otherwise ('&lt;U3', '|S2', '&gt;f8', 'datetime64[ms]') (NumPy's
    /// <c>dtype_short_repr</c>).
    /// </summary>
    public static string DTypeShortRepr(DType dtype)
    {
        // A class with its own repr is shown by it, as NumPy does for every dtype whose repr is not dtype's.
        if (dtype.Family is DTypes.RegisteredDTypeClass)
            return dtype.Repr();
        if (dtype.IsFlexible || !dtype.IsNative)
            return "'" + dtype.ToString() + "'";
        string name = dtype.Name;
        bool identifier = name.Length > 0 && char.IsLetter(name[0]) && name.All(char.IsLetterOrDigit);
        return identifier ? name : "'" + name + "'";
    }

    /// <summary>A Python tuple of integers: "(3,)", "(2, 501)", "()".</summary>
    public static string PythonTuple(long[] values) => values.Length switch
    {
        0 => "()",
        1 => $"({values[0]},)",
        _ => "(" + string.Join(", ", values) + ")",
    };
}
