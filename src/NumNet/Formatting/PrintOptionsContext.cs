namespace NumNet.Formatting;

/// <summary>
/// Where the print options in force live: a process-wide default plus an override that flows with the logical call
/// context, so a scope opened on one thread (or async flow) is invisible to others.
/// </summary>
internal static class PrintOptionsContext
{
    private static volatile PrintOptions s_global = PrintOptions.Default;
    private static readonly AsyncLocal<PrintOptions?> s_scoped = new();

    /// <summary>The options that apply to the calling context.</summary>
    public static PrintOptions Current => s_scoped.Value ?? s_global;

    /// <summary>Replaces the process-wide default.</summary>
    public static void SetGlobal(PrintOptions options) => s_global = options;

    /// <summary>True when a scope is open in the calling context.</summary>
    public static bool InScope => s_scoped.Value is not null;

    /// <summary>Installs <paramref name="options"/> for the calling context until the result is disposed.</summary>
    public static PrintOptionsScope Push(PrintOptions options)
    {
        var previous = s_scoped.Value;
        s_scoped.Value = options;
        return new PrintOptionsScope(options, previous);
    }

    internal static void Restore(PrintOptions? previous) => s_scoped.Value = previous;

    /// <summary>Replaces the options of the innermost open scope (set_printoptions inside a scope).</summary>
    internal static void ReplaceScoped(PrintOptions options) => s_scoped.Value = options;
}
