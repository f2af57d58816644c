using System.Buffers;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using NumNet.Formatting;
using NumNet.Platform;
using static System.FormattableString;

namespace NumNet.Memory;

/// <summary>
/// A buffer over a range of a file mapped into memory: reads and writes go straight to the page cache, so arrays
/// larger than RAM work and nothing is read until it is touched. Unmapped when the last array over it is disposed and
/// the last access has ended (or, as a safety net, by the finalizer); see <see cref="ArrayBuffer"/> for the rules.
/// </summary>
/// <remarks>
/// <para>
/// The mapping covers the file from its start to the end of the range, so byte 0 of the mapping is page-aligned and
/// the range's alignment is that of its file offset.
/// </para>
/// <para>
/// A file truncated while it is mapped would end the process at the next touch of a lost page (SIGBUS, which .NET
/// cannot catch), so a file is mapped only where that cannot happen. On Linux the mapping holds a file lease
/// (<c>F_SETLEASE</c>): another process's open for writing or truncation waits until this process has replaced the
/// mapped pages by a private copy at the same address, so the array keeps its contents (mode "r+" syncs its writes to
/// the file first, then refuses every later access with <see cref="ObjectDisposedException"/>, since its writes could
/// no longer reach the file). Where no lease can be had (another process has the file open for writing, the caller
/// does not own it, the file system has no leases, or the system is not Linux) the constructor throws
/// <see cref="IOException"/> naming the reason. On Windows, which refuses to truncate a mapped file, the file is
/// mapped without a lease.
/// </para>
/// </remarks>
public sealed unsafe class MemoryMappedFileBuffer : ArrayBuffer, IDisposable, ILeaseBreakListener
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly LeasedFileMapping? _leased;
    private readonly long _start;
    private readonly long _byteLength;
    private readonly bool _readOnly;
    private readonly bool _flushOnDispose;
    private nint _pointer;
    private string? _lostReason;

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
    /// <exception cref="IOException">
    /// The file cannot be opened or mapped, or (outside Windows) it cannot be mapped under a lease, so another process
    /// could truncate it under the mapping; the message names the reason.
    /// </exception>
    public MemoryMappedFileBuffer(string path, long fileOffset, long byteLength, MemoryMappedFileAccess access)
    {
        long end = CheckRange(path, fileOffset, byteLength, access);
        if (OperatingSystem.IsWindows())
        {
            (_file, _view, _pointer) = MapView(path, end, access);
            _pointer += (nint)fileOffset;
        }
        else
        {
            var refusal = OperatingSystem.IsLinux()
                ? LeasedFileMapping.TryMap(path, end, access, [], out _leased)
                : LeaseRefusal.NotLinux;
            if (_leased is null)
                throw new IOException(Invariant($"{PythonRepr.Repr(path)} cannot be memory-mapped safely: {Describe(refusal, access)}"));
            _pointer = _leased.Address + (nint)fileOffset;
            _leased.Attach(this);
        }
        _start = fileOffset;
        _byteLength = byteLength;
        _readOnly = access == MemoryMappedFileAccess.Read;
        _flushOnDispose = access == MemoryMappedFileAccess.ReadWrite;
    }

    private MemoryMappedFileBuffer(LeasedFileMapping leased, long fileOffset, long byteLength, MemoryMappedFileAccess access)
    {
        _leased = leased;
        _pointer = leased.Address + (nint)fileOffset;
        _start = fileOffset;
        _byteLength = byteLength;
        _readOnly = access == MemoryMappedFileAccess.Read;
        _flushOnDispose = access == MemoryMappedFileAccess.ReadWrite;
        leased.Attach(this);
    }

    /// <summary>
    /// Maps the range under a Linux file lease, or returns null and says why it could not (the caller then reads the
    /// file instead, or refuses). <paramref name="expectedStart"/> (the header the caller read) must still begin the
    /// file once the lease is held.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is shorter than the range.</exception>
    /// <exception cref="IOException">The file cannot be opened or mapped.</exception>
    internal static MemoryMappedFileBuffer? TryMapUnderLease(string path, long fileOffset, long byteLength,
        MemoryMappedFileAccess access, ReadOnlySpan<byte> expectedStart, out LeaseRefusal refusal)
    {
        long end = CheckRange(path, fileOffset, byteLength, access);
        if (!OperatingSystem.IsLinux())
        {
            refusal = LeaseRefusal.NotLinux;
            return null;
        }
        refusal = LeasedFileMapping.TryMap(path, end, access, expectedStart, out var leased);
        return leased is null ? null : new MemoryMappedFileBuffer(leased, fileOffset, byteLength, access);
    }

    /// <summary>Why a file was not mapped, in words for an exception message.</summary>
    internal static string Describe(LeaseRefusal refusal, MemoryMappedFileAccess access) => refusal switch
    {
        LeaseRefusal.NotLinux => "file leases, which keep a mapped file from being truncated under the mapping, are available only on Linux",
        LeaseRefusal.NoSignal => "this process cannot receive the signal that announces a lease break",
        LeaseRefusal.OpenElsewhere => access == MemoryMappedFileAccess.ReadWrite
            ? "the file is open elsewhere (a write lease needs the only open handle to the file)"
            : "another process has the file open for writing",
        LeaseRefusal.NotOwner => "this process does not own the file (a file lease needs the owner or CAP_LEASE)",
        LeaseRefusal.Unsupported => "its file system does not support file leases",
        LeaseRefusal.ChangedMeanwhile => "the file changed while it was being mapped",
        LeaseRefusal.None => "it can",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    private static long CheckRange(string path, long fileOffset, long byteLength, MemoryMappedFileAccess access)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(fileOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        if (access is not (MemoryMappedFileAccess.Read or MemoryMappedFileAccess.ReadWrite or MemoryMappedFileAccess.CopyOnWrite))
            throw new ArgumentOutOfRangeException(nameof(access), access, "use Read, ReadWrite or CopyOnWrite");
        if (fileOffset > long.MaxValue - byteLength)
            throw new ArgumentOutOfRangeException(nameof(byteLength), "the range's end is past what a file can hold");
        return fileOffset + byteLength;
    }

    // Windows: the .NET mapping API, whose files cannot be truncated while mapped.
    private static (MemoryMappedFile File, MemoryMappedViewAccessor View, nint Pointer) MapView(string path, long end, MemoryMappedFileAccess access)
    {
        bool write = access == MemoryMappedFileAccess.ReadWrite;
        // Sharing stays as open as POSIX mmap is: other readers and writers, and deletion, are not blocked.
        var stream = new FileStream(path, FileMode.Open, write ? FileAccess.ReadWrite : FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete);
        MemoryMappedFile file;
        try
        {
            if (stream.Length < end)
                throw new InvalidDataException($"the file holds {stream.Length} bytes, fewer than the {end} to be mapped");
            if (stream.Length == 0)
                throw new InvalidDataException("an empty file cannot be memory-mapped");
            file = MemoryMappedFile.CreateFromFile(stream, null, 0,
                access == MemoryMappedFileAccess.CopyOnWrite ? MemoryMappedFileAccess.Read : access,
                HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        MemoryMappedViewAccessor? view = null;
        try
        {
            // A view of zero bytes means "to the end of the file" to the API, so an empty range maps one byte.
            view = file.CreateViewAccessor(0, Math.Max(end, 1), access);
            byte* p = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            return (file, view, (nint)(p + view.PointerOffset));
        }
        catch
        {
            view?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override long ByteLength => _byteLength;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    /// <summary>Where the mapped range starts in the file.</summary>
    public long FileOffset => _start;

    /// <summary>True once the buffer is closed (<see cref="ArrayBuffer.IsClosed"/>): the mapping is released or about to be.</summary>
    public bool IsDisposed => IsClosed;

    /// <summary>True while the range is the file's own pages under a lease (false on Windows, and once a lease break detached it).</summary>
    internal bool HoldsFileLease => _leased?.HoldsLease ?? false;

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
            if (_leased is not null)
                _leased.Flush();
            else if (_flushOnDispose)
                _view!.Flush();
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

    /// <summary>Another process took the file away (see <see cref="LeasedFileMapping"/>): every later access throws, naming why.</summary>
    void ILeaseBreakListener.MappingLostItsFile(string reason)
    {
        Volatile.Write(ref _lostReason, reason);
        Close();
    }

    private protected override string ClosedMessage => Volatile.Read(ref _lostReason) ?? base.ClosedMessage;

    private protected override void ReleaseMemory(bool finalizing)
    {
        if (Interlocked.Exchange(ref _pointer, 0) == 0)
            return;
        if (!finalizing)
            GC.SuppressFinalize(this);
        if (_leased is not null)
        {
            // The mapping is a separate object, kept alive by the watcher's registry, so a finalizer may release it.
            _leased.Release(finalizing);
            return;
        }
        _view!.SafeMemoryMappedViewHandle.ReleasePointer();
        if (finalizing)
            return;
        try
        {
            if (_flushOnDispose)
                _view.Flush();
        }
        finally
        {
            _view.Dispose();
            _file!.Dispose();
        }
    }
}
