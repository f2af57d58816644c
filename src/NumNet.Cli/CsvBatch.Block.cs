using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace NumNet.Cli;

/// <summary>
/// A batch made of a block of the file's bytes (<see cref="CsvBlocks"/>): splitting it into cells happens in
/// <see cref="Parse"/>, on the parsing thread, so the reading thread only copies bytes. Only a plain file is read
/// this way: ASCII, no quote, line breaks <c>\n</c> or <c>\r\n</c>, every record as wide as the first. Anything else
/// in the block (or a cell that cannot be read, whose message needs its row number) makes the batch not
/// <see cref="IsPlain"/>, and the whole file goes to the full reader, which gives the same table or error a file
/// read only by it gives.
/// </summary>
internal sealed partial class CsvBatch
{
    private readonly SearchValues<char> _separators;
    private byte[]? _bytes;
    private int _byteLength;

    /// <summary>After <see cref="Parse"/> of a block: false when the block is not plain CSV (see the class remarks).</summary>
    public bool IsPlain { get; private set; } = true;

    /// <summary>The buffer <see cref="CsvBlocks.ReadInto"/> fills before <see cref="LoadBlock"/>.</summary>
    public Span<byte> BlockBuffer => _bytes ??= new byte[CsvBlocks.BlockBytes];

    /// <summary>Takes the first <paramref name="length"/> bytes of <see cref="BlockBuffer"/> as this batch's content.</summary>
    public void LoadBlock(int length)
    {
        System.Diagnostics.Debug.Assert(!HasContent && length > 0 && length <= CsvBlocks.BlockBytes);
        _byteLength = length;
    }

    /// <summary>Splits the block into records and cells and parses each cell as it is found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private void ParseBlock(StrongBox<bool> abandoned)
    {
        if (Ascii.ToUtf16(_bytes.AsSpan(0, _byteLength), _text, out int length) != OperationStatus.Done)
        {
            IsPlain = false;
            return;
        }
        try
        {
            IsPlain = SplitAndParse(_text.AsSpan(0, length), abandoned);
        }
        catch (InvalidDataException)
        {
            IsPlain = false; // the full reader reports it, with its row
        }
    }

    /// <summary>False when <paramref name="text"/> is not plain CSV; stops early at a text cell (<see cref="HasText"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private bool SplitAndParse(ReadOnlySpan<char> text, StrongBox<bool> abandoned)
    {
        int position = 0, index = 0, rows = 0;
        while (position < text.Length)
        {
            if (Volatile.Read(ref abandoned.Value))
                return true;
            int lineStart = position, column = 0;
            bool lineEnded = false;
            while (!lineEnded)
            {
                int cellStart = position;
                int found = text[position..].IndexOfAny(_separators);
                int end = found < 0 ? text.Length : position + found;
                char stop = found < 0 ? '\n' : text[end];
                int next = end + 1;
                if (stop == '"')
                    return false;
                if (stop == '\r')
                {
                    if (next >= text.Length || text[next] != '\n')
                        return false;
                    next++;
                    stop = '\n';
                }
                lineEnded = stop == '\n';
                position = next;
                if (lineEnded && end == lineStart)
                    break; // a blank line
                if (column == Width)
                    return false; // a record wider than the first
                if (index == _cells.Length)
                    Array.Resize(ref _cells, 2 * _cells.Length);
                if (!ParseCell(default, column, index, text[cellStart..end]))
                {
                    HasText = true;
                    return true;
                }
                index++;
                column++;
            }
            if (column == 0)
                continue;
            if (column != Width)
                return false; // a record narrower than the first
            _cellCount = index;
            RowCount = ++rows;
        }
        return true;
    }
}
