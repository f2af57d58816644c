namespace NumNet;

/// <summary>
/// NumPy's print options as one immutable value: what <c>np.get_printoptions()</c> returns and what
/// <c>np.set_printoptions</c> and <c>np.printoptions</c> install.
/// </summary>
/// <remarks>
/// <para>
/// Instances never change; derive a modified copy with a <c>with</c> expression
/// (<c>np.get_printoptions() with { Precision = 3 }</c>).
/// </para>
/// <para>
/// Which options apply is decided per logical call context: <see cref="np.printoptions(int?, long?, int?, int?, bool?, string?, string?, IReadOnlyDictionary{string, Func{object?, string}}?, string?, string?)"/>
/// installs options for the current thread and for the tasks and threads it starts while the scope is open (they
/// inherit the execution context), until the returned scope is disposed;
/// outside any scope, the process-wide default set by <see cref="np.set_printoptions(PrintOptions)"/> applies.
/// NumPy keeps one mutable global instead; the scoped override gives the same results for single-threaded code
/// and keeps concurrent callers from seeing each other's settings.
/// </para>
/// </remarks>
public sealed record PrintOptions
{
    /// <summary>NumPy's defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75, floatmode 'maxprec'.</summary>
    public static PrintOptions Default { get; } = new();

    /// <summary>
    /// Digits of precision for floating-point output (default 8). Null means "as many as needed to identify the
    /// value", which is allowed for every <see cref="FloatMode"/> except <see cref="FloatMode.Fixed"/>.
    /// </summary>
    public int? Precision { get; init; } = 8;

    /// <summary>Arrays with more elements than this are summarized with <c>...</c> (default 1000).</summary>
    public long Threshold { get; init; } = 1000;

    /// <summary>Items kept at the start and at the end of each dimension of a summarized array (default 3).</summary>
    public int EdgeItems { get; init; } = 3;

    /// <summary>Characters per line before the text is wrapped (default 75).</summary>
    public int LineWidth { get; init; } = 75;

    /// <summary>
    /// When true, floats are always printed in positional notation and values too small for the precision print as
    /// zero; when false (the default), scientific notation is chosen when the smallest magnitude is below 1e-4 or
    /// the largest is over 1000 times the smallest.
    /// </summary>
    public bool Suppress { get; init; }

    /// <summary>Text of a floating-point NaN (default "nan").</summary>
    public string NanStr { get; init; } = "nan";

    /// <summary>Text of a floating-point infinity, without its sign (default "inf").</summary>
    public string InfStr { get; init; } = "inf";

    /// <summary>
    /// What precedes non-negative numbers: nothing (<see cref="SignMode.Minus"/>, NumPy's '-'), '+'
    /// (<see cref="SignMode.Plus"/>) or a space (<see cref="SignMode.Space"/>). Applies to integers and floats.
    /// </summary>
    public SignMode Sign { get; init; } = SignMode.Minus;

    /// <summary>How <see cref="Precision"/> is interpreted (default <see cref="FloatMode.MaxPrec"/>).</summary>
    public FloatMode FloatMode { get; init; } = FloatMode.MaxPrec;

    /// <summary>
    /// Custom element formatters keyed as NumPy's <c>formatter</c> option: 'bool', 'int', 'timedelta', 'datetime',
    /// 'float', 'longfloat', 'complexfloat', 'longcomplexfloat', 'numpystr', 'object', 'void', and the groups 'all',
    /// 'int_kind', 'float_kind', 'complex_kind', 'str_kind'. Each receives an element as
    /// <see cref="NDArray.GetValue(ReadOnlySpan{long})"/> returns it. Null (the default) uses the built-in
    /// formatters.
    /// </summary>
    public IReadOnlyDictionary<string, Func<object?, string>>? Formatter { get; init; }

    /// <summary>
    /// Checks the values NumPy rejects: a negative precision, edgeitems or linewidth, and a missing precision with
    /// <see cref="FloatMode.Fixed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Precision is < 0)
            throw new ArgumentException($"precision must be >= 0, got {Precision}", nameof(Precision));
        if (EdgeItems < 0)
            throw new ArgumentException($"edgeitems must be >= 0, got {EdgeItems}", nameof(EdgeItems));
        if (LineWidth < 0)
            throw new ArgumentException($"linewidth must be >= 0, got {LineWidth}", nameof(LineWidth));
        if (NanStr is null || InfStr is null)
            throw new ArgumentException("nanstr and infstr cannot be null");
        if (FloatMode == FloatMode.Fixed && Precision is null)
            throw new ArgumentException("floatmode 'fixed' needs a precision", nameof(Precision));
    }

    /// <summary>Parses NumPy's floatmode spellings: 'fixed', 'unique', 'maxprec', 'maxprec_equal'.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static FloatMode ParseFloatMode(string floatmode) => floatmode switch
    {
        "fixed" => FloatMode.Fixed,
        "unique" => FloatMode.Unique,
        "maxprec" => FloatMode.MaxPrec,
        "maxprec_equal" => FloatMode.MaxPrecEqual,
        _ => throw new ArgumentException(
            $"floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\" (got '{floatmode}')", nameof(floatmode)),
    };

    /// <summary>Parses NumPy's sign spellings: '-', '+', ' '.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static SignMode ParseSign(string sign) => sign switch
    {
        "-" => SignMode.Minus,
        "+" => SignMode.Plus,
        " " => SignMode.Space,
        _ => throw new ArgumentException($"sign option must be one of ' ', '+', or '-' (got '{sign}')", nameof(sign)),
    };
}
