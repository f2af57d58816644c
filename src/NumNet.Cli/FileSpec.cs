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
    /// <summary>Splits <paramref name="text"/> into path and member and recognises the format.</summary>
    /// <exception cref="UsageException">An extension the tool does not handle.</exception>
    public static FileSpec Parse(string text)
    {
        string path = text;
        string? member = null;
        int colon = text.LastIndexOf(".npz:", StringComparison.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            path = text[..(colon + 4)];
            member = text[(colon + 5)..];
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
