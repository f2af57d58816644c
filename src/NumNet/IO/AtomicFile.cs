using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NumNet.Formatting;

namespace NumNet.IO;

/// <summary>
/// Saves a file through a temporary sibling that is renamed into place only once complete, so a failure (a bad array,
/// a full disk, a crash, Ctrl+C) never leaves a half-written file under the target name. Saving writes the target
/// rather than replacing it with a stranger: a symbolic link is followed and the file it points to is written, the
/// replacement keeps the target's permission bits (and, where the system allows, its owner and group), and a target
/// that is read-only is refused as <c>open(file, "wb")</c> refuses it.
/// </summary>
/// <remarks>
/// A device, pipe or socket (<c>/dev/stdout</c>, a FIFO) is written in place, as NumPy writes it; there is no file to
/// rename over. Temporary names are <c>.NAME.PID.RANDOM.tmp</c> with NAME cut to 100 UTF-8 bytes, so any name a file
/// system accepts (255 bytes) can be saved.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Bytes of the target's name kept in its temporary file's name.</summary>
    private const int NameBytesKept = 100;

    /// <summary>Creates or replaces <paramref name="path"/> with the content <paramref name="write"/> produces.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content; may throw, in which case nothing is left behind.</param>
    /// <param name="overwrite">When false, an existing target is an error (checked before and at the rename).</param>
    /// <exception cref="IOException">The target exists and <paramref name="overwrite"/> is false, is a directory, or the write failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The target is read-only, or its folder cannot be written.</exception>
    /// <exception cref="OperationCanceledException">A signal (SIGINT, SIGTERM, SIGHUP) interrupted the save; the target is as it was.</exception>
    public static void Write(string path, Action<Stream> write, bool overwrite = true) =>
        Save(path, overwrite, 0, 1 << 16, file => write(file), write);

    /// <summary>
    /// Creates or replaces <paramref name="path"/> with exactly <paramref name="length"/> bytes that
    /// <paramref name="write"/> puts at their positions (<see cref="RandomAccess"/>); <paramref name="sequential"/>
    /// writes the same bytes in order, for a target that is a pipe or a device.
    /// </summary>
    /// <remarks>
    /// The whole length is reserved before any byte is written: a full disk fails at once rather than after most of
    /// the data, and the file system can lay the file out in few extents instead of growing it write by write
    /// (measured on ext4: an 800 MB write took about a third less time).
    /// </remarks>
    /// <inheritdoc cref="Write(string, Action{Stream}, bool)"/>
    public static void Write(string path, long length, Action<SafeFileHandle> write, Action<Stream> sequential, bool overwrite = true) =>
        Save(path, overwrite, length, 0, file => write(file.SafeFileHandle), sequential);

    private static void Save(string path, bool overwrite, long preallocate, int bufferSize, Action<FileStream> fill, Action<Stream> sequential)
    {
        ArgumentNullException.ThrowIfNull(path);
        string target = RealTarget(Path.GetFullPath(path));
        var status = FileStatus.Of(target);
        switch (status.Kind)
        {
            case FileKindOnDisk.Missing:
                break;
            case FileKindOnDisk.Directory:
                throw new IOException(Invariant($"{Quoted(path)} is a directory"));
            case FileKindOnDisk.Special:
                if (!overwrite)
                    throw Exists(path);
                WriteInPlace(target, sequential);
                return;
            case FileKindOnDisk.Regular:
                if (!overwrite)
                    throw Exists(path);
                RefuseReadOnly(path, target, status);
                break;
        }
        Replace(target, status, overwrite, preallocate, bufferSize, fill);
    }

    // The temporary file sits beside the real target, on the same file system, so the final rename is a metadata
    // change and never a copy.
    private static void Replace(string target, FileStatus status, bool overwrite, long preallocate, int bufferSize, Action<FileStream> fill)
    {
        string temp = Path.Combine(Path.GetDirectoryName(target) ?? ".", TempName(Path.GetFileName(target)));
        var pending = PendingTempFiles.Add(temp);
        var replaced = default(ReplacedFile);
        bool moved = false;
        try
        {
            using (var file = CreateTemp(temp, status, preallocate, bufferSize))
            {
                fill(file);
                file.Flush(flushToDisk: false);
            }
            ThrowIfInterrupted(pending, null);
            // Held from just before the rename, so the save holds nothing open while it writes. A missing target's
            // length is 0, which holds nothing.
            replaced = ReplacedFile.Hold(target, status.Length);
            File.Move(temp, target, overwrite);
            moved = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PendingTempFiles.TryDelete(temp);
            ThrowIfInterrupted(pending, e);
            throw;
        }
        catch
        {
            PendingTempFiles.TryDelete(temp);
            throw;
        }
        finally
        {
            PendingTempFiles.Remove(pending);
            if (moved)
                replaced.ReleaseLater();
            else
                replaced.ReleaseNow();
        }
    }

    private static FileStream CreateTemp(string temp, FileStatus status, long preallocate, int bufferSize)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = bufferSize,
            PreallocationSize = preallocate,
        };
        bool replacing = status.Kind == FileKindOnDisk.Regular;
        // Private until it has the target's owner and mode, so a 0600 target's data is never readable by others.
        if (replacing && !OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(temp, options);
        try
        {
            if (replacing && !OperatingSystem.IsWindows())
            {
                status.TryGiveOwnerTo(file.SafeFileHandle);
                // After the owner: changing it clears the set-user and set-group bits.
                File.SetUnixFileMode(file.SafeFileHandle, status.Mode);
            }
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void WriteInPlace(string target, Action<Stream> sequential)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
        sequential(stream);
    }

    private static void RefuseReadOnly(string path, string target, FileStatus status)
    {
        // The owner's write bit, even for root (who could open anything): a file marked read-only was marked so by
        // someone who wanted it kept, and replacing it would bypass the mark without a word.
        bool marked = !OperatingSystem.IsWindows() && (status.Mode & UnixFileMode.UserWrite) == 0;
        if (marked)
            throw new UnauthorizedAccessException(Invariant($"{Quoted(path)} is read-only; make it writable (chmod u+w) to replace it"));
        // Access the mode bits do not show (another owner, an ACL, a read-only mount) is what opening it says.
        using var probe = File.OpenHandle(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    private static void ThrowIfInterrupted(PendingTempFiles.Pending pending, Exception? cause)
    {
        if (pending.InterruptedBy is { } signal)
            throw new OperationCanceledException(Invariant($"the save was interrupted by {signal}; the target was left as it was"), cause);
    }

    private static string RealTarget(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (FileNotFoundException)
        {
            return full;
        }
    }

    /// <summary>A hidden sibling name at most 1 + 100 + 1 + 10 + 1 + 8 + 4 bytes long, however long the target's is.</summary>
    internal static string TempName(string fileName)
    {
        string kept = Truncate(fileName, NameBytesKept);
        return string.Create(CultureInfo.InvariantCulture, $".{kept}.{Environment.ProcessId}.{Random.Shared.Next():x8}.tmp");
    }

    private static string Truncate(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
            return name;
        var sb = new StringBuilder();
        int bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
                break;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    private static IOException Exists(string path) => new(Invariant($"{Quoted(path)} already exists"));

    private static string Quoted(string path) => PythonRepr.Repr(path);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
