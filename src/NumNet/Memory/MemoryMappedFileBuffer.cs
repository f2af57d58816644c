using System.IO.MemoryMappedFiles;

namespace NumNet.Memory;

/// <summary>
/// A buffer over a range of a file mapped into memory: reads and writes go straight to the page cache, so arrays
/// larger than RAM work and nothing is read until it is touched. Released by <see cref="Dispose"/> (or, as a safety
/// net, by the finalizer); after that every access throws <see cref="ObjectDisposedException"/>.
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

    /// <summary>True once the mapping has been released.</summary>
    public bool IsDisposed => _pointer == 0;

    internal override object? MemoryKey => null;

    internal override long KeyOffset => 0;

    internal override nint NativeAddress => _pointer;

    // The mapping starts on a page; the range inherits the alignment of its offset, capped at what any dtype needs.
    internal override int BaseAlignment => (int)Math.Min(4096, _start == 0 ? 4096 : _start & -_start);

    internal override ref byte GetReference()
    {
        byte* p = (byte*)Volatile.Read(ref _pointer);
        if (p == null)
            ThrowDisposed();
        return ref *p;
    }

    /// <summary>Writes dirty pages of a read-write mapping back to the file now.</summary>
    /// <exception cref="ObjectDisposedException">The mapping has been released.</exception>
    public void Flush()
    {
        if (IsDisposed)
            ThrowDisposed();
        if (_flushOnDispose)
            _view.Flush();
    }

    /// <summary>Unmaps the file (flushing writes of a read-write mapping) and closes it. Safe to call more than once.</summary>
    public void Dispose()
    {
        Release(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Safety net for arrays nobody disposed: unmaps so the file can be deleted or replaced.</summary>
    ~MemoryMappedFileBuffer() => Release(disposing: false);

    private void Release(bool disposing)
    {
        if (Interlocked.Exchange(ref _pointer, 0) == 0)
            return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        if (disposing)
        {
            if (_flushOnDispose)
                _view.Flush();
            _view.Dispose();
            _file.Dispose();
        }
    }

    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(NDArray), "the memory-mapped file was closed by Dispose; views of it can no longer be used");
}
