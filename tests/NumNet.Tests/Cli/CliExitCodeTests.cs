using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// The one exit-code rule (0 success, 1 bad input, 2 usage), the same for every command, and messages in the tool's
/// own words: one line, the bad value quoted as Python's repr, no .NET parameter or type names.
/// </summary>
public sealed class CliExitCodeTests
{
    private static (int Code, string Out, string Err) Numnet(params string[] args) => CliProcess.InProcess(args);

    /// <summary>A folder with a good .npy (a.npy), a directory (dir, dir.npy), a damaged .npz and a good archive.</summary>
    private static TempDir Workspace()
    {
        var dir = new TempDir();
        using (var a = np.arange(6).Reshape(2, 3))
            np.save(dir.File("a.npy"), a);
        using (var f = np.asarray(new[] { 0.5, 1.5 }))
            np.save(dir.File("f.npy"), f);
        Directory.CreateDirectory(dir.File("dir"));
        Directory.CreateDirectory(dir.File("dir.npy"));
        File.WriteAllText(dir.File("junk.npz"), "not a zip archive");
        File.WriteAllText(dir.File("junk.npy"), "not an array");
        File.WriteAllText(dir.File("exists.npy"), "keep me");
        File.WriteAllText(dir.File("ragged.csv"), "1,2\n3\n");
        using (var x = np.arange(3))
            np.savez(dir.File("w.npz"), ("x", x));
        return dir;
    }

    private static string[] Args(TempDir dir, string[] template) =>
        template.Select(t => t.StartsWith('@') ? dir.File(t[1..]) : t).ToArray();

    private static void AssertInOwnWords(string err)
    {
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("numnet", err);
        foreach (var leak in new[] { "(Parameter", "System.", "Nullable", "Exception", "\\n\\t", " at ", "Access to the path", "Could not find" })
            Assert.DoesNotContain(leak, err);
    }

    // '@name' is a file in the workspace. Every row of the rule in README's numnet section and numnet --help.
    [Theory]
    // 0: success.
    [InlineData(0, "", "show", "@a.npy")]
    [InlineData(0, "", "convert", "@a.npy", "@b.npy")]
    [InlineData(0, "", "convert", "@a.npy", "@exists.npy", "--force")]
    // 1: a file that is missing, a directory, damaged, not an .npz to add to; a forbidden cast; an existing output.
    [InlineData(1, "missing.npy' does not exist", "show", "@missing.npy")]
    [InlineData(1, "missing.npy' does not exist", "convert", "@missing.npy", "@b.npy")]
    [InlineData(1, "dir' is a directory, not a file", "show", "@dir")]
    [InlineData(1, "dir' is a directory, not a file", "convert", "@dir", "@b.npy")]
    [InlineData(1, "dir.npy' is a directory, not a file", "show", "@dir.npy")]
    [InlineData(1, "dir.npy' is a directory, not a file", "convert", "@dir.npy", "@b.npy")]
    [InlineData(1, "dir' is a directory, not a file", "convert", "@a.npy", "@dir")]
    [InlineData(1, "dir.npy' is a directory, not a file", "convert", "@a.npy", "@dir.npy", "--force")]
    [InlineData(1, "junk.npz': neither a .npy file nor a .npz archive", "show", "@junk.npz")]
    [InlineData(1, "junk.npz': neither a .npy file nor a .npz archive", "convert", "@junk.npz", "@b.npy")]
    [InlineData(1, "junk.npy': ", "convert", "@junk.npy", "@b.npy")]
    [InlineData(1, "junk.npz' cannot take a new member: not a valid .npz", "convert", "@a.npy", "@junk.npz:x")]
    [InlineData(1, "w.npz' has no member 'nope' (it has 'x')", "convert", "@w.npz:nope", "@b.npy")]
    [InlineData(1, "same_kind", "convert", "@f.npy", "@b.npy", "--dtype", "int8")]
    [InlineData(1, "exists.npy' already exists; use --force to replace it", "convert", "@a.npy", "@exists.npy")]
    [InlineData(1, "already has a member 'x'; use --force to replace it", "convert", "@a.npy", "@w.npz:x")]
    [InlineData(1, "cannot be written: its folder does not exist", "convert", "@a.npy", "@nowhere/b.npy")]
    // 2: an unknown command or option, a malformed option value, a missing argument.
    [InlineData(2, "numnet: unknown command 'frobnicate'", "frobnicate")]
    [InlineData(2, "unknown option '--bogus'", "convert", "@a.npy", "@b.npy", "--bogus")]
    [InlineData(2, "unexpected argument 'extra'", "show", "@a.npy", "extra")]
    [InlineData(2, "missing FILE", "show")]
    [InlineData(2, "missing OUT", "convert", "@a.npy")]
    [InlineData(2, "--dtype needs a value", "convert", "@a.npy", "@b.npy", "--dtype")]
    [InlineData(2, "--dtype: data type 'nonsense' not understood", "convert", "@a.npy", "@b.npy", "--dtype", "nonsense")]
    [InlineData(2, "--dtype 'M8[xx]': ", "convert", "@a.npy", "@b.npy", "--dtype", "M8[xx]")]
    [InlineData(2, "--threshold 'abc' is not a whole number", "show", "@a.npy", "--threshold", "abc")]
    [InlineData(2, "--threshold '-3' must not be negative", "show", "@a.npy", "--threshold", "-3")]
    [InlineData(2, "--threshold '99999999999999999999' is not a whole number from 0 to 9223372036854775807", "show", "@a.npy", "--threshold", "99999999999999999999")]
    [InlineData(1, "ragged.csv': ", "convert", "@ragged.csv", "@b.npy")]
    [InlineData(2, "--order 'K' is not one of 'C', 'F'", "convert", "@a.npy", "@b.npy", "--order", "K")]
    [InlineData(2, "--casting 'sometimes' is not one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe'", "convert", "@a.npy", "@b.npy", "--casting", "sometimes")]
    [InlineData(2, "'a.npz:' names no member after the colon", "convert", "@a.npy", "a.npz:")]
    [InlineData(2, "is not a .npy, .npz or .csv file", "convert", "@a.npy", "@b.txt")]
    [InlineData(2, "name one as FILE.npz:NAME", "convert", "@two.npz", "@b.npy")]
    public void Every_path_of_the_exit_code_rule(int expected, string message, params string[] template)
    {
        using var dir = Workspace();
        using (var x = np.arange(2))
        using (var y = np.arange(3))
            np.savez(dir.File("two.npz"), ("x", x), ("y", y));
        var (code, _, err) = Numnet(Args(dir, template));
        Assert.True(expected == code, $"exit {code}, expected {expected}: {err}");
        if (expected == 0)
        {
            Assert.Equal("", err);
            return;
        }
        AssertInOwnWords(err);
        Assert.Contains(message, err);
    }

    [Fact]
    public void Unreadable_file_is_bad_input_in_own_words()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
            return; // root reads any file whatever its mode, so there is nothing to refuse
        using var dir = Workspace();
        File.SetUnixFileMode(dir.File("a.npy"), UnixFileMode.None);
        var (code, _, err) = Numnet("show", dir.File("a.npy"));
        Assert.Equal(1, code);
        AssertInOwnWords(err);
        Assert.Contains("cannot be read: permission denied", err);
    }

    [Fact]
    public void Help_and_readme_state_the_same_rule()
    {
        var (code, output, _) = Numnet("--help");
        Assert.Equal(0, code);
        string normalizedHelp = string.Join(' ', output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        string rule = string.Join(' ', CommandLine.ExitCodes.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(rule, normalizedHelp);
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        string normalizedReadme = string.Join(' ', readme.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(rule, normalizedReadme);
        var (_, convertHelp, _) = Numnet("convert", "--help");
        Assert.Contains("keeping the others", convertHelp);
        Assert.Contains("replace the member NAME", convertHelp);
    }

    [Fact]
    public void A_twenty_digit_csv_integer_becomes_float64_as_genfromtxt_does_never_a_pickle_error()
    {
        // The CSV reader reads an integer past uint64 as a float (NumPy's genfromtxt and loadtxt do the same), so no
        // object column reaches the .npy writer (which would need --allow-pickle for one).
        using var dir = new TempDir();
        File.WriteAllText(dir.File("big.csv"), "1,2,3\n4,123456789012345678901,6\n");
        var (code, _, err) = Numnet("convert", dir.File("big.csv"), dir.File("big.npy"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("pickl", err);
        using var loaded = np.load<NDArray>(dir.File("big.npy"));
        Assert.Equal(np.float64, loaded.DType);
        Assert.Equal(123456789012345678901.0, loaded.GetItem<double>(1, 1));
    }
}
