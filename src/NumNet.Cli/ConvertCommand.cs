using System.CommandLine;
using NumNet.Formatting;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// <c>numnet convert IN OUT [--dtype D] [--order C|F] [--casting RULE] [--delimiter C] [--header] [--force]</c>: between .npy, .npz members
/// (<c>file.npz:name</c>) and CSV, optionally casting and changing the memory order on the way.
/// </summary>
internal static class ConvertCommand
{
    private static readonly string[] CastingRules = ["no", "equiv", "safe", "same_kind", "unsafe"];

    /// <summary>The command, bound to <paramref name="context"/>.</summary>
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("IN") { Description = "FILE.npy, FILE.npz[:NAME] or FILE.csv" };
        var output = new Argument<string>("OUT") { Description = "FILE.npy, FILE.npz[:NAME] (default name arr_0) or FILE.csv" };
        var dtype = new Option<string?>("--dtype") { Description = "Cast to this dtype (NumPy spelling: float32, <i4, U10, M8[ms], ...)" };
        var order = new Option<string?>("--order") { Description = "Memory order of the output: C or F (default: keep the input's)" };
        order.AcceptOnlyFromAmong("C", "F");
        var casting = new Option<string>("--casting")
        {
            Description = "How far --dtype may change values: no, equiv, safe, same_kind or unsafe",
            DefaultValueFactory = _ => "same_kind",
        };
        casting.AcceptOnlyFromAmong(CastingRules);
        var force = new Option<bool>("--force") { Description = "Replace OUT if it exists" };
        var (delimiter, header) = CsvOptionsOf();
        var command = new Command("convert", "Convert an array between .npy, .npz and CSV, optionally casting it")
        {
            input, output, dtype, order, casting, delimiter, header, force,
        };
        command.SetAction(r => context.Guard("convert", () => Run(context, new Request(
            r.GetValue(input)!, r.GetValue(output)!, r.GetValue(dtype), r.GetValue(order), r.GetValue(casting)!, r.GetValue(force),
            r.GetValue(delimiter), r.GetValue(header)))));
        return command;
    }

    private static (Option<string?> Delimiter, Option<bool> Header) CsvOptionsOf() =>
    (
        new Option<string?>("--delimiter") { Description = "The character between CSV cells, in and out (default ','; \\t for a tab)" },
        new Option<bool>("--header") { Description = "The CSV input's first row names the columns: skip it" }
    );

    private sealed record Request(string In, string Out, string? DType, string? Order, string Casting, bool Force, string? Delimiter, bool Header)
    {
        /// <summary>The CSV layout the options describe.</summary>
        /// <exception cref="UsageException">
        /// A delimiter that is not one character or with no CSV file to apply to, or --header for an input that is not CSV.
        /// </exception>
        public CsvOptions Csv(FileSpec source, FileSpec target)
        {
            if (Header && source.Format != FileFormat.Csv)
                throw new UsageException($"--header describes a CSV input; '{source.Path}' is not one");
            if (Delimiter is not null && source.Format != FileFormat.Csv && target.Format != FileFormat.Csv)
                throw new UsageException("--delimiter applies to CSV files; neither IN nor OUT is one");
            return new CsvOptions(Delimiter is null ? ',' : CsvOptions.ParseDelimiter(Delimiter), Header);
        }
    }

    private static int Run(CliContext context, Request request)
    {
        var source = FileSpec.Parse(request.In);
        var target = FileSpec.Parse(request.Out);
        var csv = request.Csv(source, target);
        DType? dtype = null;
        if (request.DType is { } spelling)
        {
            try
            {
                dtype = np.dtype(spelling);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--dtype: {e.Message}");
            }
        }
        // Refuse before reading anything, so a large input is not converted only to be thrown away.
        if (!request.Force && File.Exists(target.Path))
            throw new IOException($"{PythonRepr.Repr(target.Path)} already exists; use --force to replace it");

        using var array = ArraySource.Open(source, csv);
        using var converted = Convert(array, dtype, request.Order, request.Casting);
        var result = converted ?? array;
        using var bar = ProgressBar.For(context, result.NBytes, $"writing {PythonRepr.Repr(Path.GetFileName(target.Path))}");
        AtomicFile.Write(target.Path, stream => Write(stream, target, result, csv, bar), overwrite: request.Force);
        return CommandLine.Ok;
    }

    /// <summary>The cast or re-laid-out array, or null when the input goes out unchanged.</summary>
    private static NDArray? Convert(NDArray array, DType? dtype, string? order, string casting)
    {
        if (dtype is null && order is null)
            return null;
        return array.AsType(dtype ?? array.DType, order is null ? MemoryOrder.K : order == "F" ? MemoryOrder.F : MemoryOrder.C, casting);
    }

    private static void Write(Stream stream, FileSpec target, NDArray array, CsvOptions csv, ProgressBar? bar)
    {
        Stream sink = bar is null ? stream : new ProgressStream(stream, array.NBytes, bar.Report);
        switch (target.Format)
        {
            case FileFormat.Npy:
                np.save(sink, array);
                break;
            case FileFormat.Npz:
                np.savez(sink, (target.Member ?? "arr_0", array));
                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
                    CsvWriter.Write(writer, array, csv, bar is null ? null : bar.Report);
                break;
        }
    }
}
