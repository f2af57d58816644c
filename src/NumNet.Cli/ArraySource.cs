using NumNet.IO;

namespace NumNet.Cli;

/// <summary>Opens the array an input argument names; the caller disposes it, which closes whatever backs it.</summary>
internal static class ArraySource
{
    /// <summary>
    /// Opens <paramref name="spec"/>: a .npy is memory-mapped read-only (so a file larger than memory still converts),
    /// a .npz member is read into memory, a CSV is parsed.
    /// </summary>
    /// <param name="spec">The input argument.</param>
    /// <param name="csv">How a CSV input is laid out (comma-separated without a header when null).</param>
    /// <exception cref="UsageException">An .npz with several members and none named.</exception>
    public static NDArray Open(FileSpec spec, CsvOptions? csv = null)
    {
        switch (spec.Format)
        {
            case FileFormat.Npy:
                return np.load<NDArray>(spec.Path, mmap_mode: "r");
            case FileFormat.Csv:
                return CsvReader.Read(spec.Path, csv ?? CsvOptions.Default);
            default:
                using (var npz = np.load<NpzFile>(spec.Path))
                {
                    string member = spec.Member ?? (npz.Count == 1 ? npz.Files[0]
                        : throw new UsageException($"'{spec.Path}' holds {npz.Count} arrays ({string.Join(", ", npz.Files)}); name one as {spec.Path}:NAME"));
                    if (!npz.ContainsKey(member))
                        throw new KeyNotFoundException($"'{spec.Path}' has no member '{member}' (it has {string.Join(", ", npz.Files)})");
                    return npz[member];
                }
        }
    }
}
