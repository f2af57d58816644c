namespace NumNet.Differential;

/// <summary>
/// Where the oracle and the corpus are. The oracle lives outside the repository, in <c>shared/conformance/oracle</c>
/// beside the repository's root folder; <c>NUMNET_ORACLE</c> (the path of serve.py) and <c>NUMNET_ORACLE_PYTHON</c>
/// override the defaults, as do the command line's <c>--oracle</c> and <c>--python</c>.
/// </summary>
public static class OracleLocation
{
    /// <summary>Debian's interpreter, which has NumPy 1.24 (the pyenv one first on PATH does not).</summary>
    public const string DefaultPython = "/usr/bin/python3";

    /// <summary>The repository root: the first folder holding NumNet.slnx above the binaries, else above the current folder.</summary>
    public static string? RepoRoot() => FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory());

    /// <summary>The serve.py to use: the explicit path, else NUMNET_ORACLE, else ../shared/conformance/oracle/serve.py from the root.</summary>
    public static string ServePath(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
            return Path.GetFullPath(explicitPath);
        if (Environment.GetEnvironmentVariable("NUMNET_ORACLE") is { Length: > 0 } fromEnv)
            return Path.GetFullPath(fromEnv);
        string root = RepoRoot() ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "oracle", "serve.py"));
    }

    /// <summary>The Python to run it with: the explicit path, else NUMNET_ORACLE_PYTHON, else /usr/bin/python3.</summary>
    public static string Python(string? explicitPath) =>
        !string.IsNullOrEmpty(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable("NUMNET_ORACLE_PYTHON") is { Length: > 0 } fromEnv ? fromEnv
        : DefaultPython;

    /// <summary>tests/conformance, where found-*.json files go.</summary>
    public static string CorpusDir() =>
        Path.Combine(RepoRoot() ?? throw new DirectoryNotFoundException("cannot find the repository root (NumNet.slnx)"), "tests", "conformance");

    private static string? FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NumNet.slnx")))
            dir = dir.Parent;
        return dir?.FullName;
    }
}
