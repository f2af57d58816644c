using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// CSV through <c>numnet convert</c>: RFC 4180 quoting both ways, NumPy's dtype choice for a table, missing cells,
/// the integer digit limit, <c>--delimiter</c> and <c>--header</c>.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class CsvTests
{
    private static (int Code, string Err) Convert(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = CommandLine.Run(["convert", .. args], output, error);
        Assert.Equal("", output.ToString());
        return (code, error.ToString());
    }

    /// <summary>Converts CSV <paramref name="text"/> to .npy and returns the array's repr.</summary>
    private static string ReprOfCsv(string text, params string[] options)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), text);
        var (code, err) = Convert([dir.File("in.csv"), dir.File("out.npy"), .. options]);
        Assert.True(code == 0, err);
        using var array = np.load<NDArray>(dir.File("out.npy"));
        return array.Repr();
    }

    /// <summary>Converts CSV <paramref name="text"/>, expecting exit code 1; returns the one line of error.</summary>
    private static string RefusedCsv(string text, params string[] options)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), text);
        var (code, err) = Convert([dir.File("in.csv"), dir.File("out.npy"), .. options]);
        Assert.Equal(1, code);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Equal(["in.csv"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        return err;
    }

    [Fact]
    public void Quoted_line_breaks_are_read_in_linear_time()
    {
        // 640 KB in one quoted cell holding 320 000 line breaks: the line-by-line reader took minutes (quadratic).
        string cell = string.Concat(Enumerable.Repeat("x\n", 320_000));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.csv"), "\"" + cell + "\",1\n\"a\nb\",2\n");
        Assert.Equal(0, Convert(dir.File("in.csv"), dir.File("out.npy")).Code);
        using var array = np.load<NDArray>(dir.File("out.npy"));
        Assert.Equal([2L, 2L], array.Shape);
        Assert.Equal(cell, array.GetValue(0, 0));
        Assert.Equal("a\nb", array.GetValue(1, 0));
        Assert.Equal("2", array.GetValue(1, 1));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_text()
    {
        Assert.Equal("array([['12\" ruler', '1'],\n       ['3', '4']], dtype='<U21')", ReprOfCsv("12\" ruler,1\n3,4\n"));
    }

    [Fact]
    public void Strings_round_trip_whatever_they_hold()
    {
        string[] cells = ["a", "", " b", "c ", "d,e", "say \"hi\"", "two\nlines", "cr\rlf", "#not a comment"];
        using var dir = new TempDir();
        using (var column = np.asarray(cells))
            np.save(dir.File("s.npy"), column);
        Assert.Equal(0, Convert(dir.File("s.npy"), dir.File("s.csv")).Code);
        Assert.Equal("a\n\"\"\n\" b\"\n\"c \"\n\"d,e\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n\"cr\rlf\"\n#not a comment\n",
            File.ReadAllText(dir.File("s.csv")));
        Assert.Equal(0, Convert(dir.File("s.csv"), dir.File("back.npy")).Code);
        using var back = np.load<NDArray>(dir.File("back.npy"));
        Assert.Equal([(long)cells.Length, 1L], back.Shape);
        Assert.Equal(cells, Enumerable.Range(0, cells.Length).Select(i => back.GetValue(i, 0)));
    }

    [Fact]
    public void An_array_of_one_empty_string_round_trips()
    {
        using var dir = new TempDir();
        using (var empty = np.asarray(new[] { "" }))
            np.save(dir.File("e.npy"), empty);
        Assert.Equal(0, Convert(dir.File("e.npy"), dir.File("e.csv")).Code);
        Assert.Equal("\"\"\n", File.ReadAllText(dir.File("e.csv")));
        Assert.Equal(0, Convert(dir.File("e.csv"), dir.File("back.npy")).Code);
        using var back = np.load<NDArray>(dir.File("back.npy"));
        Assert.Equal("array([['']], dtype='<U1')", back.Repr());
    }

    [Fact]
    public void Missing_cells_are_nan_and_make_their_column_float()
    {
        Assert.Equal("array([[ 1.,  2.],\n       [ 3., nan],\n       [nan,  6.]])", ReprOfCsv("1,2\n3,\n ,6\n"));
        Assert.Equal("array([[ 1,  2],\n       [ 3, -4]])", ReprOfCsv("1,2\n3,-4\n"));
        Assert.Equal("array([[1. , 2.5],\n       [3. , 4. ]])", ReprOfCsv("1,2.5\n3,4\n"));
    }

    [Fact]
    public void Numbers_follow_pythons_float_syntax()
    {
        Assert.Equal("array([[ 5.e-01,  5.e+00,  1.e+05, -5.e-03],\n       [    inf,    -inf,     nan,     nan]])",
            ReprOfCsv(".5,5.,1E5,-.5e-2\nInfinity,-inf,NaN,+nan\n"));
        Assert.Equal("array([['1e', '1_0', '0x10']], dtype='<U4')", ReprOfCsv("1e,1_0,0x10\n"));
    }

    [Fact]
    public void Nan_has_the_bits_numpy_gives_it()
    {
        // loadtxt and genfromtxt: 'nan' and a missing cell have the sign bit clear, '-nan' has it set.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("n.csv"), "nan,-nan,\n");
        using var array = CsvReader.Read(dir.File("n.csv"), CsvOptions.Default);
        Assert.Equal([0x7FF8_0000_0000_0000L, unchecked((long)0xFFF8_0000_0000_0000), 0x7FF8_0000_0000_0000L],
            Enumerable.Range(0, 3).Select(c => BitConverter.DoubleToInt64Bits(array.GetItem<double>(0, c))));
    }

    [Fact]
    public void An_integer_beyond_int64_makes_its_column_float64_as_genfromtxt_does()
    {
        Assert.Equal("array([[1.23456789e+19, 1.00000000e+00],\n       [1.00000000e+00, 2.00000000e+00]])",
            ReprOfCsv("12345678901234567890,1\n1,2\n"));
        Assert.Equal("array([[inf]])", ReprOfCsv(new string('9', 4300) + "\n"));
    }

    [Fact]
    public void An_integer_longer_than_4300_digits_is_refused_at_once()
    {
        string err = RefusedCsv("1,2\n3," + new string('7', 10_000_000) + "\n");
        // Every read failure starts with the file's name (the CLI's one rule), then the CSV reader's own words.
        Assert.StartsWith("numnet convert: '", err);
        Assert.EndsWith("in.csv': CSV row 2, column 2: an integer of 10000000 digits is longer than the limit of 4300 digits (Python's int() limit)\n", err);
        Assert.Contains("4300 digits", RefusedCsv("a,-" + new string('7', 4301) + "\n"));
        Assert.DoesNotContain("pickle", err);
    }

    [Fact]
    public void Header_row_is_skipped_with_header()
    {
        Assert.Equal("array([['x', 'y'],\n       ['1', '2']], dtype='<U21')", ReprOfCsv("x,y\n1,2\n"));
        Assert.Equal("array([[1, 2],\n       [3, 4]])", ReprOfCsv("x,y\n1,2\n\n3,4\n", "--header"));
        Assert.Equal("array([[ 1., nan]])", ReprOfCsv("\"name, quoted\",\"two\nlines\"\n1,\n", "--header"));
        Assert.Contains("holds no rows of CSV", RefusedCsv("x,y\n", "--header"));
        var (code, err) = Convert(IoTestData.Fixture("bool.npy"), "o.npy", "--header");
        Assert.Equal(2, code);
        Assert.Contains("--header", err);
    }

    [Fact]
    public void Delimiter_applies_to_csv_in_and_out()
    {
        Assert.Equal("array([[1. , 2.5],\n       [3. , 4. ]])", ReprOfCsv("1;2.5\n3;4\n", "--delimiter", ";"));
        Assert.Equal("array([['1,5', '2']], dtype='<U21')", ReprOfCsv("1,5\t2\n", "--delimiter", "\\t"));
        using var dir = new TempDir();
        using (var table = np.asarray(new object[,] { { "a;b", "c,d" }, { "e", "f" } }))
            np.save(dir.File("t.npy"), table);
        Assert.Equal(0, Convert(dir.File("t.npy"), dir.File("t.csv"), "--delimiter", ";").Code);
        Assert.Equal("\"a;b\";c,d\ne;f\n", File.ReadAllText(dir.File("t.csv")));
        foreach (var bad in new[] { ";;", "\"", "" })
        {
            var (code, err) = Convert(dir.File("t.npy"), dir.File("u.csv"), "--delimiter", bad);
            Assert.Equal(2, code);
            Assert.Contains("--delimiter", err);
        }
        var (npyOnly, npyErr) = Convert(dir.File("t.npy"), dir.File("u.npy"), "--delimiter", ";");
        Assert.Equal(2, npyOnly);
        Assert.Contains("neither IN nor OUT", npyErr);
    }

    [Theory]
    [InlineData("1,2\n3\n", "CSV row 2 has 1 cells where the rows before it have 2")]
    [InlineData("\"ab\"c,1\n", "CSV row 1")]
    [InlineData("1,\"open\n2,3\n", "CSV row 1")]
    [InlineData("1,2\n3,\"x\"y\n", "CSV row 2")]
    [InlineData("\n\n", "holds no rows of CSV")]
    public void Malformed_csv_is_refused_in_one_line(string text, string message)
    {
        string err = RefusedCsv(text);
        Assert.True(err.Contains(message, StringComparison.Ordinal), err);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_hash_is_data()
    {
        Assert.Equal("array([[1, 2],\n       [3, 4]])", ReprOfCsv("\n1,2\r\n\r\n3,4"));
        Assert.Equal("array([['#1', '2']], dtype='<U21')", ReprOfCsv("#1,2\n"));
    }

    [Fact]
    public void Large_tables_cross_chunk_boundaries()
    {
        // More than one 8 Mi-cell chunk, with a column turning float near the end so the conversion walks chunks.
        const int rows = 4_200_001;
        using var dir = new TempDir();
        using (var writer = new StreamWriter(dir.File("big.csv")))
        {
            for (int r = 0; r < rows; r++)
                writer.Write(r == rows - 1 ? "0.5,7\n" : $"{r},{-r}\n");
        }
        Assert.Equal(0, Convert(dir.File("big.csv"), dir.File("big.npy")).Code);
        using var array = np.load<NDArray>(dir.File("big.npy"));
        Assert.Equal("float64", array.DType.Name);
        Assert.Equal([(long)rows, 2L], array.Shape);
        Assert.Equal(4_199_999.0, array.GetItem<double>(4_199_999, 0));
        Assert.Equal(-4_199_999.0, array.GetItem<double>(4_199_999, 1));
        Assert.Equal(0.5, array.GetItem<double>(rows - 1, 0));
        Assert.Equal(7.0, array.GetItem<double>(rows - 1, 1));
    }

    [Fact]
    public void Parallel_parsing_gives_the_sequential_result_bit_for_bit()
    {
        // Integer columns that turn float in different batches, a missing cell, huge and tiny values, negative zero.
        var rng = new Random(7);
        var text = new System.Text.StringBuilder();
        for (int r = 0; r < 300_000; r++)
        {
            text.Append(rng.Next(-1000, 1000)).Append(',');
            text.Append(r == 250_000 ? "2.5" : rng.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            text.Append(r == 120_000 ? "" : (rng.NextDouble() * Math.Pow(10, rng.Next(-300, 300))).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            text.Append(r % 1000 == 0 ? "-0.0" : "12345678901234567890").Append('\n');
        }
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), text.ToString());
        foreach (bool plainPath in new[] { true, false })
            ReadsTheSameAtEveryThreadCount(dir.File("t.csv"), plainPath);
    }

    /// <summary>Sequential, parallel and capped reads of <paramref name="path"/> give the same bytes.</summary>
    private static void ReadsTheSameAtEveryThreadCount(string path, bool plainPath)
    {
        long saved = CsvReader.ParallelFromBytes;
        int threads = NumNetSettings.MaxThreads;
        try
        {
            CsvReader.SplitsPlainFiles = plainPath;
            NumNetSettings.MaxThreads = 2;
            CsvReader.ParallelFromBytes = long.MaxValue;
            using var sequential = CsvReader.Read(path, CsvOptions.Default);
            CsvReader.ParallelFromBytes = 0;
            using var parallel = CsvReader.Read(path, CsvOptions.Default);
            Assert.Equal("float64", sequential.DType.Name);
            Assert.Equal([300_000L, 4L], sequential.Shape);
            Assert.Equal(sequential.Shape, parallel.Shape);
            Assert.Equal(sequential.DType, parallel.DType);
            Assert.Equal(IoTestData.CBytes(sequential), IoTestData.CBytes(parallel));
            // Capped to one thread, a file past the threshold is read on the reading thread alone, to the same bytes.
            NumNetSettings.MaxThreads = 1;
            using var capped = CsvReader.Read(path, CsvOptions.Default);
            Assert.Equal(IoTestData.CBytes(sequential), IoTestData.CBytes(capped));
        }
        finally
        {
            CsvReader.SplitsPlainFiles = true;
            CsvReader.ParallelFromBytes = saved;
            NumNetSettings.MaxThreads = threads;
        }
    }

    [Fact]
    public void Parallel_parsing_ends_as_the_sequential_read_would_on_text_or_errors()
    {
        string rows = string.Concat(Enumerable.Repeat("1,2\n", 400_000)); // 1.6 MB: two batches at least
        using var dir = new TempDir();
        File.WriteAllText(dir.File("text.csv"), rows + "x,3\n");
        File.WriteAllText(dir.File("long.csv"), rows + "4," + new string('5', 5000) + "\nx,3\n");
        long saved = CsvReader.ParallelFromBytes;
        try
        {
            CsvReader.ParallelFromBytes = 0;
            using (var text = CsvReader.Read(dir.File("text.csv"), CsvOptions.Default))
            {
                Assert.Equal("<U21", text.DType.Str);
                Assert.Equal("x", text.GetValue(400_000, 0));
            }
            var e = Assert.Throws<InvalidDataException>(() => CsvReader.Read(dir.File("long.csv"), CsvOptions.Default));
            Assert.StartsWith("CSV row 400001, column 2: an integer of 5000 digits", e.Message);
        }
        finally
        {
            CsvReader.ParallelFromBytes = saved;
        }
    }

    [Fact]
    public void A_bad_cell_in_a_sent_batch_is_reported_before_a_malformed_record_read_after_it()
    {
        // Quotes send the file to the full reader. A sequential read parses the first batch, with its bad cell, before it
        // reads the second, whose second record has the wrong width; a parallel read must report the same error.
        using var dir = new TempDir();
        var lines = new List<string> { "\"1\",2", "3," + new string('5', 5000) };
        lines.AddRange(Enumerable.Repeat("1,2", 60_000));
        File.WriteAllLines(dir.File("prefix.csv"), lines);
        int firstBatchRows = RowsOfTheFirstBatch(dir.File("prefix.csv"));
        Assert.InRange(firstBatchRows, 3, lines.Count - 1);
        File.WriteAllLines(dir.File("t.csv"), lines.Take(firstBatchRows).Concat(["4,5", "6", "7,8"]));
        lines[1] = "x,3";
        File.WriteAllLines(dir.File("text.csv"), lines.Take(firstBatchRows).Concat(["4,5", "6", "7,8"]));
        long saved = CsvReader.ParallelFromBytes;
        int threads = NumNetSettings.MaxThreads;
        try
        {
            NumNetSettings.MaxThreads = 2;
            foreach (long from in new[] { long.MaxValue, 0L })
            {
                CsvReader.ParallelFromBytes = from;
                var e = Assert.Throws<InvalidDataException>(() => CsvReader.Read(dir.File("t.csv"), CsvOptions.Default));
                Assert.StartsWith("CSV row 2, column 2: an integer of 5000 digits", e.Message);
                // Text in the first batch instead: the table is read as strings, which meets the malformed record.
                e = Assert.Throws<InvalidDataException>(() => CsvReader.Read(dir.File("text.csv"), CsvOptions.Default));
                Assert.StartsWith($"CSV row {firstBatchRows + 2} has 1 cells", e.Message);
            }
        }
        finally
        {
            CsvReader.ParallelFromBytes = saved;
            NumNetSettings.MaxThreads = threads;
        }
    }

    /// <summary>The records the full reader puts in its first batch of <paramref name="path"/>, two cells wide.</summary>
    private static int RowsOfTheFirstBatch(string path)
    {
        using var records = CsvRecords.Open(path, CsvOptions.Default);
        var batch = new CsvBatch(2);
        int rows = 0;
        while (!batch.IsFull && records.MoveNext())
        {
            batch.Add(records);
            rows++;
        }
        return rows;
    }

    [Fact]
    public void A_table_longer_than_its_first_batch_suggests_still_reads_whole()
    {
        // The cell storage is sized from the first batch's long cells; the short ones after them outgrow it.
        const int longRows = 50_000, shortRows = 400_000;
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"),
            string.Concat(Enumerable.Repeat("1.2345678901234567e-300\n", longRows)) + string.Concat(Enumerable.Range(0, shortRows).Select(i => $"{i % 10}\n")));
        using var array = CsvReader.Read(dir.File("t.csv"), CsvOptions.Default);
        Assert.Equal([(long)(longRows + shortRows), 1L], array.Shape);
        Assert.Equal(1.2345678901234567e-300, array.GetItem<double>(longRows - 1, 0));
        Assert.Equal(9.0, array.GetItem<double>(longRows + shortRows - 1, 0));
    }

    [Fact]
    public void A_record_wider_than_a_batch_still_reads()
    {
        // 70 000 columns: more cells than a batch holds by default, so each batch takes one record.
        using var dir = new TempDir();
        string row = string.Join(",", Enumerable.Range(0, 70_000));
        File.WriteAllText(dir.File("wide.csv"), row + "\n" + row + "\n");
        using var array = CsvReader.Read(dir.File("wide.csv"), CsvOptions.Default);
        Assert.Equal([2L, 70_000L], array.Shape);
        Assert.Equal(69_999L, array.GetItem<long>(1, 69_999));
    }
}
