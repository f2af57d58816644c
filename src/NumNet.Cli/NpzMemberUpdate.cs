using System.IO.Compression;
using NumNet.Formatting;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// Writes one named array into an existing .npz archive: that member is added, or replaced when <c>--force</c> allows,
/// and every other member is kept byte for byte, compressed data included.
/// </summary>
/// <remarks>
/// The old archive is read once, through one open handle: it is checked as an .npz, then its bytes are copied into the
/// replacement that <see cref="AtomicFile"/> renames into place only when complete, so any failure leaves the old
/// archive as it was. The zip library's update mode copies the compressed bytes of members it does not touch rather
/// than inflating and deflating them again.
/// </remarks>
internal static class NpzMemberUpdate
{
    /// <summary>Adds or replaces the member <paramref name="name"/> of the archive at <paramref name="path"/>.</summary>
    /// <param name="path">An existing regular file that must be a valid .npz archive.</param>
    /// <param name="name">The member's name as NumPy's <c>files</c> lists it (stored with a <c>.npy</c> suffix).</param>
    /// <param name="array">The array to store.</param>
    /// <param name="replace">Whether a member of that name may be replaced.</param>
    /// <param name="allowPickle">Whether an object array may be stored, as NumPy stores it: a Python pickle.</param>
    /// <param name="progress">Reports the fraction of the new member written, or null.</param>
    /// <exception cref="InputException">The file is not a valid .npz, or it has the member and <paramref name="replace"/> is false.</exception>
    public static void Write(string path, string name, NDArray array, bool replace, bool allowPickle, Action<double>? progress)
    {
        NpyWriter.Validate(array, allowPickle);
        string entryName = name + ".npy";
        using var old = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        bool compress = Inspect(old, path, name, entryName, replace);
        AtomicFile.Write(path, stream =>
        {
            old.Position = 0;
            old.CopyTo(stream);
            stream.Position = 0;
            Rewrite(stream, path, entryName, array, compress, progress);
        });
    }

    /// <summary>Checks the archive and the name; returns whether the new member should be compressed.</summary>
    private static bool Inspect(FileStream old, string path, string name, string entryName, bool replace)
    {
        try
        {
            using var npz = new NpzFile(old, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{PythonRepr.Repr(path)} cannot take a new member: {e.Message}", e);
        }
        old.Position = 0;
        using var zip = new ZipArchive(old, ZipArchiveMode.Read, leaveOpen: true, ZipNames.LegacyEncoding);
        var same = zip.Entries.Where(e => IsNamed(e, entryName)).ToList();
        if (same.Count > 0 && !replace)
            throw new InputException($"{PythonRepr.Repr(path)} already has a member {PythonRepr.Repr(name)}; use --force to replace it");
        // A replaced member keeps its compression; a new one follows the archive (savez_compressed compresses all).
        var model = same.Count > 0 ? same : zip.Entries.ToList();
        return model.Any(IsCompressed);
    }

    private static void Rewrite(Stream stream, string path, string entryName, NDArray array, bool compress, Action<double>? progress)
    {
        try
        {
            // The default name encoding, unlike the check's code page 437: untouched members keep the name bytes they
            // have, and a new name outside code page 437 is written as UTF-8 with the flag that says so, as savez does.
            using var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true);
            foreach (var stale in zip.Entries.Where(e => IsNamed(e, entryName)).ToList())
                stale.Delete();
            var entry = zip.CreateEntry(entryName, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var member = entry.Open();
            NpyWriter.Write(progress is null ? member : new ProgressStream(member, array.NBytes, progress), array);
        }
        catch (InvalidDataException e)
        {
            // The file changed between the check and the copy; the replacement is abandoned and the file stays.
            throw new InputException($"{PythonRepr.Repr(path)} changed while it was being updated: {e.Message}", e);
        }
    }

    private static bool IsNamed(ZipArchiveEntry entry, string entryName) =>
        ZipNames.AsZipfileReadsIt(entry.FullName) == entryName;

    // Deflate never stores a member in exactly its own size (even a stored block adds framing), so equal lengths
    // mean the member was stored uncompressed.
    private static bool IsCompressed(ZipArchiveEntry entry) => entry.CompressedLength != entry.Length;
}
