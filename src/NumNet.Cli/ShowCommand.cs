using System.CommandLine;
using NumNet.Formatting;

namespace NumNet.Cli;

/// <summary><c>numnet show FILE.npy|FILE.npz [--threshold N] [--allow-pickle]</c>: what the file holds, and the arrays as NumPy prints them.</summary>
internal static class ShowCommand
{
    /// <summary>The command, bound to <paramref name="context"/>.</summary>
    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A .npy file or a .npz archive" };
        // Text, checked by OptionValues: the parser's own error for a typed option names .NET types.
        var threshold = new Option<string?>("--threshold")
        {
            Description = "Print at most this many elements in full; larger arrays are summarized (NumPy's print threshold, default 1000)",
        };
        var allowPickle = PickleOption.Create(writes: false);
        var command = new Command("show", "Print the dtype, shape, order, size and values of a .npy file or of each member of a .npz")
        {
            file, threshold, allowPickle,
        };
        command.SetAction(r => context.Guard("show", () => Run(context, r.GetValue(file)!, OptionValues.Threshold(r.GetValue(threshold)), r.GetValue(allowPickle))));
        return command;
    }

    private static int Run(CliContext context, string path, long? threshold, bool allowPickle)
    {
        using var scope = threshold is { } t ? np.printoptions(threshold: t) : null;
        // Every member of an archive is read as it is shown, so its damage is named with the file too.
        return InputFiles.Read(path, () => Show(context, path, allowPickle));
    }

    private static int Show(CliContext context, string path, bool allowPickle)
    {
        // Read, not mapped: a mapped file truncated by another program meanwhile would kill the process (SIGBUS).
        var loaded = np.load(path, allowPickle: allowPickle);
        if (loaded is NDArray array)
        {
            using (array)
                Describe(context.Out, array);
            return CommandLine.Ok;
        }
        using var npz = (NpzFile)loaded;
        // Names and paths are quoted as Python's repr quotes them: whatever they hold, they cannot reach the terminal
        // as escape sequences or forge a line.
        context.Out.WriteLine($"{PythonRepr.Repr(path)}: {npz.Files.Count} array{(npz.Files.Count == 1 ? "" : "s")}");
        foreach (var name in npz.Files)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"[{PythonRepr.Repr(name)}]");
            using var member = npz[name];
            Describe(context.Out, member);
        }
        return CommandLine.Ok;
    }

    private static void Describe(TextWriter o, NDArray a)
    {
        o.WriteLine($"dtype: {a.DType} ({a.DType.Str})");
        o.WriteLine($"shape: {ShapeText(a.Shape)}");
        o.WriteLine($"order: {(a.IsCContiguous ? "C" : a.IsFContiguous ? "F" : "neither")}");
        o.WriteLine($"size: {a.NBytes} bytes");
        o.WriteLine(a.Repr());
    }

    /// <summary>A shape as Python prints a tuple.</summary>
    public static string ShapeText(long[] shape) => shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
