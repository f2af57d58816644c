using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>The numnet tool driven in-process: commands, exit codes, and that failures leave nothing behind.</summary>
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Numnet(params string[] args) => Numnet(false, args);

    private static (int Code, string Out, string Err) Numnet(bool progress, params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CommandLine.Run(args, o, e, progress);
        return (code, o.ToString(), e.ToString());
    }

    private static void AssertOneCleanLine(string err)
    {
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(" at ", err);
    }

    [Fact]
    public void Tour_is_unchanged()
    {
        var expected = new StringWriter { NewLine = "\n" };
        Tour.Run(expected);
        var (code, output, err) = Numnet("tour");
        Assert.Equal(0, code);
        Assert.Equal(expected.ToString(), output);
        Assert.Equal("", err);
        Assert.Contains(">>> np.dtype('float32')", output);
    }

    [Theory]
    [InlineData(0, "--help")]
    [InlineData(0, "help")]
    [InlineData(0, "show", "--help")]
    [InlineData(2)]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "tour", "extra")]
    [InlineData(2, "show")]
    [InlineData(2, "show", "a.npy", "--threshold", "lots")]
    [InlineData(2, "convert", "a.npy")]
    [InlineData(2, "convert", "a.npy", "b.npy", "--order", "K")]
    [InlineData(2, "convert", "a.npy", "b.npy", "--casting", "sometimes")]
    public void Exit_codes_for_usage(int expected, params string[] args)
    {
        var (code, output, err) = Numnet(args);
        Assert.Equal(expected, code);
        if (expected == 0)
            Assert.Contains("Usage:", output);
        else
            Assert.NotEqual("", err);
    }

    [Fact]
    public void Version_prints_three_numbers()
    {
        var (code, output, _) = Numnet("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", output);
    }

    [Fact]
    public void Show_describes_an_npy()
    {
        var (code, output, err) = Numnet("show", IoTestData.Fixture("layout_f_2d.npy"));
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal("""
            dtype: int32 (<i4)
            shape: (3, 4)
            order: F
            size: 48 bytes
            array([[ 0,  1,  2,  3],
                   [ 4,  5,  6,  7],
                   [ 8,  9, 10, 11]], dtype=int32)

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public void Show_describes_each_npz_member_and_honours_threshold()
    {
        var (code, output, _) = Numnet("show", IoTestData.Fixture("archive_compressed.npz"), "--threshold", "4");
        Assert.Equal(0, code);
        Assert.Contains("archive_compressed.npz': 2 arrays", output);
        Assert.Contains("['zeros']\ndtype: float64 (<f8)\nshape: (5000,)\norder: C\nsize: 40000 bytes\narray([0., 0., 0., ..., 0., 0., 0.], shape=(5000,))", output);
        Assert.Contains("['f']\ndtype: int64 (<i8)\nshape: (2, 3)\norder: F", output);
        // The threshold was scoped to the command.
        Assert.Equal(1000, np.get_printoptions().Threshold);
    }

    [Theory]
    [InlineData("object.npy", "pickle")]
    [InlineData("missing.npy", "missing.npy")]
    public void Show_of_bad_input_is_one_line_and_exit_1(string name, string message)
    {
        var (code, output, err) = Numnet("show", IoTestData.Fixture(name));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        AssertOneCleanLine(err);
        Assert.Contains(message, err);
    }

    [Fact]
    public void Show_reads_an_object_array_only_with_allow_pickle()
    {
        string file = IoTestData.Fixture("object.npy");
        var (refused, _, err) = Numnet("show", file);
        Assert.Equal(1, refused);
        AssertOneCleanLine(err);
        Assert.Contains("Object arrays cannot be loaded when allow_pickle=False", err);
        Assert.Contains("(--allow-pickle reads it)", err);

        var (code, output, _) = Numnet("show", file, "--allow-pickle");
        Assert.Equal(0, code);
        Assert.Contains("dtype: object (|O)\nshape: (3,)", output);
        Assert.Contains("array([1, 'a', None], dtype=object)", output);
    }

    [Fact]
    public void Convert_carries_an_object_array_as_a_pickle_with_allow_pickle()
    {
        using var dir = new TempDir();
        string source = IoTestData.Fixture("object.npy");
        var (refused, _, err) = Numnet("convert", source, dir.File("o.npy"));
        Assert.Equal(1, refused);
        Assert.Contains("(--allow-pickle reads it)", err);
        Assert.False(File.Exists(dir.File("o.npy")));

        Assert.Equal(0, Numnet("convert", source, dir.File("o.npy"), "--allow-pickle").Code);
        using (var copy = np.load<NDArray>(dir.File("o.npy"), allowPickle: true))
            Assert.Equal("array([1, 'a', None], dtype=object)", copy.Repr());

        // Into a member of an existing archive: the same rule, through the archive update.
        np.savez(dir.File("a.npz"), ("x", np.arange(3)));
        var (refusedMember, _, memberErr) = Numnet("convert", source, dir.File("a.npz") + ":o");
        Assert.Equal(1, refusedMember);
        Assert.Contains("(--allow-pickle reads it)", memberErr);
        Assert.Equal(0, Numnet("convert", source, dir.File("a.npz") + ":o", "--allow-pickle").Code);
        using var npz = np.load<NpzFile>(dir.File("a.npz"), allowPickle: true);
        using var member = npz["o"];
        Assert.Equal("array([1, 'a', None], dtype=object)", member.Repr());
    }

    [Fact]
    public void A_cast_into_a_pickled_dtype_needs_allow_pickle_to_be_written()
    {
        using var dir = new TempDir();
        using (var words = np.asarray(new[] { "a", "bc" }))
            np.save(dir.File("u.npy"), words);
        var (refused, _, err) = Numnet("convert", dir.File("u.npy"), dir.File("t.npy"), "--dtype", "T");
        Assert.Equal(1, refused);
        AssertOneCleanLine(err);
        Assert.Contains("the array has dtype StringDType()", err);
        Assert.Contains("--allow-pickle writes one", err);
        Assert.False(File.Exists(dir.File("t.npy")));

        Assert.Equal(0, Numnet("convert", dir.File("u.npy"), dir.File("t.npy"), "--dtype", "T", "--allow-pickle").Code);
        using var loaded = np.load<NDArray>(dir.File("t.npy"), allowPickle: true);
        Assert.Equal("array(['a', 'bc'], dtype=StringDType())", loaded.Repr());
    }

    [Fact]
    public void Convert_npy_csv_npy_round_trip()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Numnet("convert", IoTestData.Fixture("layout_f_2d.npy"), dir.File("a.csv")).Code);
        Assert.Equal("0,1,2,3\n4,5,6,7\n8,9,10,11\n", File.ReadAllText(dir.File("a.csv")));
        Assert.Equal(0, Numnet("convert", dir.File("a.csv"), dir.File("a.npy")).Code);
        using var a = np.load<NDArray>(dir.File("a.npy"));
        Assert.Equal("array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]])", a.Repr());
    }

    [Fact]
    public void Csv_cells_go_through_dtype_discovery()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("m.csv"), "1,2.5\n-3,nan\n");
        Assert.Equal(0, Numnet("convert", dir.File("m.csv"), dir.File("m.npy")).Code);
        using (var m = np.load<NDArray>(dir.File("m.npy")))
            Assert.Equal("array([[ 1. ,  2.5],\n       [-3. ,  nan]])", m.Repr());
        File.WriteAllText(dir.File("s.csv"), "a,\"b,c\"\n1,x\n");
        Assert.Equal(0, Numnet("convert", dir.File("s.csv"), dir.File("s.npy")).Code);
        using (var s = np.load<NDArray>(dir.File("s.npy")))
            Assert.Equal("array([['a', 'b,c'],\n       ['1', 'x']], dtype='<U21')", s.Repr());
        // An integer beyond int64 makes its column float64, as genfromtxt does (CsvTests has the rest).
        File.WriteAllText(dir.File("big.csv"), "123456789012345678901234567890\n");
        Assert.Equal(0, Numnet("convert", dir.File("big.csv"), dir.File("big.npy")).Code);
        using (var big = np.load<NDArray>(dir.File("big.npy")))
            Assert.Equal("array([[1.23456789e+29]])", big.Repr());
    }

    [Fact]
    public void Csv_output_uses_numpys_str_of_each_element()
    {
        using var dir = new TempDir();
        np.save(dir.File("f.npy"), np.asarray(new[] { 0.1, 1e20, -0.0, double.NaN, 1.5 }));
        Assert.Equal(0, Numnet("convert", dir.File("f.npy"), dir.File("f.csv")).Code);
        Assert.Equal("0.1\n1e+20\n-0.0\nnan\n1.5\n", File.ReadAllText(dir.File("f.csv")));
        Assert.Equal(0, Numnet("convert", IoTestData.Fixture("datetime_D.npy"), dir.File("d.csv")).Code);
        Assert.Equal("2024-02-29\n1900-01-01\nNaT\n", File.ReadAllText(dir.File("d.csv")));
        var (code, _, err) = Numnet("convert", IoTestData.Fixture("layout_c_3d.npy"), dir.File("c.csv"));
        Assert.Equal(1, code);
        Assert.Contains("at most 2 dimensions", err);
        Assert.False(File.Exists(dir.File("c.csv")));
    }

    [Fact]
    public void Dtype_casts_under_same_kind_unless_told_otherwise()
    {
        using var dir = new TempDir();
        string input = IoTestData.Fixture("layout_c_3d.npy");
        var (code, _, err) = Numnet("convert", input, dir.File("i.npy"), "--dtype", "int32");
        Assert.Equal(1, code);
        AssertOneCleanLine(err);
        Assert.Contains("same_kind", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));

        Assert.Equal(0, Numnet("convert", input, dir.File("i.npy"), "--dtype", ">i4", "--casting", "unsafe", "--order", "F").Code);
        using var a = np.load<NDArray>(dir.File("i.npy"));
        Assert.Equal(">i4", a.DType.Str);
        Assert.True(a.IsFContiguous && !a.IsCContiguous);
        Assert.Equal(23, a.GetItem<int>(1, 2, 3));

        Assert.Equal(2, Numnet("convert", input, dir.File("j.npy"), "--dtype", "float99").Code);
    }

    [Fact]
    public void Npz_members_in_and_out()
    {
        using var dir = new TempDir();
        string archive = IoTestData.Fixture("archive_named.npz");
        var (code, _, err) = Numnet("convert", archive, dir.File("x.npy"));
        Assert.Equal(2, code);
        Assert.Contains("'first', 'second'", err);
        Assert.Equal(1, Numnet("convert", archive + ":third", dir.File("x.npy")).Code);
        Assert.Equal(0, Numnet("convert", archive + ":second", dir.File("out.npz:letters")).Code);
        using var z = np.load<NpzFile>(dir.File("out.npz"));
        using var letters = z["letters"];
        Assert.Equal("array(['x', 'yz'], dtype='<U2')", letters.Repr());
        Assert.Equal(0, Numnet("convert", dir.File("out.npz"), dir.File("plain.npz")).Code);
        using var z2 = np.load<NpzFile>(dir.File("plain.npz"));
        Assert.Equal(["arr_0"], z2.Files);
    }

    [Fact]
    public void Existing_output_needs_force()
    {
        using var dir = new TempDir();
        string target = dir.File("t.npy");
        File.WriteAllText(target, "keep me");
        var (code, _, err) = Numnet("convert", IoTestData.Fixture("bool.npy"), target);
        Assert.Equal(1, code);
        AssertOneCleanLine(err);
        Assert.Contains("--force", err);
        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.Equal(0, Numnet("convert", IoTestData.Fixture("bool.npy"), target, "--force").Code);
        Assert.Equal(File.ReadAllBytes(IoTestData.Fixture("bool.npy")), File.ReadAllBytes(target));
    }

    [Fact]
    public void Damaged_input_leaves_no_output_at_all()
    {
        using var dir = new TempDir();
        var good = File.ReadAllBytes(IoTestData.Fixture("layout_c_3d.npy"));
        File.WriteAllBytes(dir.File("bad.npy"), good[..150]);
        File.WriteAllBytes(dir.File("bad.npz"), File.ReadAllBytes(IoTestData.Fixture("archive_named.npz"))[..300]);
        File.WriteAllText(dir.File("ragged.csv"), "1,2\n3\n");
        foreach (var input in new[] { "bad.npy", "bad.npz:first", "ragged.csv" })
        {
            var (code, output, err) = Numnet("convert", dir.File(input), dir.File("out.npy"));
            Assert.Equal(1, code);
            Assert.Equal("", output);
            AssertOneCleanLine(err);
        }
        Assert.Equal(["bad.npy", "bad.npz", "ragged.csv"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Progress_bar_for_large_work_on_a_terminal_only()
    {
        using var dir = new TempDir();
        string input = dir.File("big.npy");
        using (var big = np.zeros([13_000_000]))
            np.save(input, big);
        var (code, _, err) = Numnet(true, "convert", input, dir.File("out.npy"));
        Assert.Equal(0, code);
        Assert.Contains("\rwriting 'out.npy' [", err);
        Assert.Contains("100%", err);
        var (code2, _, err2) = Numnet(false, "convert", input, dir.File("out2.npy"));
        Assert.Equal(0, code2);
        Assert.Equal("", err2);
        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(dir.File("out2.npy")));
        var (_, _, small) = Numnet(true, "convert", IoTestData.Fixture("bool.npy"), dir.File("small.npy"));
        Assert.Equal("", small);
    }
}
