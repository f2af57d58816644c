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
    public static void Write(string path, Action<Stream> write, bool overwrite = true) =>
        Commit(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            write(stream);
            stream.Flush(flushToDisk: false);
        }, overwrite);

    /// <summary>
    /// Creates <paramref name="path"/> with exactly <paramref name="length"/> bytes that <paramref name="write"/> puts
    /// at their positions (<see cref="RandomAccess.Write(Microsoft.Win32.SafeHandles.SafeFileHandle, ReadOnlySpan{byte}, long)"/>).
    /// </summary>
    /// <remarks>
    /// The whole length is reserved before any byte is written: a full disk fails at once rather than after most of
    /// the data, and the file system can lay the file out in few extents instead of growing it write by write
    /// (measured on ext4: an 800 MB write took about a third less time).
    /// </remarks>
    /// <inheritdoc cref="Write(string, Action{Stream}, bool)"/>
    public static void Write(string path, long length, Action<Microsoft.Win32.SafeHandles.SafeFileHandle> write, bool overwrite = true) =>
        Commit(path, temp =>
        {
            using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                FileOptions.None, preallocationSize: length);
            write(handle);
        }, overwrite);

    // The temporary file sits beside the target, on the same file system, so the final rename is a metadata change and
    // never a copy.
    private static void Commit(string path, Action<string> create, bool overwrite)
    {
        string full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
            throw new IOException($"'{path}' already exists");
        string dir = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            create(temp);
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
