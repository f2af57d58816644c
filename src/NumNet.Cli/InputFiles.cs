using NumNet.Formatting;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// A file the tool cannot use: missing, a directory, unreadable, damaged, hostile, or an output that may not be
/// replaced. Always exit code 1, with a message that names the file as Python's repr quotes it.
/// </summary>
internal sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The checks every command makes on the files it is given before reading them, so each problem is told in the
/// tool's words (never the runtime's "Access to the path ... is denied" with a machine path) and the same way by every
/// command.
/// </summary>
internal static class InputFiles
{
    /// <summary>Fails unless <paramref name="path"/> is a file that can be opened for reading.</summary>
    /// <exception cref="InputException">The file is missing, is a directory, or cannot be read.</exception>
    public static void CheckReadable(string path)
    {
        string quoted = PythonRepr.Repr(path);
        switch (FileStatus.Of(path).Kind)
        {
            case FileKindOnDisk.Missing:
                throw new InputException($"{quoted} does not exist");
            case FileKindOnDisk.Directory:
                throw new InputException($"{quoted} is a directory, not a file");
            case FileKindOnDisk.Special:
                // A pipe is not probed: opening it only to close it again could cost its writer the data.
                return;
            case FileKindOnDisk.Regular:
                break;
        }
        try
        {
            using var probe = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"{quoted} cannot be read: permission denied", e);
        }
        catch (IOException e)
        {
            throw new InputException($"{quoted} cannot be read: {CliMessage.Of(e)}", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> over the file <paramref name="path"/>, giving any failure that means "this file
    /// cannot be used" the file's name, in the tool's words.
    /// </summary>
    public static T Read<T>(string path, Func<T> read)
    {
        CheckReadable(path);
        try
        {
            return read();
        }
        // Everything the reading itself throws is about the file (a ragged CSV is NumPy's ArgumentException); a
        // usage problem or a missing .npz member is already told with the file's name and passes through.
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException
            or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            // The library names NumPy's keyword; the tool's user needs the option that sets it.
            string remedy = e is ArgumentException { ParamName: "allowPickle" } ? $" ({PickleOption.Name} reads it)" : "";
            throw new InputException($"{PythonRepr.Repr(path)}: {CliMessage.Of(e)}{remedy}", e);
        }
    }

    /// <summary>Fails when the folder that would hold <paramref name="path"/> does not exist.</summary>
    /// <exception cref="InputException">No such folder.</exception>
    public static void CheckFolderOf(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new InputException($"{PythonRepr.Repr(path)} cannot be written: its folder does not exist");
    }
}

/// <summary>An exception's message as the tool prints it: its own words only, one line.</summary>
internal static class CliMessage
{
    /// <summary>
    /// The message of <paramref name="e"/> without the " (Parameter 'name')" that .NET appends to an argument
    /// exception: the user never sees a .NET parameter name. Control characters are escaped, so it stays one line.
    /// </summary>
    public static string Of(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
                message = message[..^suffix.Length];
        }
        return MessageText.OneLine(message);
    }
}
