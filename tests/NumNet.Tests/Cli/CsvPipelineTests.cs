using System.Text;
using NumNet.Cli;
using NumNet.Tests.IO;

namespace NumNet.Tests.Cli;

/// <summary>
/// The CSV import's batch pipeline driven directly: however many threads parse, the table is the sequential read's,
/// no more batches are parsed at once than there are threads (the reading thread counts as one), and no parse is left
/// running once the pipeline is disposed, finished or not.
/// </summary>
public sealed class CsvPipelineTests
{
    private const int Blocks = 12;

    /// <summary>A plain float file of about <see cref="Blocks"/> batches, each row different.</summary>
    private static void WriteFile(string path)
    {
        var text = new StringBuilder();
        for (int row = 0; text.Length < (long)CsvBlocks.BlockBytes * Blocks; row++)
            text.Append(row).Append(".25,").Append(row % 977).Append(",-").Append(row % 13).Append(".5\n");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads <paramref name="path"/> through a pipeline of <paramref name="threads"/> threads; the table's C bytes and the pipeline's peak.</summary>
    private static (byte[] Bytes, int PeakParsing, int ParsingAfter) Read(string path, int threads)
    {
        using var blocks = CsvBlocks.Open(path, CsvOptions.Default) ?? throw new InvalidOperationException("not a plain file");
        var table = new CsvNumbers(blocks.Width, blocks.FileBytes);
        using var pipeline = new CsvPipeline(blocks.Width, threads);
        while (blocks.ReadInto(pipeline.Current.BlockBuffer, out int length) == BlockRead.Filled)
        {
            pipeline.Current.LoadBlock(length);
            Assert.True(pipeline.Submit(table));
        }
        Assert.True(pipeline.Finish(table));
        using var array = table.ToArray();
        return (IoTestData.CBytes(array), pipeline.PeakParsing, pipeline.Parsing);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Parsers_never_outnumber_the_threads_and_the_table_is_the_sequential_one(int threads)
    {
        using var dir = new TempDir();
        WriteFile(dir.File("t.csv"));
        var sequential = Read(dir.File("t.csv"), 1);
        Assert.Equal(1, sequential.PeakParsing);
        for (int run = 0; run < 3; run++)
        {
            var parallel = Read(dir.File("t.csv"), threads);
            Assert.InRange(parallel.PeakParsing, 1, threads);
            Assert.Equal(0, parallel.ParsingAfter);
            Assert.Equal(sequential.Bytes, parallel.Bytes);
        }
    }

    [Fact]
    public void A_pipeline_disposed_before_it_finishes_leaves_no_parse_running()
    {
        using var dir = new TempDir();
        WriteFile(dir.File("t.csv"));
        using var blocks = CsvBlocks.Open(dir.File("t.csv"), CsvOptions.Default)!;
        var table = new CsvNumbers(blocks.Width, blocks.FileBytes);
        var pipeline = new CsvPipeline(blocks.Width, threads: 4);
        for (int b = 0; b < Blocks / 2 && blocks.ReadInto(pipeline.Current.BlockBuffer, out int length) == BlockRead.Filled; b++)
        {
            pipeline.Current.LoadBlock(length);
            Assert.True(pipeline.Submit(table));
        }
        pipeline.Dispose();
        Assert.Equal(0, pipeline.Parsing);
    }
}
