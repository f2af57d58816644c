using System.Text;

namespace NumNet.IO;

/// <summary>Member names as Python's <c>zipfile</c> reads them, so an archive lists the same names here as in NumPy.</summary>
internal static class ZipNames
{
    /// <summary>
    /// The encoding of names whose entry does not set the UTF-8 flag: code page 437, the zip format's original one and
    /// what zipfile uses (.NET's own default would be UTF-8).
    /// </summary>
    public static Encoding LegacyEncoding { get; } = CodePagesEncodingProvider.Instance.GetEncoding(437) ?? Encoding.Latin1;

    /// <summary>zipfile ends a name at its first NUL (a name is a C string to most zip tools).</summary>
    public static string AsZipfileReadsIt(string name)
    {
        int nul = name.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0 ? name[..nul] : name;
    }
}
