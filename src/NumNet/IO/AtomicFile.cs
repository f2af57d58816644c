namespace NumNet.IO;

/// <summary>
/// Writes a file through a temporary sibling that is renamed into place only once complete, so a failure (a bad
/// array, a full disk, a crash) never leaves a half-written file under the target name.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Creates <paramref name="path"/> with the content <paramref name="write"/> produces.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content; may throw, in which case nothing is left behind.</param>
    /// <param name="overwrite">When false, an existing target is an error (checked before and at the rename).</param>
    /// <exception cref="IOException">The target exists and <paramref name="overwrite"/> is false, or the write failed.</exception>
    public static void Write(string path, Action<Stream> write, bool overwrite = true)
    {
        string full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
            throw new IOException($"'{path}' already exists");
        string dir = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: false);
            }
            File.Move(temp, full, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a stray temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
