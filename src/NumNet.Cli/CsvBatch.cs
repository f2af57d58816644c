using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace NumNet.Cli;

/// <summary>
/// A run of records copied out of the CSV reader, then parsed on its own (on any thread) into 8-byte cells: int64
/// while every cell in this batch is an integer that fits, all float64 once one is not. Batches are parsed
/// independently and appended to the table in file order, so the result does not depend on how many ran at once.
/// </summary>
internal sealed partial class CsvBatch
{
    /// <summary>Characters a batch collects before it is parsed.</summary>
    public const int TargetChars = 1 << 20;

    private char[] _text = new char[TargetChars + (TargetChars >> 2)];
    private readonly int[] _cellEnds;
    private long[] _cells;
    private long[] _rows = new long[1 << 12];
    private int _textLength;
    private int _cellCount;

    /// <summary>A batch of records <paramref name="width"/> cells wide, separated by <paramref name="delimiter"/>.</summary>
    public CsvBatch(int width, char delimiter = ',')
    {
        Debug.Assert(width > 0);
        Width = width;
        _separators = SearchValues.Create([delimiter, '\n', '\r', '"']);
        _floatColumns = new bool[width];
        // Room for one record at least, however wide.
        _cellEnds = new int[Math.Max(1 << 16, width)];
        _cells = new long[_cellEnds.Length];
    }

    /// <summary>Cells per record.</summary>
    public int Width { get; }

    /// <summary>Records held.</summary>
    public int RowCount { get; private set; }

    /// <summary>After <see cref="Parse"/>: the characters of the file per cell, delimiters and line breaks included.</summary>
    public double FileCharsPerCell => _byteLength > 0 ? (double)_byteLength / _cellCount : (double)_textLength / _cellCount + 1;

    /// <summary>About how many bytes of the file the batch covers (its block, or its cells' characters and delimiters).</summary>
    public long FileBytes => _byteLength > 0 ? _byteLength : (long)_textLength + _cellCount;

    /// <summary>True when the batch holds records or a block of the file to parse.</summary>
    public bool HasContent => RowCount > 0 || _byteLength > 0;

    /// <summary>True when the batch has collected enough to be parsed.</summary>
    public bool IsFull => _textLength >= TargetChars || _cellCount + Width > _cellEnds.Length;

    /// <summary>After <see cref="Parse"/>: the cells, row after row (int64, or float64 bits in a float column).</summary>
    public ReadOnlySpan<long> Cells => _cells.AsSpan(0, _cellCount);

    // Which columns have held a cell that is not an integer fitting int64: their integer cells are read as float()
    // reads them (-0 is -0.0), those of the other columns as int64 converted to float64 (-0 is 0.0), as NumPy's
    // genfromtxt types a column.
    private readonly bool[] _floatColumns;

    /// <summary>
    /// After <see cref="Parse"/>: true when every cell is stored as float64 bits. A batch switches as soon as one
    /// column turns float, because the table is then float64 whatever the other columns hold; converting their
    /// integers here, on the parsing thread, spares the table a pass over them on the joining thread.
    /// </summary>
    public bool AllDouble { get; private set; }

    /// <summary>After <see cref="Parse"/>: true when some cell is text, so the table is not numeric.</summary>
    public bool HasText { get; private set; }

    /// <summary>Empties the batch for reuse (its buffers stay).</summary>
    public void Clear()
    {
        RowCount = 0;
        _textLength = 0;
        _cellCount = 0;
        Array.Clear(_floatColumns);
        AllDouble = false;
        HasText = false;
        IsPlain = true;
        Error = null;
        _byteLength = 0;
    }

    /// <summary>After <see cref="Parse"/>: the error of the first cell that could not be read, if any.</summary>
    public ExceptionDispatchInfo? Error { get; private set; }

    /// <summary>Copies the current record of <paramref name="records"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public void Add(CsvRecords records)
    {
        Debug.Assert(records.Width == Width);
        Debug.Assert(!IsFull, "a full batch is parsed before it takes more");
        if (RowCount == _rows.Length)
            Array.Resize(ref _rows, _rows.Length * 2);
        _rows[RowCount++] = records.Row;
        for (int c = 0; c < Width; c++)
        {
            var cell = records[c];
            if (_textLength + cell.Length > _text.Length)
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + cell.Length));
            cell.CopyTo(_text.AsSpan(_textLength));
            _textLength += cell.Length;
            _cellEnds[_cellCount++] = _textLength;
        }
    }

    /// <summary>Parses the records; stops at the first text cell or error. <paramref name="abandoned"/> stops it early.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public void Parse(StrongBox<bool> abandoned)
    {
        if (_byteLength > 0)
        {
            ParseBlock(abandoned);
            return;
        }
        try
        {
            int start = 0;
            for (int row = 0, i = 0; row < RowCount; row++)
            {
                if (Volatile.Read(ref abandoned.Value))
                    return;
                for (int column = 0; column < Width; column++, i++)
                {
                    var cell = _text.AsSpan(start, _cellEnds[i] - start);
                    start = _cellEnds[i];
                    if (!ParseCell(new CellPosition(_rows[row], column + 1), column, i, cell))
                    {
                        HasText = true;
                        return;
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            Error = ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>
    /// Brings this batch and the table it joins to one dtype: true when the table must turn float64 (this batch is
    /// all doubles); when the table already is (<paramref name="tableIsFloat"/>), this batch's integers are converted.
    /// </summary>
    public bool MatchTable(bool tableIsFloat)
    {
        if (AllDouble)
            return true;
        if (tableIsFloat)
            MakeAllDouble();
        return false;
    }

    /// <summary>Converts the integers of every column to float64, as a float64 table needs.</summary>
    private void MakeAllDouble() => MakeDoubleBefore(_cellCount);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    private bool ParseCell(CellPosition where, int column, int index, ReadOnlySpan<char> cell)
    {
        // The common cells first, each read in one pass; an integer is stored as the full path below stores it (as
        // a double, the conversion float() gives it, once the batch is all doubles).
        var plain = CsvCell.ParsePlainNumber(cell, out long integer, out double real);
        if (plain == PlainNumber.Integer)
        {
            _cells[index] = AllDouble ? BitConverter.DoubleToInt64Bits(integer) : integer;
            return true;
        }
        if (plain == PlainNumber.Float)
        {
            MakeFloatBefore(column, index);
            _cells[index] = BitConverter.DoubleToInt64Bits(real);
            return true;
        }
        switch (CsvCell.Classify(cell, out var number))
        {
            case CellKind.Integer:
                if (!_floatColumns[column])
                {
                    if (CsvCell.TryParseInt64(number, out long value, where))
                    {
                        _cells[index] = AllDouble ? BitConverter.DoubleToInt64Bits(value) : value;
                        return true;
                    }
                    MakeFloatBefore(column, index);
                }
                _cells[index] = BitConverter.DoubleToInt64Bits(CsvCell.ParseDouble(number, where));
                return true;
            case CellKind.Float:
                MakeFloatBefore(column, index);
                _cells[index] = BitConverter.DoubleToInt64Bits(CsvCell.ParseDouble(number, where));
                return true;
            case CellKind.Missing:
                MakeFloatBefore(column, index);
                _cells[index] = BitConverter.DoubleToInt64Bits(CsvCell.NaN);
                return true;
            case CellKind.Text:
                return false;
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>Marks <paramref name="column"/> float; the batch's cells before <paramref name="index"/> become doubles if they are not yet.</summary>
    private void MakeFloatBefore(int column, int index)
    {
        _floatColumns[column] = true;
        MakeDoubleBefore(index);
    }

    /// <summary><see cref="MakeAllDouble"/> for the cells parsed so far, those before <paramref name="index"/>.</summary>
    private void MakeDoubleBefore(int index)
    {
        if (AllDouble)
            return;
        AllDouble = true;
        for (int i = 0; i < index; i++)
            _cells[i] = BitConverter.DoubleToInt64Bits((double)_cells[i]);
    }
}
