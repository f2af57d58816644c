using System.Globalization;
using System.Text;
using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// The plain-file path of the CSV import (<see cref="CsvBlocks"/>: raw blocks split into cells on the parsing threads)
/// against the full reader (Sylvan): the same table, dtype and bytes, or the same error, for every file; files that
/// are not plain (quotes, non-ASCII, ragged rows, unreadable cells) go to the full reader whole.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class CsvPlainFileTests
{
    /// <summary>What reading <paramref name="path"/> gives: dtype, shape and C bytes, or the error's message.</summary>
    private static string Outcome(string path, CsvOptions options)
    {
        try
        {
            using var array = CsvReader.Read(path, options);
            return $"{array.DType.Str} ({string.Join(",", array.Shape)}) {Convert.ToHexString(IoTestData.CBytes(array))}";
        }
        catch (InvalidDataException e)
        {
            return "error: " + e.Message;
        }
    }

    /// <summary>The outcome through the plain path (at <paramref name="threads"/> threads, parallel from 0 bytes) and through the full reader.</summary>
    private static (string Plain, string Full) BothWays(string path, CsvOptions options, int threads = 2)
    {
        long savedBytes = CsvReader.ParallelFromBytes;
        int savedThreads = NumNetSettings.MaxThreads;
        try
        {
            CsvReader.ParallelFromBytes = 0;
            NumNetSettings.MaxThreads = threads;
            string plain = Outcome(path, options);
            CsvReader.SplitsPlainFiles = false;
            return (plain, Outcome(path, options));
        }
        finally
        {
            CsvReader.SplitsPlainFiles = true;
            CsvReader.ParallelFromBytes = savedBytes;
            NumNetSettings.MaxThreads = savedThreads;
        }
    }

    public static TheoryData<string, bool, char> Files => new()
    {
        { "1,2\n3,4\n", false, ',' },
        { "1,2\r\n3,4\r\n", false, ',' },
        { "\n\r\n1,2\n\n3,4", false, ',' },
        { "a,b\n1,2\n3,4\n", true, ',' },
        { "\n\"a\",b\n1,2\n", true, ',' },
        { "1,,3\n, 4 ,\n", false, ',' },
        { "1.5\t2\n3\t-0.0\n", false, '\t' },
        { "1;2\n3;99999999999999999999\n", false, ';' },
        { " inf,NaN,-Infinity\n1e5,.5,5.\n", false, ',' },
        { "1,2\n3,x\n", false, ',' },
        { "1,2\n3\n", false, ',' },
        { "1,2\n3,4,5\n", false, ',' },
        { "1,2\n\"3\",4\n", false, ',' },
        { "1,2\n3,\"a\nb\"\n", false, ',' },
        { "1,2\n3,4\r", false, ',' },
        { "1,2\r3,4\n", false, ',' },
        { "1,2\nü,4\n", false, ',' },
        { "\uFEFF1,2\n3,4\n", false, ',' },
        { "1,2\n3," + new string('7', 4301) + "\n", false, ',' },
        { "1,2,\n3,4,\n", false, ',' },
        { "\n\n", false, ',' },
        { "a,b\n", true, ',' },
        { "x\n", false, ',' },
        { "1\n \n2\n", false, ',' },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_reads_as_the_full_reader_reads_it(string text, bool header, char delimiter)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), text, new UTF8Encoding(false));
        var (plain, full) = BothWays(dir.File("t.csv"), new CsvOptions(delimiter, header));
        Assert.Equal(full, plain);
    }

    [Fact]
    public void Records_across_block_boundaries_read_whole_at_one_and_two_threads()
    {
        // Rows of varied lengths over several blocks, so record ends fall everywhere in a block, CRLF ends split
        // between blocks, an integer column that turns float late, and a blank line now and then.
        var rng = new Random(11);
        var text = new StringBuilder();
        for (int r = 0; r < 200_000; r++)
        {
            text.Append(rng.Next()).Append(',');
            text.Append(r == 190_000 ? "0.25" : rng.Next(-9, 9).ToString(CultureInfo.InvariantCulture)).Append(',');
            text.Append(rng.NextDouble().ToString("R", CultureInfo.InvariantCulture));
            text.Append(r % 3 == 0 ? "\r\n" : "\n");
            if (r % 977 == 0)
                text.Append('\n');
        }
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), text.ToString());
        Assert.True(new FileInfo(dir.File("t.csv")).Length > 4 * CsvBlocks.BlockBytes);
        var (two, full) = BothWays(dir.File("t.csv"), CsvOptions.Default, threads: 2);
        var (one, _) = BothWays(dir.File("t.csv"), CsvOptions.Default, threads: 1);
        Assert.StartsWith("<f8 (200000,3) ", full);
        Assert.Equal(full, two);
        Assert.Equal(full, one);
    }

    [Fact]
    public void A_quote_deep_in_a_large_file_sends_it_to_the_full_reader()
    {
        // The quoted cell holds a line break, so the lines after it are not records; only the full reader knows.
        string rows = string.Concat(Enumerable.Repeat("1,2\n", 600_000));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), rows + "3,\"4\n5\"\n" + rows);
        var (plain, full) = BothWays(dir.File("t.csv"), CsvOptions.Default);
        Assert.StartsWith("<U21 (1200001,2) ", full);
        Assert.Equal(full, plain);
    }

    [Fact]
    public void A_line_longer_than_a_block_is_read_by_the_full_reader()
    {
        string row = string.Join(",", Enumerable.Range(0, 200_000)); // about 1.3 MB
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), "1" + new string(',', 199_999) + "\n" + row + "\n");
        var (plain, full) = BothWays(dir.File("t.csv"), CsvOptions.Default);
        Assert.StartsWith("<f8 (2,200000) ", full);
        Assert.Equal(full, plain);
    }
}
