using System.Globalization;
using System.Text;
using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// The one-pass reader of the common CSV cells (<see cref="CsvCell.ParsePlainNumber"/>) against the full path they stand in for (<see cref="CsvCell.Classify"/>
/// then <see cref="CsvCell.TryParseInt64"/> or <see cref="CsvCell.ParseDouble"/>), and the values a table gets from
/// them against NumPy's <c>np.loadtxt(..., delimiter=",")</c> (bits printed by NumPy 1.24).
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class CsvCellTests
{
    private static readonly CellPosition Nowhere = new(1, 1);

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("+12", 12L)]
    [InlineData("-007", -7L)]
    [InlineData("+0", 0L)]
    [InlineData("123456789012345678", 123456789012345678L)]
    [InlineData("-999999999999999999", -999999999999999999L)]
    public void A_short_integer_reads_in_one_pass(string cell, long expected)
    {
        Assert.Equal(PlainNumber.Integer, CsvCell.ParsePlainNumber(cell, out long value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("-0")] // -0.0 as a float: a long cannot carry the sign
    [InlineData("-000")]
    [InlineData("1234567890123456789")] // 19 digits: the full path decides whether it fits
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("1_000")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x1A")]
    [InlineData("١٢")]
    public void Other_cells_are_left_to_the_full_path(string cell)
    {
        Assert.NotEqual(PlainNumber.Integer, CsvCell.ParsePlainNumber(cell, out _, out _));
    }

    [Theory]
    [InlineData("-13.489230587394115")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.e5")]
    [InlineData("1e3")]
    [InlineData("1E+03")]
    [InlineData("-2.5e-3")]
    [InlineData("+2.5E-300")]
    [InlineData("-0.0")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData("0.1000000000000000055511151231257827021181583404541015625")]
    public void A_plain_float_reads_as_the_full_path_reads_it(string cell)
    {
        Assert.Equal(CellKind.Float, CsvCell.Classify(cell, out var number));
        Assert.Equal(PlainNumber.Float, CsvCell.ParsePlainNumber(cell, out _, out double value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(CsvCell.ParseDouble(number, Nowhere)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")] // an integer is not a float cell, however long
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData(".e5")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.5.2")]
    [InlineData("1d5")]
    [InlineData(" 1.5")]
    [InlineData("1.5 ")]
    [InlineData("1_0.5")]
    [InlineData("inf")]
    [InlineData("nan")]
    [InlineData("--1.5")]
    public void Other_float_texts_are_left_to_the_full_path(string cell)
    {
        Assert.NotEqual(PlainNumber.Float, CsvCell.ParsePlainNumber(cell, out _, out _));
    }

    [Fact]
    public void Random_cells_read_in_one_pass_as_the_full_path_reads_them()
    {
        // Signs, leading zeros, 1-20 digits, points and exponents in every place, and stray characters; half of the
        // cells random characters, half shaped like numbers.
        var rng = new Random(1205);
        const string alphabet = "0123456789012345678901234567890123456789+-.eE _x";
        var cell = new StringBuilder();
        for (int n = 0; n < 200_000; n++)
        {
            cell.Clear();
            int length = rng.Next(1, 22);
            for (int i = 0; i < length; i++)
                cell.Append(alphabet[rng.Next(alphabet.Length)]);
            string text = n % 2 == 0 ? cell.ToString() : NearlyANumber(rng);
            var kind = CsvCell.Classify(text, out var number);
            var plain = CsvCell.ParsePlainNumber(text, out long integer, out double real);
            if (plain == PlainNumber.Integer)
            {
                Assert.Equal(CellKind.Integer, kind);
                Assert.True(CsvCell.TryParseInt64(number, out long full, Nowhere), text);
                Assert.Equal(full, integer);
            }
            if (plain == PlainNumber.Float)
            {
                Assert.Equal(CellKind.Float, kind);
                Assert.Equal(BitConverter.DoubleToInt64Bits(CsvCell.ParseDouble(number, Nowhere)), BitConverter.DoubleToInt64Bits(real));
            }
        }
    }

    /// <summary>A sign, digits, a point, more digits and an exponent, each there or not, now and then with a stray character.</summary>
    private static string NearlyANumber(Random rng)
    {
        var text = new StringBuilder();
        string Pick(params string[] choices) => choices[rng.Next(choices.Length)];
        string Digits(int most) => string.Concat(Enumerable.Range(0, rng.Next(most + 1)).Select(_ => (char)('0' + rng.Next(10))));
        text.Append(Pick("", "", "-", "+", " ")).Append(Digits(20)).Append(Pick("", ".", ".", "..")).Append(Digits(20));
        if (rng.Next(3) == 0)
            text.Append(Pick("e", "E", "d")).Append(Pick("", "+", "-", "+-")).Append(Digits(4));
        if (rng.Next(8) == 0)
            text.Insert(rng.Next(text.Length + 1), Pick(" ", "_", "x", "\t", ".", "e", "n", "f"));
        return text.ToString();
    }

    /// <summary>The float64 bits of row <paramref name="row"/> of <paramref name="text"/> read as a table, at <paramref name="threads"/> threads.</summary>
    private static long[] RowBits(string text, int threads, int row = 0)
    {
        long savedBytes = CsvReader.ParallelFromBytes;
        int savedThreads = NumNetSettings.MaxThreads;
        try
        {
            CsvReader.ParallelFromBytes = 0;
            NumNetSettings.MaxThreads = threads;
            using var dir = new TempDir();
            File.WriteAllText(dir.File("t.csv"), text);
            using var array = CsvReader.Read(dir.File("t.csv"), CsvOptions.Default);
            Assert.Equal("<f8", array.DType.Str);
            return Enumerable.Range(0, (int)array.Shape[1]).Select(c => BitConverter.DoubleToInt64Bits(array.GetItem<double>(row, c))).ToArray();
        }
        finally
        {
            CsvReader.ParallelFromBytes = savedBytes;
            NumNetSettings.MaxThreads = savedThreads;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Integer_and_float_cells_of_a_float_table_have_numpys_bits(int threads)
    {
        // Each cell beside a float cell, so the table is float64 as np.loadtxt's; the bits are NumPy 1.24's for the
        // same cells read alone by np.loadtxt(f, delimiter=",").
        (string Cell, ulong Bits)[] cells =
        [
            ("+12", 0x4028000000000000), ("-007", 0xC01C000000000000),
            ("123456789012345678", 0x437B69B4BA630F35), ("1234567890123456789", 0x43B12210F47DE981),
            ("9007199254740993", 0x4340000000000000), ("-9223372036854775808", 0xC3E0000000000000),
            ("99999999999999999999", 0x4415AF1D78B58C40), ("1e3", 0x408F400000000000), ("1E+03", 0x408F400000000000),
            ("-2.5e-3", 0xBF647AE147AE147B), (".5", 0x3FE0000000000000), ("5.", 0x4014000000000000),
            ("1.e5", 0x40F86A0000000000), ("-0.0", 0x8000000000000000), ("+0", 0), (" 12 ", 0x4028000000000000),
        ];
        string text = string.Join(",", cells.Select(c => c.Cell)) + ",0.5\n" + string.Join(",", cells.Select(_ => "1")) + ",1\n";
        long[] bits = RowBits(text, threads);
        Assert.Equal(cells.Select(c => unchecked((long)c.Bits)).Append(BitConverter.DoubleToInt64Bits(0.5)), bits);
    }

    [Fact]
    public void Negative_zero_is_minus_zero_after_a_float_of_its_column_and_zero_in_an_integer_column()
    {
        // Column 0 holds only integers (int64 in genfromtxt, so -0 is 0, and 0.0 once the table is float64); in
        // column 1, after its float cell, -0 is read as float('-0') = -0.0, as np.loadtxt reads every cell.
        long[] bits = RowBits("1,0.5\n-0,-0\n", threads: 1, row: 1);
        Assert.Equal([0L, unchecked((long)0x8000000000000000)], bits);
    }

    [Theory]
    [InlineData("1_000")]
    [InlineData("0x1A")]
    [InlineData("1.5.2")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("1e+")]
    [InlineData(".e5")]
    [InlineData("1d5")]
    public void Cells_numpys_loadtxt_refuses_make_the_table_text(string cell)
    {
        // np.loadtxt raises "could not convert string ... to float64"; numnet, like genfromtxt(dtype=None), keeps them as text.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), "1,2.5\n" + cell + ",3\n");
        using var array = CsvReader.Read(dir.File("t.csv"), CsvOptions.Default);
        Assert.StartsWith("<U", array.DType.Str);
        Assert.Contains($"['{cell}', '3']", array.Repr());
    }

    [Fact]
    public void Integer_batches_before_and_after_float_ones_read_the_same_at_one_and_two_threads()
    {
        // Blocks of integers only, then blocks with a float column, then integers again: the table turns float64 in
        // the middle, so batches on either side are converted (by the table or by themselves), with -0 in both columns.
        var text = new StringBuilder();
        for (int r = 0; r < 600_000; r++)
        {
            bool floats = r is >= 250_000 and < 260_000;
            text.Append(r % 1000 == 0 ? "-0" : (r * 7919L - 1_000_000).ToString(CultureInfo.InvariantCulture)).Append(',');
            bool zero = r % 500 == 0 && r is < 200_000 or >= 300_000;
            text.Append(floats ? "0.125" : zero ? "-0" : "123456789012").Append('\n');
        }
        long savedBytes = CsvReader.ParallelFromBytes;
        int savedThreads = NumNetSettings.MaxThreads;
        try
        {
            using var dir = new TempDir();
            File.WriteAllText(dir.File("t.csv"), text.ToString());
            Assert.True(new FileInfo(dir.File("t.csv")).Length > 6 * CsvBlocks.BlockBytes);
            CsvReader.ParallelFromBytes = 0;
            var outcomes = new List<string>();
            foreach (int threads in new[] { 1, 2 })
            {
                NumNetSettings.MaxThreads = threads;
                using var array = CsvReader.Read(dir.File("t.csv"), CsvOptions.Default);
                Assert.Equal("<f8", array.DType.Str);
                // The integers are those of genfromtxt's int64 columns, converted; a -0 in column 1 well before the
                // floats and well after them is 0.0 (its batch held only integers), as the full reader gives it.
                Assert.Equal(-1_000_000.0 + 7919 * 1, array.GetItem<double>(1, 0));
                Assert.Equal(123456789012.0, array.GetItem<double>(1, 1));
                Assert.Equal(0L, BitConverter.DoubleToInt64Bits(array.GetItem<double>(0, 0)));
                Assert.Equal(0L, BitConverter.DoubleToInt64Bits(array.GetItem<double>(500, 1)));
                Assert.Equal(0L, BitConverter.DoubleToInt64Bits(array.GetItem<double>(300_000, 1)));
                Assert.Equal(0.125, array.GetItem<double>(255_000, 1));
                outcomes.Add(Convert.ToHexString(IoTestData.CBytes(array)));
            }
            CsvReader.SplitsPlainFiles = false;
            using (var full = CsvReader.Read(dir.File("t.csv"), CsvOptions.Default))
                outcomes.Add(Convert.ToHexString(IoTestData.CBytes(full)));
            Assert.All(outcomes, o => Assert.Equal(outcomes[0], o));
        }
        finally
        {
            CsvReader.SplitsPlainFiles = true;
            CsvReader.ParallelFromBytes = savedBytes;
            NumNetSettings.MaxThreads = savedThreads;
        }
    }
}
