namespace NumNet.Tests;

/// <summary>Locations inside the repository, found from the test binaries' folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the first parent folder holding NumNet.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/conformance.</summary>
    public static string ConformanceDir => Path.Combine(Root, "tests", "conformance");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NumNet.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("cannot find the repository root (NumNet.slnx) above " + AppContext.BaseDirectory);
    }
}
