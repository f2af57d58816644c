namespace NumNet;

/// <summary>
/// NumPy's warnings, surfaced as an event: operations that NumPy lets through with a warning (casting complex numbers
/// to reals drops the imaginary part) raise <see cref="Raised"/> and carry on.
/// </summary>
/// <remarks>
/// Handlers run synchronously on the thread that caused the warning. <see cref="Capture"/> collects the warnings of the
/// current async flow only, which suits tests running in parallel.
/// </remarks>
public static class Warnings
{
    private static readonly AsyncLocal<List<NumPyWarning>?> Captured = new();

    /// <summary>Raised for every warning, on the thread that caused it.</summary>
    public static event EventHandler<NumPyWarning>? Raised;

    /// <summary>
    /// Starts collecting the warnings of this async flow until the returned scope is disposed; they appear in
    /// <see cref="WarningCapture.Warnings"/>.
    /// </summary>
    public static WarningCapture Capture()
    {
        var previous = Captured.Value;
        var list = new List<NumPyWarning>();
        Captured.Value = list;
        return new WarningCapture(list, () => Captured.Value = previous);
    }

    internal static void Warn(NumPyWarningKind kind, string message)
    {
        var w = new NumPyWarning(kind, message);
        Captured.Value?.Add(w);
        Raised?.Invoke(null, w);
    }
}

/// <summary>A warning NumPy would emit.</summary>
/// <param name="Kind">The Python warning class.</param>
/// <param name="Message">The text.</param>
public sealed record NumPyWarning(NumPyWarningKind Kind, string Message);

/// <summary>The Python warning classes NumNet reports.</summary>
public enum NumPyWarningKind
{
    /// <summary><c>ComplexWarning</c>: the imaginary part of complex values was discarded.</summary>
    ComplexWarning,
    /// <summary><c>RuntimeWarning</c>: invalid or overflowing values in a computation.</summary>
    RuntimeWarning,
    /// <summary><c>UserWarning</c>.</summary>
    UserWarning,
    /// <summary><c>DeprecationWarning</c>.</summary>
    DeprecationWarning,
}

/// <summary>The warnings collected by <see cref="Warnings.Capture"/>; dispose to stop collecting.</summary>
public sealed class WarningCapture : IDisposable
{
    private readonly Action _restore;

    internal WarningCapture(List<NumPyWarning> warnings, Action restore)
    {
        Warnings = warnings;
        _restore = restore;
    }

    /// <summary>The warnings so far, oldest first.</summary>
    public IReadOnlyList<NumPyWarning> Warnings { get; }

    /// <summary>Stops collecting.</summary>
    public void Dispose() => _restore();
}
