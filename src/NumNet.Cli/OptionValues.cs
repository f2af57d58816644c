using System.Globalization;
using NumNet.Formatting;

namespace NumNet.Cli;

/// <summary>
/// Option values, taken as the text the user typed and checked here, so a malformed one is told in the tool's words
/// (quoting the value as Python's repr) rather than with the parser's .NET type names.
/// </summary>
internal static class OptionValues
{
    /// <summary>NumPy's casting rules, weakest first.</summary>
    public static readonly string[] CastingRules = ["no", "equiv", "safe", "same_kind", "unsafe"];

    /// <summary>The memory orders an output may be written in.</summary>
    public static readonly string[] Orders = ["C", "F"];

    /// <summary><c>--threshold</c>: a whole number of elements, not negative; null when not given.</summary>
    /// <exception cref="UsageException">Not a whole number, or negative.</exception>
    public static long? Threshold(string? text)
    {
        if (text is null)
            return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            throw new UsageException($"--threshold {PythonRepr.Repr(text)} is not a whole number from 0 to {long.MaxValue}");
        if (n < 0)
            throw new UsageException($"--threshold {PythonRepr.Repr(text)} must not be negative");
        return n;
    }

    /// <summary><c>--order</c>: C or F; null (keep the input's) when not given.</summary>
    /// <exception cref="UsageException">Any other value.</exception>
    public static MemoryOrder? Order(string? text) => text switch
    {
        null => null,
        "C" => MemoryOrder.C,
        "F" => MemoryOrder.F,
        _ => throw new UsageException($"--order {PythonRepr.Repr(text)} is not one of {Choices(Orders)}"),
    };

    /// <summary><c>--casting</c>: one of NumPy's rules.</summary>
    /// <exception cref="UsageException">Any other value.</exception>
    public static string Casting(string text) => CastingRules.Contains(text, StringComparer.Ordinal) ? text
        : throw new UsageException($"--casting {PythonRepr.Repr(text)} is not one of {Choices(CastingRules)}");

    /// <summary><c>--dtype</c>: a dtype in NumPy's spelling; null when not given.</summary>
    /// <exception cref="UsageException">A spelling NumPy would not understand, or a dtype NumNet cannot make.</exception>
    public static DType? DType(string? text)
    {
        if (text is null)
            return null;
        try
        {
            return np.dtype(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidCastException or FormatException or OverflowException)
        {
            string reason = CliMessage.Of(e);
            string quoted = PythonRepr.Repr(text);
            return reason.Contains(quoted, StringComparison.Ordinal)
                ? throw new UsageException($"--dtype: {reason}")
                : throw new UsageException($"--dtype {quoted}: {reason}");
        }
    }

    private static string Choices(string[] choices) => string.Join(", ", choices.Select(PythonRepr.Repr));
}
