using NumNet.Formatting;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// NumPy's <c>np.set_printoptions</c>: changes the print options in force. Arguments left null keep their current
    /// value, except <paramref name="formatter"/>, which is always replaced (as in NumPy).
    /// </summary>
    /// <remarks>
    /// Outside any <see cref="printoptions(int?, long?, int?, int?, bool?, string?, string?, IReadOnlyDictionary{string, Func{object?, string}}?, string?, string?)"/>
    /// scope this sets the process-wide default. Inside a scope it changes only that scope's options, and the change
    /// ends with the scope (NumPy's context-variable behaviour).
    /// </remarks>
    /// <param name="precision">Digits of precision for floats (default 8).</param>
    /// <param name="threshold">Element count above which arrays are summarized (default 1000).</param>
    /// <param name="edgeitems">Items shown at each end of a summarized dimension (default 3).</param>
    /// <param name="linewidth">Characters per line (default 75).</param>
    /// <param name="suppress">Always use positional notation, printing tiny values as zero (default false).</param>
    /// <param name="nanstr">Text of NaN (default "nan").</param>
    /// <param name="infstr">Text of infinity (default "inf").</param>
    /// <param name="formatter">Custom formatters by kind (see <see cref="PrintOptions.Formatter"/>); null removes them.</param>
    /// <param name="sign">"-", "+" or " " (default "-").</param>
    /// <param name="floatmode">"fixed", "unique", "maxprec" or "maxprec_equal" (default "maxprec").</param>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static void set_printoptions(int? precision = null, long? threshold = null, int? edgeitems = null,
        int? linewidth = null, bool? suppress = null, string? nanstr = null, string? infstr = null,
        IReadOnlyDictionary<string, Func<object?, string>>? formatter = null, string? sign = null, string? floatmode = null) =>
        set_printoptions(Merge(PrintOptionsContext.Current, precision, threshold, edgeitems, linewidth, suppress, nanstr,
            infstr, formatter, sign, floatmode));

    /// <summary>Installs a complete set of print options (see the other overload for where they apply).</summary>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static void set_printoptions(PrintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (PrintOptionsContext.InScope)
            PrintOptionsContext.ReplaceScoped(options);
        else
            PrintOptionsContext.SetGlobal(options);
    }

    /// <summary>NumPy's <c>np.get_printoptions()</c>: the options in force for the calling context.</summary>
    public static PrintOptions get_printoptions() => PrintOptionsContext.Current;

    /// <summary>
    /// NumPy's <c>with np.printoptions(...)</c>: the given options (merged over the current ones, as
    /// <see cref="set_printoptions(int?, long?, int?, int?, bool?, string?, string?, IReadOnlyDictionary{string, Func{object?, string}}?, string?, string?)"/>
    /// merges) apply to the calling thread, and to the tasks and threads it starts while the scope is open (they inherit
    /// the execution context), until the returned scope is disposed. Other threads keep seeing their own options. Use
    /// with <c>using</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static PrintOptionsScope printoptions(int? precision = null, long? threshold = null, int? edgeitems = null,
        int? linewidth = null, bool? suppress = null, string? nanstr = null, string? infstr = null,
        IReadOnlyDictionary<string, Func<object?, string>>? formatter = null, string? sign = null, string? floatmode = null) =>
        printoptions(Merge(PrintOptionsContext.Current, precision, threshold, edgeitems, linewidth, suppress, nanstr,
            infstr, formatter, sign, floatmode));

    /// <summary>Installs <paramref name="options"/> for the calling context until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static PrintOptionsScope printoptions(PrintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return PrintOptionsContext.Push(options);
    }

    /// <summary>
    /// NumPy's <c>np.array2string</c>: the elements of <paramref name="a"/> in nested brackets. Arguments left null
    /// take the print options in force.
    /// </summary>
    /// <param name="a">The array.</param>
    /// <param name="maxLineWidth">Characters per line.</param>
    /// <param name="precision">Digits of precision for floats.</param>
    /// <param name="suppressSmall">Print tiny floats as zero in positional notation.</param>
    /// <param name="separator">Between elements (default " ").</param>
    /// <param name="prefix">Text the caller will put before the result; continuation lines are indented by its length.</param>
    /// <param name="formatter">Custom formatters by kind; null keeps the ones in force.</param>
    /// <param name="threshold">Element count above which the array is summarized.</param>
    /// <param name="edgeitems">Items shown at each end of a summarized dimension.</param>
    /// <param name="sign">"-", "+" or " ".</param>
    /// <param name="floatmode">"fixed", "unique", "maxprec" or "maxprec_equal".</param>
    /// <param name="suffix">Text the caller will put after the result; the last line leaves room for it.</param>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static string array2string(NDArray a, int? maxLineWidth = null, int? precision = null, bool? suppressSmall = null,
        string separator = " ", string prefix = "", IReadOnlyDictionary<string, Func<object?, string>>? formatter = null,
        long? threshold = null, int? edgeitems = null, string? sign = null, string? floatmode = null, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(a);
        var current = PrintOptionsContext.Current;
        var options = Merge(current, precision, threshold, edgeitems, maxLineWidth, suppressSmall, null, null,
            formatter ?? current.Formatter, sign, floatmode);
        return ArrayPrinter.Array2String(a, options, separator ?? " ", prefix ?? "", suffix ?? "");
    }

    /// <summary>NumPy's <c>np.array_repr</c>: <c>repr(a)</c> with optional overrides of three print options.</summary>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static string array_repr(NDArray arr, int? maxLineWidth = null, int? precision = null, bool? suppressSmall = null)
    {
        ArgumentNullException.ThrowIfNull(arr);
        var current = PrintOptionsContext.Current;
        return ArrayPrinter.Repr(arr, Merge(current, precision, null, null, maxLineWidth, suppressSmall, null, null, current.Formatter, null, null));
    }

    /// <summary>NumPy's <c>np.array_str</c>: <c>str(a)</c> with optional overrides of three print options.</summary>
    /// <exception cref="ArgumentException">An option has a value NumPy rejects.</exception>
    public static string array_str(NDArray a, int? maxLineWidth = null, int? precision = null, bool? suppressSmall = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        var current = PrintOptionsContext.Current;
        return ArrayPrinter.Str(a, Merge(current, precision, null, null, maxLineWidth, suppressSmall, null, null, current.Formatter, null, null));
    }

    /// <summary>Python's <c>repr(a)</c> of an array (see <see cref="NDArray.Repr"/>).</summary>
    public static string repr(NDArray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Repr();
    }

    /// <summary>Python's <c>str(a)</c> of an array (see <see cref="NDArray.ToString"/>).</summary>
    public static string str(NDArray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.ToString();
    }

    private static PrintOptions Merge(PrintOptions current, int? precision, long? threshold, int? edgeitems, int? linewidth,
        bool? suppress, string? nanstr, string? infstr, IReadOnlyDictionary<string, Func<object?, string>>? formatter,
        string? sign, string? floatmode)
    {
        var merged = current with
        {
            Precision = precision ?? current.Precision,
            Threshold = threshold ?? current.Threshold,
            EdgeItems = edgeitems ?? current.EdgeItems,
            LineWidth = linewidth ?? current.LineWidth,
            Suppress = suppress ?? current.Suppress,
            NanStr = nanstr ?? current.NanStr,
            InfStr = infstr ?? current.InfStr,
            Formatter = formatter,
            Sign = sign is null ? current.Sign : PrintOptions.ParseSign(sign),
            FloatMode = floatmode is null ? current.FloatMode : PrintOptions.ParseFloatMode(floatmode),
        };
        merged.Validate();
        return merged;
    }
}
