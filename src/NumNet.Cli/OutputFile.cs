namespace NumNet.Cli;

/// <summary>
/// Creates an output file all at once: the content goes to a hidden temporary file beside the target, which is
/// renamed over it only when complete. A failure, a damaged input or an interrupted run leaves no partial output.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    /// <exception cref="IOException">The target exists and <paramref name="force"/> is false, or the write failed.</exception>
    public static void Write(string path, bool force, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        if (!force && (File.Exists(full) || Directory.Exists(full)))
            throw new IOException($"'{path}' already exists; use --force to replace it");
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
                write(stream);
            File.Move(temp, full, overwrite: force);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The first error is the one to report.
            }
            throw;
        }
    }
}
