using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// A numeric CSV table written into a .npy file as its batches join, so the write overlaps the parse instead of
/// following it, and the table is never held whole in memory. The file's bytes are those <c>np.save</c> writes for
/// the table <see cref="CsvReader.Read"/> returns.
/// </summary>
/// <remarks>
/// The row count is known only at the end, but the header's length is not: NumPy pads the shape's first number as
/// if it could take 21 digits (so a writer can grow that axis in place), which makes the header of a (rows, width)
/// int64 or float64 table the same length whatever rows is. The data therefore starts at a fixed offset, each batch
/// is written at its place as soon as it joins, and the header is written last with the final shape and dtype.
/// </remarks>
internal sealed class CsvNpyTable : ICsvTable
{
    /// <summary>Cells read back at a time when the table turns float64 after integer batches were written.</summary>
    private const int ConvertCells = 1 << 17;

    private readonly SafeFileHandle _file;
    private readonly Action<long>? _progress;
    private readonly long _dataStart;
    private long _fileBytesDone;
    private long _cellCount;
    private bool _isFloat;

    private CsvNpyTable(SafeFileHandle file, int width, Action<long>? progress)
    {
        Debug.Assert(width > 0);
        _file = file;
        _progress = progress;
        Width = width;
        _dataStart = Header(np.int64, 0).Length;
    }

    /// <inheritdoc/>
    public int Width { get; }

    /// <summary>
    /// Writes the .npy of the CSV table at <paramref name="path"/> into <paramref name="file"/> (from its start; the
    /// file's length is set to the content's) when the table is numeric; otherwise writes nothing that counts and
    /// returns the table of strings, which the caller writes over it. <paramref name="progress"/>, when given, hears
    /// about how many bytes of the CSV have been parsed and written, as batches join.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="CsvReader.Read"/>.</exception>
    /// <exception cref="CsvOutputException">Writing <paramref name="file"/> failed.</exception>
    public static NDArray? TryWrite(string path, CsvOptions options, SafeFileHandle file, Action<long>? progress = null)
    {
        // A plain file that proves not to be is read again by the full reader into a new table over the same file:
        // it writes from the data's start again, and Finish cuts whatever the first attempt left beyond its end.
        var table = CsvReader.ReadNumbers(path, options, (width, _) => new CsvNpyTable(file, width, progress));
        if (table is null)
            return CsvReader.ReadText(path, options);
        table.Finish();
        return null;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvReader: a one-shot hot loop, no time to tier up
    public void Append(CsvBatch batch)
    {
        Debug.Assert(batch.Width == Width && batch.Error is null && !batch.HasText);
        if (batch.MatchTable(_isFloat))
            MakeFloat();
        var cells = batch.Cells;
        Debug.Assert(cells.Length % Width == 0, "a batch holds whole rows");
        try
        {
            RandomAccess.Write(_file, MemoryMarshal.AsBytes(cells), CellOffset(_cellCount));
        }
        catch (Exception e) when (IsOutputFailure(e))
        {
            throw new CsvOutputException(e);
        }
        _cellCount += cells.Length;
        _fileBytesDone += batch.FileBytes;
        _progress?.Invoke(_fileBytesDone);
    }

    /// <summary>Writes the header with the final shape and dtype, and ends the file after the last cell.</summary>
    private void Finish()
    {
        var header = Header(_isFloat ? np.float64 : np.int64, _cellCount / Width);
        // The growth-axis padding keeps the length fixed up to 21 digits of rows; more cells than that cannot exist.
        if (header.Length != _dataStart)
            throw new UnreachableException("the .npy header changed length with the row count");
        try
        {
            RandomAccess.Write(_file, header, 0);
            RandomAccess.SetLength(_file, CellOffset(_cellCount));
        }
        catch (Exception e) when (IsOutputFailure(e))
        {
            throw new CsvOutputException(e);
        }
    }

    private byte[] Header(DType dtype, long rows) =>
        NpyFormat.Wrap(NpyFormat.DictText(dtype, [rows, Width], fortranOrder: false));

    private long CellOffset(long cell) => _dataStart + cell * sizeof(long);

    /// <summary>
    /// Turns the integers written so far into float64, as <see cref="CsvNumbers"/> turns its cells: read back, converted
    /// and written in place, a slice at a time (at most once per table, and never for a table whose first batch has a
    /// float cell).
    /// </summary>
    private void MakeFloat()
    {
        if (_isFloat)
            return;
        _isFloat = true;
        if (_cellCount == 0)
            return;
        var slice = new long[(int)Math.Min(ConvertCells, _cellCount)];
        try
        {
            for (long first = 0; first < _cellCount; first += slice.Length)
            {
                var cells = slice.AsSpan(0, (int)Math.Min(slice.Length, _cellCount - first));
                long at = CellOffset(first);
                ReadExactly(MemoryMarshal.AsBytes(cells), at);
                foreach (ref long cell in cells)
                    cell = BitConverter.DoubleToInt64Bits((double)cell);
                RandomAccess.Write(_file, MemoryMarshal.AsBytes(cells), at);
            }
        }
        catch (Exception e) when (IsOutputFailure(e))
        {
            throw new CsvOutputException(e);
        }
    }

    private void ReadExactly(Span<byte> into, long at)
    {
        if (NumNet.Internal.PositionedRead.Fill(_file, into, at) < into.Length)
            throw new IOException("the .npy being written ended early");
    }

    // A failure of the output file is marked as the output's (CsvOutputException), so it is not reported as a
    // problem of the CSV being read at the same time.
    private static bool IsOutputFailure(Exception e) => e is IOException or UnauthorizedAccessException;
}

/// <summary>Writing the output of a streamed CSV import failed; <see cref="Exception.InnerException"/> says how.</summary>
internal sealed class CsvOutputException(Exception inner) : Exception(inner.Message, inner);
