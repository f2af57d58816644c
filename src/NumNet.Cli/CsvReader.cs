using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NumNet.Cli;

/// <summary>
/// Reads a CSV file into a 2-d array (rows by columns), choosing the dtype as NumPy's <c>genfromtxt(dtype=None)</c>
/// chooses a column's and <c>np.asarray</c> combines them: int64 when every cell is an integer that fits, float64 when
/// every cell is a number (a missing cell is NaN, as <c>genfromtxt</c> fills it; an integer beyond int64 is read as a
/// float, as <c>genfromtxt</c> does); otherwise a string dtype, through <c>np.asarray</c>'s discovery of the cells'
/// Python-like values (an integer, a float, or the text itself).
/// </summary>
internal static class CsvReader
{
    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// No rows, malformed quoting, rows of different widths, or an integer longer than Python's 4 300-digit limit.
    /// </exception>
    public static NDArray Read(string path, CsvOptions options) =>
        ReadNumbers(path, options, static (width, bytes) => new CsvNumbers(width, bytes))?.ToArray() ?? ReadText(path, options);

    /// <summary>
    /// Parses <paramref name="path"/> into a table <paramref name="newTable"/> makes (from the width and the file's
    /// length), batch by batch in file order; null when the table is not numeric (<see cref="ReadText"/> reads it then).
    /// A table may be made and filled more than once: when a plain file turns out not to be, the full reader starts
    /// again with a new one.
    /// </summary>
    /// <inheritdoc cref="Read"/>
    public static T? ReadNumbers<T>(string path, CsvOptions options, Func<int, long, T> newTable)
        where T : class, ICsvTable
    {
        // Numbers are parsed straight into 8-byte cells in one streaming pass. The first cell that is text ends it:
        // the whole table then becomes strings, which needs every cell's text, so the file is read again. A plain
        // file (ASCII, no quotes) is split into cells on the parsing threads; any other goes through Sylvan.
        return TryReadPlainNumbers(path, options, newTable, out bool hasText) is { } table ? table
            : hasText ? null
            : TryReadNumbers(path, options, newTable);
    }

    /// <summary>
    /// True (the default) to read plain files through <see cref="CsvBlocks"/>; false sends every file to the full
    /// reader, which tests compare the fast path against.
    /// </summary>
    internal static bool SplitsPlainFiles { get; set; } = true;

    /// <summary>
    /// Files from this size on are parsed on up to <see cref="NumNetSettings.MaxThreads"/> threads; smaller ones on
    /// the reading thread alone.
    /// </summary>
    internal static long ParallelFromBytes { get; set; } = 8 << 20;

    /// <summary>The table, int64 or float64, or null when some cell is text.</summary>
    // The import's hot methods (here and in CsvRecords, CsvBatch, CsvCell, CsvNumbers) are compiled optimised at once:
    // a convert runs them millions of times in one short process, and with tiered compilation they spent much of it
    // in unoptimised code waiting for the background tier-up (measured 111 MB, one thread, loaded machine: 0.52 s user
    // with no tiering at all against 0.70 s tiered).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T? TryReadNumbers<T>(string path, CsvOptions options, Func<int, long, T> newTable)
        where T : class, ICsvTable
    {
        using var records = CsvRecords.Open(path, options);
        if (!records.MoveNext())
            throw NoRows(path);
        long bytes = new FileInfo(path).Length;
        var table = newTable(records.Width, bytes);
        int threads = bytes >= ParallelFromBytes ? NumNetSettings.MaxThreads : 1;
        using var pipeline = new CsvPipeline(records.Width, threads);
        bool stopped;
        do
        {
            if (records.IsQuotedEmptyRecord)
                return null; // an empty string on purpose, not a missing number
            pipeline.Current.Add(records);
            if (pipeline.Current.IsFull && !pipeline.Submit(table))
                return null;
        }
        while (MoveNextAfterSentBatches(records, pipeline, table, out stopped));
        return !stopped && pipeline.Finish(table) ? table : null;
    }

    /// <summary>
    /// The next record, as <see cref="CsvRecords.MoveNext"/>. When the record is malformed, the batches already sent are
    /// joined first: a sequential read parses each batch before it reads past it, so their bad cells, or their text
    /// (<paramref name="stopped"/>: the table is not numeric), come before the malformed record.
    /// </summary>
    private static bool MoveNextAfterSentBatches(CsvRecords records, CsvPipeline pipeline, ICsvTable table, out bool stopped)
    {
        stopped = false;
        try
        {
            return records.MoveNext();
        }
        catch (InvalidDataException)
        {
            if (pipeline.JoinSent(table))
                throw;
            stopped = true;
            return false;
        }
    }

    /// <summary>
    /// The table, int64 or float64, when the file is plain CSV (see <see cref="CsvBatch"/>'s block remarks);
    /// null otherwise, with <paramref name="hasText"/> true when the reason is a text cell, false when the file needs
    /// the full reader (its outcome, table or error, is then the full reader's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see TryReadNumbers
    private static T? TryReadPlainNumbers<T>(string path, CsvOptions options, Func<int, long, T> newTable, out bool hasText)
        where T : class, ICsvTable
    {
        hasText = false;
        if (!SplitsPlainFiles || !char.IsAscii(options.Delimiter))
            return null;
        using var blocks = CsvBlocks.Open(path, options);
        if (blocks is null)
            return null;
        var table = newTable(blocks.Width, blocks.FileBytes);
        int threads = blocks.FileBytes >= ParallelFromBytes ? NumNetSettings.MaxThreads : 1;
        using var pipeline = new CsvPipeline(blocks.Width, threads, options.Delimiter);
        while (true)
        {
            var read = blocks.ReadInto(pipeline.Current.BlockBuffer, out int length);
            if (read == BlockRead.LineTooLong)
                return null;
            if (read == BlockRead.End)
                break;
            pipeline.Current.LoadBlock(length);
            if (!pipeline.Submit(table))
            {
                hasText = pipeline.StoppedOnText;
                return null;
            }
        }
        if (!pipeline.Finish(table))
        {
            hasText = pipeline.StoppedOnText;
            return null;
        }
        return table;
    }

    /// <summary>The table as strings: each cell's Python-like value, through <c>np.asarray</c>'s discovery.</summary>
    /// <inheritdoc cref="Read"/>
    public static NDArray ReadText(string path, CsvOptions options)
    {
        using var records = CsvRecords.Open(path, options);
        var rows = new List<object?[]>();
        while (records.MoveNext())
        {
            var row = new object?[records.Width];
            for (int c = 0; c < row.Length; c++)
                row[c] = TextValue(records[c], new CellPosition(records.Row, c + 1));
            rows.Add(row);
        }
        if (rows.Count == 0)
            throw NoRows(path);
        return np.asarray(rows.ToArray());
    }

    /// <summary>What <c>np.asarray</c> sees for a cell of a text table: an int, a float, or the text (a missing cell is "").</summary>
    private static object TextValue(ReadOnlySpan<char> cell, CellPosition where) =>
        CsvCell.Classify(cell, out var number) switch
        {
            CellKind.Integer => CsvCell.TryParseInt64(number, out long value, where) ? value : (object)CsvCell.ParseBigInteger(number, where),
            CellKind.Float => CsvCell.ParseDouble(number, where),
            CellKind.Missing or CellKind.Text => cell.ToString(),
            _ => throw new UnreachableException(),
        };

    private static InvalidDataException NoRows(string path) =>
        new($"'{path}' holds no rows of CSV");
}
