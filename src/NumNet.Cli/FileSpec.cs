using NumNet.Formatting;

namespace NumNet.Cli;

/// <summary>The kinds of file the tool reads and writes, told apart by extension.</summary>
internal enum FileFormat
{
    /// <summary>A .npy array.</summary>
    Npy,

    /// <summary>A member of a .npz archive.</summary>
    Npz,

    /// <summary>Comma-separated text.</summary>
    Csv,
}

/// <summary>A file argument: a path, its format, and for .npz the member (written <c>file.npz:name</c>).</summary>
internal sealed record FileSpec(string Path, FileFormat Format, string? Member)
{
    /// <summary>
    /// <see cref="Parse"/> for a file to be read, checked first: a file that is missing, a directory or unreadable is
    /// bad input whatever its name, the same as <c>show</c> finds it.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read.</exception>
    /// <exception cref="UsageException">An extension the tool does not handle.</exception>
    public static FileSpec ParseInput(string text)
    {
        InputFiles.CheckReadable(PathOf(text));
        return Parse(text);
    }

    /// <summary><see cref="Parse"/> for a file to be written; a directory there is bad input, whatever its name.</summary>
    /// <exception cref="InputException">A directory, or a path whose folder does not exist.</exception>
    /// <exception cref="UsageException">An extension the tool does not handle.</exception>
    public static FileSpec ParseOutput(string text)
    {
        string path = PathOf(text);
        if (Directory.Exists(path))
            throw new InputException($"{PythonRepr.Repr(path)} is a directory, not a file");
        var spec = Parse(text);
        InputFiles.CheckFolderOf(spec.Path);
        return spec;
    }

    // The path part of FILE.npz:NAME, or the whole text.
    private static string PathOf(string text)
    {
        int colon = text.LastIndexOf(".npz:", StringComparison.OrdinalIgnoreCase);
        return colon >= 0 ? text[..(colon + 4)] : text;
    }

    /// <summary>Splits <paramref name="text"/> into path and member and recognises the format.</summary>
    /// <exception cref="UsageException">An extension the tool does not handle.</exception>
    public static FileSpec Parse(string text)
    {
        string path = PathOf(text);
        string? member = null;
        if (path.Length < text.Length)
        {
            member = text[(path.Length + 1)..];
            if (member.Length == 0)
                throw new UsageException($"{PythonRepr.Repr(text)} names no member after the colon");
        }
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var format = ext switch
        {
            ".npy" => FileFormat.Npy,
            ".npz" => FileFormat.Npz,
            ".csv" => FileFormat.Csv,
            _ => throw new UsageException($"{PythonRepr.Repr(text)} is not a .npy, .npz or .csv file"),
        };
        return new FileSpec(path, format, member);
    }
}
