using System.Text;
using Microsoft.Win32.SafeHandles;
using NumNet.Internal;

namespace NumNet.Cli;

/// <summary>What <see cref="CsvBlocks.ReadInto"/> did.</summary>
internal enum BlockRead
{
    /// <summary>The buffer holds whole lines (the file's last line may lack its line break).</summary>
    Filled,

    /// <summary>The file is read to its end; nothing was added.</summary>
    End,

    /// <summary>A line is longer than a block: the file is not one this reader takes.</summary>
    LineTooLong,
}

/// <summary>
/// The raw bytes of a CSV file in blocks cut at line breaks, for the plain-file fast path of <see cref="CsvReader"/>:
/// the reading thread only copies bytes, and splitting cells, like parsing them, happens in <see cref="CsvBatch"/> on
/// any thread. A line break ends a record only when no quoted cell can span lines; the batches check that no quote
/// is in the file (and that it is ASCII) and send anything else back to the full CSV reader.
/// </summary>
internal sealed class CsvBlocks : IDisposable
{
    /// <summary>Bytes in a block: a few thousand records, enough to keep a thread busy for a while.</summary>
    public const int BlockBytes = CsvBatch.TargetChars;

    private readonly SafeFileHandle _file;
    private readonly byte[] _carry = new byte[BlockBytes];
    private long _offset;
    private int _carried;
    private bool _atEnd;

    private CsvBlocks(SafeFileHandle file, long length)
    {
        _file = file;
        FileBytes = length;
    }

    /// <summary>The file's length when it was opened (only an estimate of the table's size: the file is read to its end).</summary>
    public long FileBytes { get; }

    /// <summary>Cells in the first data record.</summary>
    public int Width { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and reads up to its first data record (past blank lines and, with
    /// <see cref="CsvOptions.Header"/>, the header); null when those first lines are not plain ASCII without quotes,
    /// or when no data record starts within the first block.
    /// </summary>
    public static CsvBlocks? Open(string path, CsvOptions options)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var blocks = new CsvBlocks(file, RandomAccess.GetLength(file));
        try
        {
            if (blocks.SkipToData(options))
                return blocks;
        }
        catch
        {
            blocks.Dispose();
            throw;
        }
        blocks.Dispose();
        return null;
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> (at least <see cref="BlockBytes"/> long) with the next whole lines of the file;
    /// <paramref name="length"/> is how many bytes it holds.
    /// </summary>
    public BlockRead ReadInto(Span<byte> buffer, out int length)
    {
        _carry.AsSpan(0, _carried).CopyTo(buffer);
        length = _carried;
        _carried = 0;
        length += Fill(buffer[length..BlockBytes]);
        if (length == 0)
            return BlockRead.End;
        if (_atEnd)
            return BlockRead.Filled;
        int lastBreak = buffer[..length].LastIndexOf((byte)'\n');
        if (lastBreak < 0)
            return BlockRead.LineTooLong;
        _carried = length - (lastBreak + 1);
        buffer.Slice(lastBreak + 1, _carried).CopyTo(_carry);
        length = lastBreak + 1;
        return BlockRead.Filled;
    }

    /// <summary>Reads from the file until <paramref name="into"/> is full or the file ends; the bytes read.</summary>
    private int Fill(Span<byte> into)
    {
        if (_atEnd)
            return 0;
        int read = PositionedRead.Fill(_file, into, _offset);
        _offset += read;
        _atEnd = read < into.Length; // short only at the end of the file
        return read;
    }

    /// <summary>
    /// Reads the first block and drops what comes before the first data record, whose cells fix
    /// <see cref="Width"/>; false when a line up to it is not plain, or it does not start in the first block.
    /// </summary>
    private bool SkipToData(CsvOptions options)
    {
        _carried = Fill(_carry);
        var text = _carry.AsSpan(0, _carried);
        bool headerSkipped = !options.Header;
        int start = 0;
        while (start < text.Length)
        {
            int lineBreak = text[start..].IndexOf((byte)'\n');
            if (lineBreak < 0 && !_atEnd)
                return false;
            int next = lineBreak < 0 ? text.Length : start + lineBreak + 1;
            var line = text[start..(lineBreak < 0 ? text.Length : next - 1)];
            if (line.EndsWith((byte)'\r'))
                line = line[..^1];
            if (!Ascii.IsValid(line) || line.IndexOfAny((byte)'"', (byte)'\r') >= 0)
                return false;
            if (!line.IsEmpty)
            {
                if (headerSkipped)
                {
                    Width = line.Count((byte)options.Delimiter) + 1;
                    _carried -= start;
                    _carry.AsSpan(start, _carried).CopyTo(_carry);
                    return true;
                }
                headerSkipped = true;
            }
            start = next;
        }
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
