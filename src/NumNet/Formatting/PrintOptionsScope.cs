using NumNet.Formatting;

namespace NumNet;

/// <summary>
/// The scope <see cref="np.printoptions(int?, long?, int?, int?, bool?, string?, string?, IReadOnlyDictionary{string, Func{object?, string}}?, string?, string?)"/>
/// returns: its options apply to the calling thread, and to the tasks and threads started from it while it is open
/// (they inherit the execution context), until it is disposed, after
/// which the options that applied before are back.
/// </summary>
public sealed class PrintOptionsScope : IDisposable
{
    private readonly PrintOptions? _previous;
    private bool _disposed;

    internal PrintOptionsScope(PrintOptions options, PrintOptions? previous)
    {
        Options = options;
        _previous = previous;
    }

    /// <summary>The options this scope installed (what NumPy's <c>with np.printoptions(...) as opts</c> binds).</summary>
    public PrintOptions Options { get; }

    /// <summary>Restores the options in force before the scope was opened. Disposing twice does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        PrintOptionsContext.Restore(_previous);
    }
}
