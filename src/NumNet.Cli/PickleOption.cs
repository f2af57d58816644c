using System.CommandLine;

namespace NumNet.Cli;

/// <summary>
/// <c>--allow-pickle</c>: NumPy's <c>allow_pickle</c> for the tool. An object array (or a StringDType one) is stored in
/// .npy as a Python pickle after the header; as in NumPy, reading or writing one has to be asked for. What NumNet reads
/// of a pickle is restricted to NumPy's own objects (docs/reliability.md), so the flag opts into the format, not into
/// running code.
/// </summary>
internal static class PickleOption
{
    /// <summary>The option's name, as messages that point to it spell it.</summary>
    public const string Name = "--allow-pickle";

    /// <summary>The option, for a command that reads (and, for <paramref name="writes"/>, writes) arrays.</summary>
    public static Option<bool> Create(bool writes) => new(Name)
    {
        Description = writes
            ? "Read and write object arrays, which .npy stores as a Python pickle (NumPy's allow_pickle)"
            : "Read object arrays, which .npy stores as a Python pickle (NumPy's allow_pickle)",
    };
}
