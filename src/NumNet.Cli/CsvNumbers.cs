using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NumNet.Cli;

/// <summary>
/// The cells of a numeric table, row after row, 8 bytes each: int64 while the table has held only integers that
/// fit, all float64 (as bits) once any column has seen anything else (NumPy's table is float64 then). The cells go straight into the array that
/// <see cref="ToArray"/> returns: it is sized from the file's length and the first batch's cell width with a margin
/// (pages never written cost no memory), so a table is read without a second copy of it, and grown only when the
/// estimate falls short.
/// </summary>
internal sealed class CsvNumbers : ICsvTable
{
    private readonly long _fileBytes;
    private bool _isFloat;
    private long[] _cells = [];
    private int _count;

    /// <summary>A table of <paramref name="width"/> columns read from a file of <paramref name="fileBytes"/> bytes.</summary>
    public CsvNumbers(int width, long fileBytes)
    {
        Debug.Assert(width > 0);
        Width = width;
        _fileBytes = fileBytes;
    }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">More cells than one .NET array holds.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public void Append(CsvBatch batch)
    {
        Debug.Assert(batch.Width == Width && batch.Error is null && !batch.HasText);
        if (batch.MatchTable(_isFloat))
            MakeFloat();
        var cells = batch.Cells;
        EnsureCapacity((long)_count + cells.Length, batch);
        cells.CopyTo(_cells.AsSpan(_count));
        _count += cells.Length;
    }

    /// <summary>
    /// The cells as a (rows, width) array: int64 when every cell was an integer that fits, float64 otherwise
    /// (integers converted as NumPy's <c>float()</c> would). The array is a view of the cells, not a copy.
    /// </summary>
    public NDArray ToArray()
    {
        Debug.Assert(_count % Width == 0, "only whole rows are converted");
        return np.frombuffer(_cells, _isFloat ? np.float64 : np.int64, count: _count).Reshape(_count / Width, Width);
    }

    private void MakeFloat()
    {
        if (_isFloat)
            return;
        _isFloat = true;
        for (int i = 0; i < _count; i++)
            _cells[i] = BitConverter.DoubleToInt64Bits((double)_cells[i]);
    }

    private void EnsureCapacity(long needed, CsvBatch batch)
    {
        if (needed <= _cells.Length)
            return;
        if (needed > Array.MaxLength)
            throw new InvalidDataException($"the CSV holds more than {Array.MaxLength} numbers, more than one array holds here");
        long capacity = _cells.Length == 0
            ? EstimateCells(batch)
            : 2L * _cells.Length;
        capacity = Math.Clamp(capacity, needed, Array.MaxLength);
        // Not zeroed: every cell is written before it is read, and untouched pages cost no memory.
        long[] grown = GC.AllocateUninitializedArray<long>((int)capacity);
        _cells.AsSpan(0, _count).CopyTo(grown);
        _cells = grown;
    }

    /// <summary>The whole file's cells at the first batch's characters per cell, an eighth more for safety.</summary>
    private long EstimateCells(CsvBatch first)
    {
        return (long)(_fileBytes / first.FileCharsPerCell * 1.125) + first.Cells.Length;
    }
}
