using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace NumNet.Cli;

/// <summary>
/// The records of a CSV file, one at a time, as Sylvan.Data.Csv parses them (RFC 4180: a quote opens a quoted cell
/// only at the start of a cell, so <c>12" ruler</c> is text; quoted cells may hold delimiters, quotes and line
/// breaks). Blank lines are skipped, the header row too when there is one, and every record must have as many cells
/// as the first. Sylvan's errors become <see cref="InvalidDataException"/>s that say where.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    /// <summary>The longest record accepted, in characters: enough for any table, bounded for a hostile file.</summary>
    public const int MaxRecordLength = 1 << 26;

    private readonly CsvDataReader _reader;
    private readonly bool _skipHeader;
    private bool _headerSkipped;

    private CsvRecords(CsvDataReader reader, bool skipHeader)
    {
        _reader = reader;
        _skipHeader = skipHeader;
    }

    /// <summary>Cells per record, fixed by the first data record; 0 before it.</summary>
    public int Width { get; private set; }

    /// <summary>The 1-based number of the current record in the file (the header and blank lines count).</summary>
    public long Row => _reader.RowNumber;

    /// <summary>The current record's cell <paramref name="column"/>, unquoted.</summary>
    public ReadOnlySpan<char> this[int column] => _reader.GetFieldSpan(column);

    /// <summary>
    /// True when the current record is the single quoted cell <c>""</c>: an empty string written on purpose, which
    /// is not the same as a missing value.
    /// </summary>
    public bool IsQuotedEmptyRecord => Width == 1 && _reader.GetRawRecordSpan().TrimEnd("\r\n").SequenceEqual("\"\"");

    /// <summary>Opens <paramref name="path"/> for reading with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidDataException">The first record is malformed (Sylvan reads it as it opens).</exception>
    public static CsvRecords Open(string path, CsvOptions options)
    {
        var settings = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = options.Delimiter,
            Comment = '\0', // CSV has no comments: a cell starting with '#' is data
            BufferSize = 1 << 16,
            MaxBufferSize = MaxRecordLength,
            OwnsReader = true,
        };
        // Large reads: the default 4 KB buffer costs a system call per 4 KB (262 144 for a 1 GB file).
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 20);
        try
        {
            return new CsvRecords(CsvDataReader.Create(reader, settings), options.Header);
        }
        catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException)
        {
            reader.Dispose();
            throw Translated(1, e);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next data record; false at the end of the file.</summary>
    /// <exception cref="InvalidDataException">Malformed quoting, a record too long, or a record of another width.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public bool MoveNext()
    {
        while (Read())
        {
            if (_reader.RowFieldCount == 1 && _reader.GetRawRecordSpan().TrimEnd("\r\n").IsEmpty)
                continue; // a blank line
            if (_skipHeader && !_headerSkipped)
            {
                _headerSkipped = true;
                continue;
            }
            if (Width == 0)
                Width = _reader.RowFieldCount;
            else if (_reader.RowFieldCount != Width)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"CSV row {Row} has {_reader.RowFieldCount} cells where the rows before it have {Width}"));
            return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException)
        {
            throw Translated(Math.Max(1, _reader.RowNumber), e); // Sylvan counts the failing record already
        }
    }

    /// <summary>Sylvan's error <paramref name="e"/> while it read record <paramref name="row"/>, in our words.</summary>
    private static InvalidDataException Translated(long row, Exception e) =>
        new(e is CsvRecordTooLargeException
            ? string.Create(CultureInfo.InvariantCulture, $"CSV row {row} is longer than {MaxRecordLength} characters")
            : string.Create(CultureInfo.InvariantCulture, $"CSV row {row}: {e.Message}"));

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
