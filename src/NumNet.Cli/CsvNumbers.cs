using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NumNet.Cli;

/// <summary>
/// The cells of a numeric table, row after row, 8 bytes each: an int64 while its column has held only integers that
/// fit, a float64 (as bits) once the column has seen anything else. Cells live in native chunks of 64 MB (above
/// glibc's mmap threshold, so freeing one returns it to the system at once); <see cref="ToArray"/> moves them chunk
/// by chunk into an array whose pages are touched only as they are written, so converting a table never holds much
/// more than the finished array.
/// </summary>
internal sealed unsafe class CsvNumbers : IDisposable
{
    private const int ChunkShift = 23;
    private const int ChunkCells = 1 << ChunkShift;

    private readonly List<nint> _chunks = [];
    private readonly bool[] _isFloat;
    private long _count;

    /// <summary>A table of <paramref name="width"/> columns, all integer so far.</summary>
    public CsvNumbers(int width)
    {
        Debug.Assert(width > 0);
        _isFloat = new bool[width];
    }

    /// <summary>Columns per row.</summary>
    public int Width => _isFloat.Length;

    /// <summary>True once column <paramref name="column"/> holds float64 values.</summary>
    public bool IsFloat(int column) => _isFloat[column];

    /// <summary>
    /// Appends the parsed cells of <paramref name="batch"/>, reconciling column kinds: a column float in either
    /// becomes float in both, integers converted exactly as <c>float()</c> converts them.
    /// </summary>
    public void Append(CsvBatch batch)
    {
        Debug.Assert(batch.Width == Width && batch.Error is null && !batch.HasText);
        for (int c = 0; c < Width; c++)
        {
            if (batch.IsFloat[c])
                MakeFloat(c);
            else if (_isFloat[c])
                batch.MakeFloat(c);
        }
        var cells = batch.Cells;
        while (!cells.IsEmpty)
        {
            int within = (int)(_count & (ChunkCells - 1));
            if (within == 0 && _count >> ChunkShift == _chunks.Count)
                _chunks.Add((nint)NativeMemory.Alloc(ChunkCells, sizeof(long)));
            int n = Math.Min(cells.Length, ChunkCells - within);
            cells[..n].CopyTo(new Span<long>((long*)_chunks[(int)(_count >> ChunkShift)] + within, n));
            cells = cells[n..];
            _count += n;
        }
    }

    /// <summary>Makes <paramref name="column"/> a float column, converting the integers it holds so far.</summary>
    public void MakeFloat(int column)
    {
        if (_isFloat[column])
            return;
        _isFloat[column] = true;
        // Cells already stored: whole rows, plus this column in the row being filled if it has been reached.
        for (long i = column; i < _count; i += Width)
        {
            ref long cell = ref Cell(i);
            cell = BitConverter.DoubleToInt64Bits((double)cell);
        }
    }

    /// <summary>
    /// Moves the cells into a (rows, width) array: int64 when every column is an integer column, float64 otherwise
    /// (integers converted as NumPy's <c>float()</c> would). The table is empty afterwards.
    /// </summary>
    /// <exception cref="InvalidDataException">More cells than one .NET array holds.</exception>
    public NDArray ToArray()
    {
        Debug.Assert(_count % Width == 0, "only whole rows are converted");
        if (_count > Array.MaxLength)
            throw new InvalidDataException($"the CSV holds {_count} numbers; at most {Array.MaxLength} fit in one array here");
        bool anyFloat = Array.IndexOf(_isFloat, true) >= 0;
        if (anyFloat)
        {
            for (int c = 0; c < Width; c++)
                MakeFloat(c);
        }
        // Not zeroed: every element is written below, and untouched pages cost no memory until then.
        long[] cells = GC.AllocateUninitializedArray<long>((int)_count);
        long done = 0;
        for (int k = 0; k < _chunks.Count; k++)
        {
            int n = (int)Math.Min(ChunkCells, _count - done);
            new ReadOnlySpan<long>((void*)_chunks[k], n).CopyTo(cells.AsSpan((int)done, n));
            done += n;
            NativeMemory.Free((void*)_chunks[k]);
            _chunks[k] = 0;
        }
        _chunks.Clear();
        _count = 0;
        // A view of the managed cells: no copy, and the garbage collector owns the memory.
        return np.frombuffer(cells, anyFloat ? np.float64 : np.int64).Reshape(done / Width, Width);
    }

    private ref long Cell(long index)
    {
        Debug.Assert(index >= 0 && index < _count);
        return ref ((long*)_chunks[(int)(index >> ChunkShift)])[index & (ChunkCells - 1)];
    }

    /// <summary>Frees the chunks not yet moved into an array.</summary>
    public void Dispose()
    {
        foreach (nint chunk in _chunks)
        {
            if (chunk != 0)
                NativeMemory.Free((void*)chunk);
        }
        _chunks.Clear();
        _count = 0;
    }
}
