using System.Globalization;

namespace NumNet;

/// <summary>
/// Process-wide settings of NumNet. Today one: how many threads work that is split across cores may use.
/// </summary>
public static class NumNetSettings
{
    /// <summary>The environment variable read once, when the settings are first used, for the starting <see cref="MaxThreads"/>.</summary>
    public const string MaxThreadsVariable = "NUMNET_MAX_THREADS";

    private static int _maxThreads = DefaultMaxThreads(Environment.GetEnvironmentVariable(MaxThreadsVariable), Environment.ProcessorCount);

    /// <summary>
    /// The most threads any one NumNet operation runs on at once (the CSV import of <c>numnet convert</c>, and every
    /// other path that splits its work); 1 makes every such path sequential, on the calling thread. Results do not
    /// depend on it, only the time taken does.
    /// </summary>
    /// <remarks>
    /// Starts as the positive integer in the environment variable <c>NUMNET_MAX_THREADS</c> when the process sets one
    /// (read once; a value that is not a positive integer is ignored, so a mistyped variable cannot stop a program
    /// at start-up), and otherwise as <see cref="Environment.ProcessorCount"/>, which already reflects a container's
    /// CPU limit and the process's affinity. Values above the processor count are allowed but only add switching.
    /// Safe to read and set from any thread; an operation reads it once, when it starts, so a change applies to
    /// operations started after it.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public static int MaxThreads
    {
        get => Volatile.Read(ref _maxThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxThreads));
            Volatile.Write(ref _maxThreads, value);
        }
    }

    /// <summary>
    /// The starting thread cap: <paramref name="variable"/> when it is a positive integer (spaces around it allowed),
    /// else <paramref name="processors"/> (at least 1).
    /// </summary>
    internal static int DefaultMaxThreads(string? variable, int processors) =>
        int.TryParse(variable, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : Math.Max(1, processors);
}
