using System.CommandLine;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;
using NumNet.Formatting;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// <c>numnet convert IN OUT [--dtype D] [--order C|F] [--casting RULE] [--force] [--allow-pickle]</c>: between .npy, .npz members
/// (<c>file.npz:name</c>) and CSV, optionally casting and changing the memory order on the way.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>The command, bound to <paramref name="context"/>.</summary>
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("IN") { Description = "FILE.npy, FILE.npz[:NAME] or FILE.csv" };
        var output = new Argument<string>("OUT")
        {
            Description = "FILE.npy, FILE.npz:NAME (adds or replaces that member of an existing archive, keeping the others), FILE.npz (a new archive whose one member is arr_0) or FILE.csv",
        };
        var dtype = new Option<string?>("--dtype") { Description = "Cast to this dtype (NumPy spelling: float32, <i4, U10, M8[ms], ...)" };
        var order = new Option<string?>("--order") { Description = "Memory order of the output: C or F (default: keep the input's)" };
        var casting = new Option<string>("--casting")
        {
            Description = "How far --dtype may change values: no, equiv, safe, same_kind or unsafe",
            DefaultValueFactory = _ => "same_kind",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace OUT if it exists; for FILE.npz:NAME, replace the member NAME if the archive has one (only needed then)",
        };
        var (delimiter, header) = CsvOptionsOf();
        var allowPickle = PickleOption.Create(writes: true);
        var command = new Command("convert", "Convert an array between .npy, .npz and CSV, optionally casting it")
        {
            input, output, dtype, order, casting, delimiter, header, force, allowPickle,
        };
        // Option values are checked by OptionValues, in the tool's words, before any file is touched.
        command.SetAction(r => context.Guard("convert", () => Run(context, new Request(
            r.GetValue(input)!, r.GetValue(output)!, OptionValues.DType(r.GetValue(dtype)), OptionValues.Order(r.GetValue(order)),
            OptionValues.Casting(r.GetValue(casting)!), r.GetValue(force), r.GetValue(delimiter), r.GetValue(header),
            r.GetValue(allowPickle)))));
        return command;
    }

    private static (Option<string?> Delimiter, Option<bool> Header) CsvOptionsOf() =>
    (
        new Option<string?>("--delimiter") { Description = "The character between CSV cells, in and out (default ','; \\t for a tab)" },
        new Option<bool>("--header") { Description = "The CSV input's first row names the columns: skip it" }
    );

    private sealed record Request(
        string In, string Out, DType? DType, MemoryOrder? Order, string Casting, bool Force, string? Delimiter, bool Header, bool AllowPickle)
    {
        /// <summary>The CSV layout the options describe.</summary>
        /// <exception cref="UsageException">
        /// A delimiter that is not one character or with no CSV file to apply to, or --header for an input that is not CSV.
        /// </exception>
        public CsvOptions Csv(FileSpec source, FileSpec target)
        {
            if (Header && source.Format != FileFormat.Csv)
                throw new UsageException($"--header describes a CSV input; {PythonRepr.Repr(source.Path)} is not one");
            if (Delimiter is not null && source.Format != FileFormat.Csv && target.Format != FileFormat.Csv)
                throw new UsageException("--delimiter applies to CSV files; neither IN nor OUT is one");
            return new CsvOptions(Delimiter is null ? ',' : CsvOptions.ParseDelimiter(Delimiter), Header);
        }
    }

    private static int Run(CliContext context, Request request)
    {
        var source = FileSpec.ParseInput(request.In);
        var target = FileSpec.ParseOutput(request.Out);
        var csv = request.Csv(source, target);
        // Only a regular file can be updated: a pipe or device named FILE.npz cannot be read back and rewritten.
        bool intoArchive = target is { Format: FileFormat.Npz, Member: not null } && FileStatus.Of(target.Path).Kind == FileKindOnDisk.Regular;
        // Refuse before reading anything, so a large input is not converted only to be thrown away.
        if (!request.Force && !intoArchive && File.Exists(target.Path))
            throw new InputException($"{PythonRepr.Repr(target.Path)} already exists; use --force to replace it");

        if (source.Format == FileFormat.Csv)
        {
            WarmUpWhileReading();
            if (target.Format == FileFormat.Npy && request.DType is null && request.Order is null)
            {
                // A pipe or a device cannot be written at positions: it gets the array read whole, as any input.
                AtomicFile.Write(target.Path, 0, file => StreamCsvToNpy(context, source.Path, csv, request.AllowPickle, file),
                    stream => WriteWhole(stream, source, target, csv, request.AllowPickle), overwrite: request.Force);
                return CommandLine.Ok;
            }
        }
        using var array = ArraySource.Open(source, csv, request.AllowPickle);
        using var converted = Convert(array, request.DType, request.Order, request.Casting);
        var result = converted ?? array;
        if (target.Format != FileFormat.Csv && !request.AllowPickle)
            ObjectArrays.ThrowIfAny(result);
        using var bar = ProgressBar.For(context, result.NBytes, $"writing {PythonRepr.Repr(Path.GetFileName(target.Path))}");
        if (intoArchive)
            NpzMemberUpdate.Write(target.Path, target.Member!, result, request.Force, request.AllowPickle, bar is null ? null : bar.Report);
        else
            AtomicFile.Write(target.Path, stream => Write(stream, target, result, csv, bar), overwrite: request.Force);
        return CommandLine.Ok;
    }

    /// <summary>
    /// Parses the CSV at <paramref name="csvPath"/> into the .npy <paramref name="file"/>, each batch written as it
    /// joins (<see cref="CsvNpyTable"/>); a table of strings is read whole and then written. The progress bar, when
    /// there is one, follows the CSV's bytes, parsing and writing being one.
    /// </summary>
    private static void StreamCsvToNpy(CliContext context, string csvPath, CsvOptions csv, bool allowPickle, SafeFileHandle file)
    {
        NDArray? strings;
        try
        {
            strings = InputFiles.Read(csvPath, () =>
            {
                long total = Math.Max(1, new FileInfo(csvPath).Length);
                using var bar = ProgressBar.For(context, total, $"converting {PythonRepr.Repr(Path.GetFileName(csvPath))}");
                return CsvNpyTable.TryWrite(csvPath, csv, file, bar is null ? null : bytes => bar.Report((double)bytes / total));
            });
        }
        catch (CsvOutputException e)
        {
            // The output's own failure, told as the non-streamed write tells it, not as a problem of the input.
            ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
        if (strings is null)
            return;
        using (strings)
        {
            if (!allowPickle)
                ObjectArrays.ThrowIfAny(strings);
            if (NpyWriter.IsPickled(strings.DType))
            {
                // Text beside an integer past int64 makes an object table, which goes out pickled, as any array of
                // objects; made in memory first, like every pickle, so a failure leaves the file untouched.
                using var pickled = new MemoryStream();
                NpyWriter.Write(pickled, strings);
                RandomAccess.Write(file, pickled.GetBuffer().AsSpan(0, checked((int)pickled.Length)), 0);
                RandomAccess.SetLength(file, pickled.Length);
                return;
            }
            var header = NpyWriter.Header(strings);
            NpyWriter.Write(file, strings, header);
            RandomAccess.SetLength(file, header.Length + strings.NBytes);
        }
    }

    private static void WriteWhole(Stream stream, FileSpec source, FileSpec target, CsvOptions csv, bool allowPickle)
    {
        using var array = ArraySource.Open(source, csv, allowPickle);
        if (!allowPickle)
            ObjectArrays.ThrowIfAny(array);
        Write(stream, target, array, csv, bar: null);
    }

    /// <summary>
    /// Sets up, on another thread while a CSV is parsed, what the table's array and its .npy write first use: the
    /// library's dtype tables and the writer's code. On one thread they ran only after the parse, about 20 ms of
    /// type initialisation and compilation a parse on all cores waits for (measured on a 100 MB CSV).
    /// </summary>
    private static void WarmUpWhileReading() => Task.Run(static () =>
    {
        using var row = np.frombuffer(new long[2], np.float64).Reshape(1, 2);
        np.save(Stream.Null, row);
    });

    /// <summary>The cast or re-laid-out array, or null when the input goes out unchanged.</summary>
    private static NDArray? Convert(NDArray array, DType? dtype, MemoryOrder? order, string casting)
    {
        if (dtype is null && order is null)
            return null;
        return array.AsType(dtype ?? array.DType, order ?? MemoryOrder.K, casting);
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
