using System.Buffers;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;

namespace NumNet.Memory;

/// <summary>
/// A buffer over a range of a file mapped into memory: reads and writes go straight to the page cache, so arrays
/// larger than RAM work and nothing is read until it is touched. Unmapped when the last array over it is disposed and
/// the last access has ended (or, as a safety net, by the finalizer); see <see cref="ArrayBuffer"/> for the rules.
/// </summary>
/// <remarks>
/// The mapping covers the file from its start to the end of the range, so byte 0 of the mapping is page-aligned and
/// the range's alignment is that of its file offset.
/// </remarks>
public sealed unsafe class MemoryMappedFileBuffer : ArrayBuffer, IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly long _start;
    private readonly long _byteLength;
    private readonly bool _readOnly;
    private readonly bool _flushOnDispose;
    private nint _pointer;

    /// <summary>Maps <paramref name="byteLength"/> bytes of <paramref name="path"/> from <paramref name="fileOffset"/>.</summary>
    /// <param name="path">The file; it must already hold the whole range.</param>
    /// <param name="fileOffset">Where the range starts.</param>
    /// <param name="byteLength">Length of the range; may be 0.</param>
    /// <param name="access">
    /// <see cref="MemoryMappedFileAccess.Read"/> (read-only), <see cref="MemoryMappedFileAccess.ReadWrite"/> (writes reach
    /// the file) or <see cref="MemoryMappedFileAccess.CopyOnWrite"/> (writes stay private to this mapping).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A negative offset or length, or another access kind.</exception>
    /// <exception cref="InvalidDataException">The file is shorter than the range.</exception>
    /// <exception cref="IOException">The file cannot be opened or mapped.</exception>
    public MemoryMappedFileBuffer(string path, long fileOffset, long byteLength, MemoryMappedFileAccess access)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(fileOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        if (access is not (MemoryMappedFileAccess.Read or MemoryMappedFileAccess.ReadWrite or MemoryMappedFileAccess.CopyOnWrite))
            throw new ArgumentOutOfRangeException(nameof(access), access, "use Read, ReadWrite or CopyOnWrite");
        if (fileOffset > long.MaxValue - byteLength)
            throw new ArgumentOutOfRangeException(nameof(byteLength), "the range's end is past what a file can hold");
        long end = fileOffset + byteLength;

        bool write = access == MemoryMappedFileAccess.ReadWrite;
        // Sharing stays as open as POSIX mmap is: other readers and writers, and deletion, are not blocked.
        var stream = new FileStream(path, FileMode.Open, write ? FileAccess.ReadWrite : FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete);
        try
        {
            // Checked here, not left to the mapping: touching pages past the end of a file kills the process (SIGBUS).
            if (stream.Length < end)
                throw new InvalidDataException($"the file holds {stream.Length} bytes, fewer than the {end} to be mapped");
            if (stream.Length == 0)
                throw new InvalidDataException("an empty file cannot be memory-mapped");
            _file = MemoryMappedFile.CreateFromFile(stream, null, 0,
                access == MemoryMappedFileAccess.CopyOnWrite ? MemoryMappedFileAccess.Read : access,
                HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        try
        {
            // A view of zero bytes means "to the end of the file" to the API, so an empty range maps one byte.
            _view = _file.CreateViewAccessor(0, Math.Max(end, 1), access);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _pointer = (nint)(p + _view.PointerOffset + fileOffset);
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
        _start = fileOffset;
        _byteLength = byteLength;
        _readOnly = access == MemoryMappedFileAccess.Read;
        _flushOnDispose = write;
    }

    /// <inheritdoc/>
    public override long ByteLength => _byteLength;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    /// <summary>Where the mapped range starts in the file.</summary>
    public long FileOffset => _start;

    /// <summary>True once the buffer is closed (<see cref="ArrayBuffer.IsClosed"/>): the mapping is released or about to be.</summary>
    public bool IsDisposed => IsClosed;

    internal override object? MemoryKey => null;

    internal override long KeyOffset => 0;

    internal override nint NativeAddress => _pointer;

    // The mapping starts on a page; the range inherits the alignment of its offset, capped at what any dtype needs.
    internal override int BaseAlignment => (int)Math.Min(4096, _start == 0 ? 4096 : _start & -_start);

    private protected override ref byte Origin()
    {
        byte* p = (byte*)_pointer;
        Debug.Assert(p != null, "a lease is held, so the mapping is there");
        return ref *p;
    }

    private protected override MemoryHandle Pin() => new((void*)_pointer);

    /// <summary>Writes dirty pages of a read-write mapping back to the file now.</summary>
    /// <exception cref="ObjectDisposedException">The buffer is closed.</exception>
    public void Flush()
    {
        AcquireLease();
        try
        {
            if (_flushOnDispose)
                _view.Flush();
        }
        finally
        {
            ReleaseLease();
        }
    }

    /// <summary>
    /// Closes the buffer whatever arrays still use it: every later access throws <see cref="ObjectDisposedException"/>,
    /// and the file is unmapped (writes of a read-write mapping flushed) when the accesses running now end. Safe to call
    /// more than once.
    /// </summary>
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Safety net for arrays nobody disposed: unmaps so the file can be deleted or replaced.</summary>
    ~MemoryMappedFileBuffer() => ReleaseFromFinalizer();

    private protected override void ReleaseMemory(bool finalizing)
    {
        if (Interlocked.Exchange(ref _pointer, 0) == 0)
            return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        if (finalizing)
            return;
        GC.SuppressFinalize(this);
        try
        {
            if (_flushOnDispose)
                _view.Flush();
        }
        finally
        {
            _view.Dispose();
            _file.Dispose();
        }
    }
}
