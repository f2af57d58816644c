using System.Globalization;
using System.Text;
using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// <c>numnet convert</c> of a CSV to .npy writes each parsed batch into the output as it joins
/// (<see cref="CsvNpyTable"/>): the file must be the one the array read whole and saved gives, byte for byte, at one
/// thread and at two, whatever the batches hold; an error is the first bad cell in file order, and leaves no file.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class CsvNpyStreamTests
{
    /// <summary>
    /// What converting <paramref name="csv"/> gives: the exit code, stderr and the output's bytes (or a note that none
    /// was left). <paramref name="threads"/> 0 takes the path that reads the array whole before writing it
    /// (<c>--order C</c>, which leaves a C-ordered table's bytes as they are); otherwise the streamed path at that many
    /// threads, parallel from the first byte.
    /// </summary>
    private static string Outcome(string csv, int threads, params string[] options)
    {
        string output = Path.Combine(Path.GetDirectoryName(csv)!, "out.npy");
        File.Delete(output);
        long savedBytes = CsvReader.ParallelFromBytes;
        try
        {
            CsvReader.ParallelFromBytes = 0;
            var (code, stdout, stderr) = ThreadSettings.At(Math.Max(threads, 1), () =>
                CliProcess.InProcess(["convert", csv, output, .. options, .. threads == 0 ? new[] { "--order", "C" } : []]));
            Assert.Equal("", stdout);
            string leftOver = string.Join(",", Directory.GetFiles(Path.GetDirectoryName(csv)!).Select(Path.GetFileName).Where(n => n != Path.GetFileName(csv) && n != "out.npy"));
            string bytes = File.Exists(output) ? Convert.ToHexString(File.ReadAllBytes(output)) : "no file";
            return $"{code} {stderr} [{leftOver}] {bytes}";
        }
        finally
        {
            CsvReader.ParallelFromBytes = savedBytes;
        }
    }

    /// <summary>Asserts the streamed outcome at one and two threads is the whole-array outcome; returns it.</summary>
    private static string AssertSameEveryWay(string csv, params string[] options)
    {
        string whole = Outcome(csv, 0, options);
        Assert.Equal(whole, Outcome(csv, 1, options));
        Assert.Equal(whole, Outcome(csv, 2, options));
        return whole;
    }

    [Theory]
    [MemberData(nameof(CsvPlainFileTests.Files), MemberType = typeof(CsvPlainFileTests))]
    public void Small_files_stream_to_the_bytes_of_the_whole_array(string text, bool header, char delimiter)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), text, new UTF8Encoding(false));
        string[] options = [.. header ? new[] { "--header" } : [], "--delimiter", delimiter == '\t' ? "\\t" : delimiter.ToString()];
        AssertSameEveryWay(dir.File("in.csv"), options);
    }

    [Fact]
    public void Ragged_batches_and_a_late_float_column_give_the_same_file_at_one_and_two_threads()
    {
        // Rows of varied lengths over many blocks, CRLF ends and blank lines; the table is all integers until a float
        // cell near the end, so the integers already written are turned into float64 in the file, several slices of it.
        var rng = new Random(23);
        var text = new StringBuilder();
        for (int r = 0; r < 300_000; r++)
        {
            text.Append(rng.NextInt64(-1L << 62, 1L << 62)).Append(',');
            text.Append(rng.Next(-9, 9)).Append(',');
            text.Append(r == 290_000 ? "0.5" : new string('1', 1 + rng.Next(17)));
            text.Append(r % 5 == 0 ? "\r\n" : "\n");
            if (r % 1009 == 0)
                text.Append('\n');
        }
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), text.ToString());
        Assert.True(new FileInfo(dir.File("in.csv")).Length > 8 * CsvBlocks.BlockBytes);
        string outcome = AssertSameEveryWay(dir.File("in.csv"));
        Assert.StartsWith("0  [] 934E554D5059", outcome);
        using var saved = np.load<NDArray>(WrittenFile(dir));
        Assert.Equal("<f8", saved.DType.Str);
        Assert.Equal([300_000L, 3L], saved.Shape);
    }

    [Fact]
    public void An_integer_table_stays_int64()
    {
        string rows = string.Concat(Enumerable.Range(0, 400_000).Select(i => $"{i},{-i}\n"));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), rows);
        AssertSameEveryWay(dir.File("in.csv"));
        using var saved = np.load<NDArray>(WrittenFile(dir));
        Assert.Equal("<i8", saved.DType.Str);
        Assert.Equal(-399_999L, saved.GetItem<long>(399_999, 1));
    }

    [Theory]
    [InlineData("x,3\n", "<U32")] // text: the table becomes strings, written over what the numbers left
    [InlineData("3,\"4\"\n", "<f8")] // a quote: the plain path gives up, and the full reader writes the file again
    public void A_late_batch_that_changes_the_reading_still_gives_the_whole_arrays_file(string lateRow, string dtype)
    {
        string rows = string.Concat(Enumerable.Repeat("1.5,2\n", 250_000));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), rows + lateRow + rows);
        AssertSameEveryWay(dir.File("in.csv"));
        using var saved = np.load<NDArray>(WrittenFile(dir));
        Assert.Equal(dtype, saved.DType.Str);
        Assert.Equal([500_001L, 2L], saved.Shape);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_table_of_objects_is_refused_or_pickled_as_the_whole_array_is(bool allowPickle)
    {
        // Text beside an integer past int64: np.asarray makes an object table, which only --allow-pickle writes.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), "a,99999999999999999999999\n1,2\n");
        string outcome = AssertSameEveryWay(dir.File("in.csv"), allowPickle ? ["--allow-pickle"] : []);
        if (allowPickle)
            Assert.StartsWith("0  [] 934E554D5059", outcome);
        else
            Assert.Matches("^1 numnet convert: .*pickle.*\\[\\] no file$", outcome.ReplaceLineEndings(""));
    }

    [Fact]
    public void Errors_in_late_batches_report_the_first_bad_cell_in_file_order_and_leave_no_file()
    {
        // Two unreadable cells in different late batches: every way reports the first, and nothing is left behind.
        string rows = string.Concat(Enumerable.Repeat("1,2.5\n", 300_000));
        string bad(int digits) => "4," + new string('5', digits) + "\n";
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), rows + bad(5000) + rows + bad(6000) + rows);
        string outcome = AssertSameEveryWay(dir.File("in.csv"));
        Assert.StartsWith("1 numnet convert: ", outcome);
        Assert.Contains("CSV row 300001, column 2: an integer of 5000 digits", outcome);
        Assert.EndsWith("[] no file", outcome);
    }

    [Fact]
    public void Replacing_an_output_longer_than_the_new_one_leaves_only_the_new_bytes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), string.Concat(Enumerable.Range(0, 200_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}.25\n"))));
        using (var big = np.zeros([1_000_000]))
            np.save(dir.File("out.npy"), big);
        var (code, _, err) = CliProcess.InProcess("convert", dir.File("in.csv"), dir.File("out.npy"), "--force");
        Assert.True(code == 0, err);
        using var expected = CsvReader.Read(dir.File("in.csv"), CsvOptions.Default);
        var bytes = new MemoryStream();
        np.save(bytes, expected);
        Assert.Equal(bytes.ToArray(), File.ReadAllBytes(dir.File("out.npy")));
    }

    [Theory]
    [InlineData("INT", false)]
    [InlineData("TERM", true)]
    public void An_interrupted_streamed_convert_leaves_no_temporary_file_and_the_target_as_it_was(string signal, bool existingTarget)
    {
        using var dir = new TempDir();
        string target = dir.File("out.npy");
        // The temporary file has bytes from the first batch on, so the signal lands while the CSV is being parsed;
        // if the tool was faster than the signal, the next try is four times larger.
        for (int rows = 1_000_000; ; rows *= 4)
        {
            if (existingTarget)
                File.WriteAllText(target, "before\n");
            else
                File.Delete(target);
            using (var csv = new StreamWriter(dir.File("in.csv")))
            {
                for (int r = 0; r < rows; r++)
                    csv.Write(string.Create(CultureInfo.InvariantCulture, $"{r}.125,{-r},{r % 977}.5\n"));
            }
            using var process = CliProcess.Start("convert", dir.File("in.csv"), target, "--force");
            bool sawTemp = CliProcess.WaitForTempFile(dir.Path, process);
            if (sawTemp)
                CliProcess.Signal(process, signal);
            var outcome = CliProcess.Finish(process);
            if (!sawTemp || outcome.ExitCode == 0)
            {
                Assert.True(rows < 16_000_000, "the conversion always ended before it could be interrupted: " + outcome);
                continue;
            }
            CliProcess.AssertInterruptedCleanly(outcome, dir.Path, target, existingTarget ? "before\n" : null);
            return;
        }
    }

    [Fact]
    public void A_large_streamed_convert_shows_its_progress_on_a_terminal_only()
    {
        // Over the bar's 100 MB: the bar follows the CSV's bytes as batches join, and ends at 100 %.
        const string row = "1234567.125,-7654321.5,0.001953125,42\n";
        using var dir = new TempDir();
        using (var csv = new StreamWriter(dir.File("in.csv")))
        {
            for (long written = 0; written <= ProgressBar.MinBytes; written += row.Length)
                csv.Write(row);
        }
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, CommandLine.Run(["convert", dir.File("in.csv"), dir.File("out.npy")], o, e, progress: true));
        Assert.Contains("\rconverting 'in.csv' [", e.ToString());
        Assert.Contains("100%", e.ToString());
        var (code, _, quiet) = CliProcess.InProcess("convert", dir.File("in.csv"), dir.File("out2.npy"));
        Assert.Equal(0, code);
        Assert.Equal("", quiet);
        Assert.Equal(File.ReadAllBytes(dir.File("out.npy")), File.ReadAllBytes(dir.File("out2.npy")));
    }

    private static string WrittenFile(TempDir dir)
    {
        Assert.True(File.Exists(dir.File("out.npy")));
        return dir.File("out.npy");
    }
}
