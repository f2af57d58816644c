using System.Globalization;
using System.IO.Compression;
using NumNet.Cli;
using NumNet.Tests.IO;
using NumNet.Tests.Reliability;

namespace NumNet.Tests.Cli;

/// <summary>
/// The numnet tool and the files it reads and writes: inputs rewritten under it, interrupts, targets with permissions,
/// links and long names, names and text that must not reach the terminal raw, and cultures.
/// </summary>
public sealed class CliFileTests
{
    private static (int Code, string Out, string Err) Numnet(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static void AssertOneCleanLine(string err)
    {
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain('\u001b', err);
        Assert.DoesNotContain(" at ", err);
    }

    private static string Input(TempDir dir, string name = "in.npy")
    {
        string path = dir.File(name);
        using var a = np.arange(12).Reshape(3, 4);
        np.save(path, a);
        return path;
    }

    private static string[] TempFiles(TempDir dir) => Directory.GetFiles(dir.Path, "*.tmp");

    [Fact]
    public void Convert_of_an_empty_npz_is_bad_input_not_usage()
    {
        using var dir = new TempDir();
        np.savez(dir.File("empty.npz"), Array.Empty<NDArray>());
        var (code, _, err) = Numnet("convert", dir.File("empty.npz"), dir.File("o.npy"));
        Assert.Equal(1, code);
        AssertOneCleanLine(err);
        Assert.Contains("holds no arrays", err);
        Assert.False(File.Exists(dir.File("o.npy")));
    }

    [Fact]
    public void Member_names_are_quoted_as_python_repr()
    {
        using var dir = new TempDir();
        string archive = dir.File("names.npz");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "a\nnumnet show: forged.npy", "\u001b[31mred\u0007.npy" })
            {
                using var s = zip.CreateEntry(name).Open();
                using var a = np.arange(3);
                np.save(s, a);
            }
        }
        var (code, output, err) = Numnet("show", archive);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("\n['a\\nnumnet show: forged']\n", output);
        Assert.Contains("\n['\\x1b[31mred\\x07']\n", output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain("\nnumnet show", output);

        (code, _, err) = Numnet("convert", archive + ":x\u001b[2J\nforged", dir.File("o.npy"));
        Assert.Equal(1, code);
        AssertOneCleanLine(err);
        Assert.Contains("'x\\x1b[2J\\nforged'", err);
        Assert.Contains("'a\\nnumnet show: forged'", err);

        // Several members and none named: a usage error, still one line.
        (code, _, err) = Numnet("convert", archive, dir.File("o.npy"));
        Assert.Equal(2, code);
        AssertOneCleanLine(err);
    }

    [Fact]
    public void Convert_writes_through_a_link_and_keeps_a_private_mode()
    {
        using var dir = new TempDir();
        string input = Input(dir);
        string real = dir.File("real.npy"), link = dir.File("link.npy");
        File.WriteAllText(real, "stale");
        File.CreateSymbolicLink(link, real);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, Numnet("convert", input, link, "--force").Code);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        using (var a = np.load<NDArray>(real))
            Assert.Equal(12, a.Size);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(real));
        Assert.Empty(TempFiles(dir));
    }

    [Fact]
    public void Convert_refuses_a_read_only_target()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempDir();
        string input = Input(dir);
        string target = dir.File("kept.npy");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (code, _, err) = Numnet("convert", input, target, "--force");
        Assert.Equal(1, code);
        AssertOneCleanLine(err);
        Assert.Contains("read-only", err);
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Empty(TempFiles(dir));
    }

    [Fact]
    public void A_250_byte_name_converts_and_shows()
    {
        using var dir = new TempDir();
        string input = Input(dir);
        string target = dir.File(new string('n', 246) + ".npz");
        var (code, _, err) = Numnet("convert", input, target + ":m");
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Assert.Equal(0, Numnet("show", target).Code);
        Assert.Empty(TempFiles(dir));
    }

    [Fact]
    public void Output_and_messages_are_the_same_under_any_culture()
    {
        using var dir = new TempDir();
        string input = dir.File("neg.npy");
        using (var a = np.asarray(new[] { -1.5, -2.25, 1e-7 }))
            np.save(input, a);
        string[][] runs =
        [
            ["show", input],
            ["convert", input, dir.File("x.npy"), "--dtype", "int8"],
            ["convert", input, dir.File("y.npy"), "--dtype", "M8[-3s]"],
            ["show", dir.File("missing.npy")],
        ];
        var invariant = runs.Select(r => Numnet(r)).ToList();
        var hostile = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        hostile.NumberFormat.NegativeSign = "\u2212";
        hostile.NumberFormat.NumberDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = hostile;
        try
        {
            Assert.Equal(invariant, runs.Select(r => Numnet(r)).ToList());
            // The caller's culture is given back.
            Assert.Same(hostile, CultureInfo.CurrentCulture);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.Contains("-1.5", invariant[0].Out);
    }

    [Theory]
    [InlineData("INT", false)]
    [InlineData("TERM", true)]
    public void An_interrupted_convert_leaves_no_temporary_file(string signal, bool existingTarget)
    {
        using var dir = new TempDir();
        string target = dir.File("out.csv");
        if (existingTarget)
            File.WriteAllText(target, "before\n");
        // Written as text, a few million floats take long enough to be caught in the middle; if the tool was faster
        // than the signal, the next try is four times larger.
        for (long size = 2_000_000; ; size *= 4)
        {
            string input = dir.File("big.npy");
            using (var ints = np.arange(-size / 2, size / 2))
            using (var a = ints.AsType(np.float64))
                np.save(input, a);
            using var process = CliProcess.Start("convert", input, target, "--force");
            bool sawTemp = CliProcess.WaitForTempFile(dir.Path, process);
            if (sawTemp)
                CliProcess.Signal(process, signal);
            var outcome = CliProcess.Finish(process);
            if (!sawTemp || outcome.ExitCode == 0)
            {
                Assert.True(size < 32_000_000, "the conversion always ended before it could be interrupted: " + outcome);
                File.Delete(target);
                if (existingTarget)
                    File.WriteAllText(target, "before\n");
                continue;
            }
            CliProcess.AssertInterruptedCleanly(outcome, dir.Path, target, existingTarget ? "before\n" : null);
            return;
        }
    }

    [Fact]
    public void Rewriting_the_input_under_the_tool_never_crashes_it()
    {
        using var dir = new TempDir();
        ChildProcess.AssertPasses("file-rewrite-during-cli", dir.Path, "16", CliProcess.ToolPath);
    }

    [Fact]
    public void Rewriting_the_input_under_in_process_runs_never_crashes()
    {
        using var dir = new TempDir();
        ChildProcess.AssertPasses("file-rewrite-during-cli", dir.Path, "200");
    }
}
