using NumNet.Formatting;

namespace NumNet.Cli;

/// <summary>Opens the array an input argument names; the caller disposes it, which closes whatever backs it.</summary>
internal static class ArraySource
{
    /// <summary>
    /// Opens <paramref name="spec"/>: a .npy or a .npz member is read into memory, a CSV is parsed.
    /// </summary>
    /// <remarks>
    /// Never memory-mapped: a mapped file that another program truncates (NumPy's <c>np.save</c> rewrites a file in
    /// place) kills the process with SIGBUS on the next touch of a lost page. Read into memory, the same truncation is a
    /// short read, reported as a truncated file.
    /// </remarks>
    /// <param name="spec">The input argument.</param>
    /// <param name="csv">How a CSV input is laid out (comma-separated without a header when null).</param>
    /// <param name="allowPickle">Whether an object array, stored as a Python pickle, may be read (NumPy's allow_pickle).</param>
    /// <exception cref="UsageException">An .npz with several members and none named.</exception>
    /// <exception cref="InputException">A missing, unreadable or damaged file, or an .npz without any member.</exception>
    /// <exception cref="KeyNotFoundException">The .npz has no member of the name given.</exception>
    /// <exception cref="ArgumentException">The array is pickled and <paramref name="allowPickle"/> is false.</exception>
    public static NDArray Open(FileSpec spec, CsvOptions? csv = null, bool allowPickle = false) =>
        InputFiles.Read(spec.Path, () => Read(spec, csv, allowPickle));

    private static NDArray Read(FileSpec spec, CsvOptions? csv, bool allowPickle)
    {
        switch (spec.Format)
        {
            case FileFormat.Npy:
                return np.load<NDArray>(spec.Path, allowPickle: allowPickle);
            case FileFormat.Csv:
                return CsvReader.Read(spec.Path, csv ?? CsvOptions.Default);
            default:
                using (var npz = np.load<NpzFile>(spec.Path, allowPickle: allowPickle))
                    return npz[Member(spec, npz)];
        }
    }

    private static string Member(FileSpec spec, NpzFile npz)
    {
        string path = PythonRepr.Repr(spec.Path);
        if (spec.Member is { } named)
        {
            return npz.ContainsKey(named) ? named
                : throw new KeyNotFoundException($"{path} has no member {PythonRepr.Repr(named)} (it has {Names(npz)})");
        }
        return npz.Files.Count switch
        {
            0 => throw new InvalidDataException($"{path} holds no arrays"),
            1 => npz.Files[0],
            _ => throw new UsageException($"{path} holds {npz.Files.Count} arrays ({Names(npz)}); name one as FILE.npz:NAME"),
        };
    }

    private static string Names(NpzFile npz) => string.Join(", ", npz.Files.Select(PythonRepr.Repr));
}
