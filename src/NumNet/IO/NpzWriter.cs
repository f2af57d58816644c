using System.IO.Compression;
using NumNet.Formatting;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>Writes named arrays as the <c>.npy</c> members of a zip archive (NumPy's <c>savez</c> family).</summary>
internal static class NpzWriter
{
    /// <summary>Checks names and arrays before anything is written.</summary>
    /// <exception cref="ArgumentException">A null or empty name, or a name given twice.</exception>
    /// <exception cref="NotSupportedException">An object array holding an element NumNet cannot pickle.</exception>
    public static void Validate(IReadOnlyList<(string Name, NDArray Array)> members)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, array) in members)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("every array in an .npz needs a non-empty name", nameof(members));
            if (!seen.Add(name))
                throw new ArgumentException(Invariant($"the name {PythonRepr.Repr(name)} is given to more than one array"), nameof(members));
            NpyWriter.Validate(array, allowPickle: true);
            // A later member that cannot be pickled must not leave earlier members half an archive in the stream.
            if (NpyWriter.IsPickled(array.DType))
                Pickle.NumPyPickle.Validate(array);
        }
    }

    /// <summary>Writes the archive to <paramref name="stream"/>, leaving it open.</summary>
    /// <param name="stream">Where the archive goes.</param>
    /// <param name="members">The names and arrays.</param>
    /// <param name="compress">Deflate the members.</param>
    /// <param name="validated">True when the caller has just run <see cref="Validate"/> on these members.</param>
    public static void Write(Stream stream, IReadOnlyList<(string Name, NDArray Array)> members, bool compress, bool validated = false)
    {
        if (!validated)
            Validate(members);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in members)
        {
            var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var member = entry.Open();
            NpyWriter.Write(member, array);
        }
    }

    /// <summary>NumPy's names for arrays given by position: arr_0, arr_1, ….</summary>
    public static (string, NDArray)[] Positional(NDArray[] arrays) =>
        arrays.Select((a, i) => (Invariant($"arr_{i}"), a)).ToArray();
}
