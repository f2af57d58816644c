using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace NumNet.Platform;

/// <summary>Why a file was not mapped under a lease.</summary>
internal enum LeaseRefusal
{
    /// <summary>It was: the mapping holds its lease.</summary>
    None,

    /// <summary>File leases are a Linux feature.</summary>
    NotLinux,

    /// <summary>The lease-break signal cannot be received in this process.</summary>
    NoSignal,

    /// <summary>The file is open elsewhere in a way the lease conflicts with (EAGAIN).</summary>
    OpenElsewhere,

    /// <summary>The caller neither owns the file nor has CAP_LEASE (EACCES).</summary>
    NotOwner,

    /// <summary>The file system does not support leases.</summary>
    Unsupported,

    /// <summary>The file's header changed between reading it and taking the lease.</summary>
    ChangedMeanwhile,
}

/// <summary>Told when a leased mapping could not keep what its array had.</summary>
internal interface ILeaseBreakListener
{
    /// <summary>
    /// The mapping is no longer the file's (mode "r+", whose writes would no longer reach it) or no longer holds the
    /// array's bytes (too large to copy): the array must refuse every later access, naming <paramref name="reason"/>.
    /// </summary>
    void MappingLostItsFile(string reason);
}

/// <summary>
/// A file mapped while this process holds a Linux file lease on it, so that nobody can truncate it under the mapping
/// unheard. Another process's <c>open</c> for writing (or <c>O_TRUNC</c>, or <c>truncate</c>) blocks while the kernel
/// signals this process (<see cref="LeaseBreakWatcher"/>); the mapping then replaces its pages by a private anonymous
/// copy at the same address (writes of mode "r+" synced to the file first) and gives the lease up, and only then does
/// the other process go on. Touching a lost page of a truncated file (SIGBUS, which .NET cannot catch) is so
/// impossible while the lease is honoured.
/// </summary>
/// <remarks>
/// A read lease (modes "r" and "c") needs a file opened read-only that no one has open for writing; a write lease
/// (mode "r+") needs a file no one else has open at all, and any later open, even to read, breaks it. Both need the
/// caller to own the file or to hold CAP_LEASE. The kernel waits <c>/proc/sys/fs/lease-break-time</c> seconds (45 by
/// default) for the holder before it removes the lease itself; the copy is bounded so that it ends well within that.
/// </remarks>
internal sealed class LeasedFileMapping
{
    private const string LostReadWrite = "another process opened the file mapped with mmapMode 'r+', so its mapping ended (the writes made before reached the file)";
    private const string LostTooLarge = "another process truncated or rewrote the memory-mapped file, and the mapping was too large to keep a private copy of";

    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _released = new(false);
    private readonly MemoryMappedFileAccess _access;
    private readonly int _lease;
    private readonly int _protection;
    private SafeFileHandle? _file;
    private MappingState _state;
    private WeakReference<ILeaseBreakListener>? _listener;
    private string? _lostReason;
    private int _detaching;

    private LeasedFileMapping(SafeFileHandle file, nint address, nuint length, MemoryMappedFileAccess access, int lease, int protection)
    {
        _file = file;
        Address = address;
        Length = length;
        _access = access;
        _lease = lease;
        _protection = protection;
    }

    private enum MappingState
    {
        /// <summary>The pages are the file's, and the lease is held.</summary>
        Leased,

        /// <summary>The pages are an anonymous copy (or zeros), the lease given up.</summary>
        Private,

        /// <summary>Unmapped.</summary>
        Released,
    }

    /// <summary>Byte 0 of the file in memory (page-aligned).</summary>
    public nint Address { get; }

    /// <summary>Mapped bytes, a whole number of pages.</summary>
    public nuint Length { get; }

    /// <summary>True while the pages are the file's and the lease is held.</summary>
    public bool HoldsLease
    {
        get
        {
            lock (_gate)
                return _state == MappingState.Leased;
        }
    }

    /// <summary>
    /// Maps the file at <paramref name="path"/> from byte 0 to <paramref name="end"/> under a lease, or says why not.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="end">Bytes that must be there; the file is checked to hold them once the lease is held.</param>
    /// <param name="access">Read (shared, read-only), ReadWrite (shared) or CopyOnWrite (private).</param>
    /// <param name="expectedStart">The file's first bytes as the caller read them (a header), checked under the lease.</param>
    /// <param name="mapping">The mapping, or null when refused.</param>
    /// <exception cref="InvalidDataException">The file is shorter than <paramref name="end"/>, or empty.</exception>
    /// <exception cref="IOException">The file cannot be opened or mapped.</exception>
    public static LeaseRefusal TryMap(string path, long end, MemoryMappedFileAccess access, ReadOnlySpan<byte> expectedStart,
        out LeasedFileMapping? mapping)
    {
        mapping = null;
        if (!OperatingSystem.IsLinux())
            return LeaseRefusal.NotLinux;
        if (!LeaseBreakWatcher.EnsureListening())
            return LeaseRefusal.NoSignal;
        bool write = access == MemoryMappedFileAccess.ReadWrite;
        var file = File.OpenHandle(path, FileMode.Open, write ? FileAccess.ReadWrite : FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            CheckHolds(file, end);
            int fd = (int)file.DangerousGetHandle();
            int lease = write ? LeaseLibc.WriteLease : LeaseLibc.ReadLease;
            int errno = TakeLease(fd, lease);
            if (errno != 0)
            {
                file.Dispose();
                return RefusalFor(errno);
            }
            // From here on nobody can open the file for writing or truncate it without this process hearing first,
            // so what is checked now stays true until the break is handled.
            CheckHolds(file, end);
            if (!StartsWith(file, expectedStart))
            {
                file.Dispose();
                return LeaseRefusal.ChangedMeanwhile;
            }
            nuint length = WholePages(end);
            int protection = access == MemoryMappedFileAccess.Read ? LeaseLibc.ProtRead : LeaseLibc.ProtReadWrite;
            int flags = access == MemoryMappedFileAccess.CopyOnWrite ? LeaseLibc.MapPrivate : LeaseLibc.MapShared;
            nint address = LeaseLibc.MapFile(fd, length, protection, flags);
            mapping = new LeasedFileMapping(file, address, length, access, lease, protection);
        }
        catch
        {
            // Closing the descriptor ends the lease with it.
            file.Dispose();
            throw;
        }
        LeaseBreakWatcher.Add(mapping);
        // A break that came before the mapping was registered was heard by nobody: look once now.
        mapping.DetachIfBreaking();
        return LeaseRefusal.None;
    }

    /// <summary>
    /// Takes the lease, trying again for a few milliseconds while it conflicts: a handle that another mapping of this
    /// process has just closed to end its broken lease is counted as open for a moment after its lease is gone.
    /// </summary>
    private static int TakeLease(int fd, int lease)
    {
        const int Attempts = 8;
        int errno = LeaseLibc.TrySetLease(fd, lease);
        for (int attempt = 1; errno == LeaseLibc.EAgain && attempt < Attempts; attempt++)
        {
            Thread.Sleep(attempt);
            errno = LeaseLibc.TrySetLease(fd, lease);
        }
        return errno;
    }

    /// <summary>The refusal an errno of <c>F_SETLEASE</c> means.</summary>
    internal static LeaseRefusal RefusalFor(int errno) => errno switch
    {
        LeaseLibc.EAgain => LeaseRefusal.OpenElsewhere,
        LeaseLibc.EAccess => LeaseRefusal.NotOwner,
        _ => LeaseRefusal.Unsupported,
    };

    /// <summary>
    /// Registers the array's buffer to be told if the mapping cannot keep what it holds. A break that already cost
    /// the mapping its file (mode "r+") or its bytes makes the load fail instead, as if it had come a moment earlier.
    /// </summary>
    /// <exception cref="IOException">The mapping was lost before the array could be made.</exception>
    public void Attach(ILeaseBreakListener listener)
    {
        string? lost;
        lock (_gate)
        {
            lost = _lostReason;
            if (lost is null)
                _listener = new WeakReference<ILeaseBreakListener>(listener);
        }
        if (lost is not null)
        {
            Release(finalizing: false);
            throw new IOException(lost);
        }
    }

    /// <summary>Writes the dirty pages of a mode "r+" mapping to the file now (nothing once the mapping is not the file's).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_state == MappingState.Leased && _access == MemoryMappedFileAccess.ReadWrite)
                LeaseLibc.Sync(Address, Length);
        }
    }

    /// <summary>Unmaps and gives the lease up (writes of mode "r+" synced first). Safe to call more than once.</summary>
    /// <param name="finalizing">From a finalizer: a failed sync is then not reported.</param>
    public void Release(bool finalizing)
    {
        try
        {
            lock (_gate)
            {
                if (_state == MappingState.Released)
                    return;
                try
                {
                    if (_state == MappingState.Leased && _access == MemoryMappedFileAccess.ReadWrite && !finalizing)
                        LeaseLibc.Sync(Address, Length);
                }
                finally
                {
                    _state = MappingState.Released;
                    LeaseLibc.Unmap(Address, Length);
                    GiveUpLease();
                }
            }
        }
        finally
        {
            LeaseBreakWatcher.Remove(this);
            _released.Set();
        }
    }

    /// <summary>
    /// If another process is breaking the lease: keeps the bytes as a private copy at the same address (or, when they
    /// are too many to copy in time, ends the array's access first), then gives the lease up so that process goes on.
    /// Never throws: it runs on the signal's thread, where an exception would end the process.
    /// </summary>
    public void DetachIfBreaking()
    {
        if (Interlocked.Exchange(ref _detaching, 1) != 0)
            return;
        try
        {
            Detach();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nothing is left to do but let the kernel end the lease when its break time is up (no assertion: a
            // failed one ends the process, which is what this code exists to prevent).
        }
        finally
        {
            Volatile.Write(ref _detaching, 0);
        }
    }

    private void Detach()
    {
        bool copied;
        string? lost = null;
        lock (_gate)
        {
            if (_state != MappingState.Leased || LeaseLibc.GetLease((int)_file!.DangerousGetHandle()) == _lease)
                return;
            if (_access == MemoryMappedFileAccess.ReadWrite)
                TrySync();
            copied = LeaseBreakTiming.CanCopyInTime(Length) && LeaseLibc.TryReplaceWithCopy(Address, Length, _protection);
            if (copied)
                _state = MappingState.Private;
            if (!copied || _access == MemoryMappedFileAccess.ReadWrite)
                _lostReason = lost = copied ? LostReadWrite : LostTooLarge;
        }
        // The array refuses its next access before the other process is let go, so nothing it does can be missed.
        bool told = lost is not null && TellListener(lost);
        if (copied)
        {
            lock (_gate)
                GiveUpLease();
            return;
        }
        // The array now refuses new accesses; the ones running finish on the file's pages, which are still there,
        // and the last of them unmaps and closes (Release). Past a while, zeros replace the pages so that the other
        // process can go on before the kernel ends the lease under a running access. With no array (not made yet,
        // or unreachable) no access can be running: zeros at once.
        if (told && _released.Wait(LeaseBreakTiming.DrainLimit))
            return;
        lock (_gate)
        {
            if (_state != MappingState.Leased)
                return;
            LeaseLibc.ReplaceWithZeros(Address, Length, _protection);
            _state = MappingState.Private;
            GiveUpLease();
        }
    }

    // True when an array was there to be told.
    private bool TellListener(string reason)
    {
        ILeaseBreakListener? listener = null;
        lock (_gate)
            _listener?.TryGetTarget(out listener);
        listener?.MappingLostItsFile(reason);
        return listener is not null;
    }

    // Under _gate. A failed sync loses only the writes it could not save, which the truncation would lose anyway.
    private void TrySync()
    {
        try
        {
            LeaseLibc.Sync(Address, Length);
        }
        catch (IOException)
        {
        }
    }

    // Under _gate, once no mapping uses the descriptor. Closing it ends the lease: the kernel removes a lease with
    // the last reference to its open file. F_UNLCK would let a waiting opener go on while the descriptor is still
    // open, and its own lease (this process mapping the file again) would then fail for a moment.
    private void GiveUpLease()
    {
        _file?.Dispose();
        _file = null;
    }

    private static void CheckHolds(SafeFileHandle file, long end)
    {
        long length = RandomAccess.GetLength(file);
        // Checked here, not left to the mapping: touching pages past the end of a file kills the process (SIGBUS).
        if (length < end)
            throw new InvalidDataException($"the file holds {length} bytes, fewer than the {end} to be mapped");
        if (length == 0)
            throw new InvalidDataException("an empty file cannot be memory-mapped");
    }

    private static bool StartsWith(SafeFileHandle file, ReadOnlySpan<byte> expected)
    {
        if (expected.IsEmpty)
            return true;
        var actual = new byte[expected.Length];
        return Internal.PositionedRead.Fill(file, actual, 0) == actual.Length && expected.SequenceEqual(actual);
    }

    // An empty range still maps one page: a mapping of zero bytes is refused by mmap.
    private static nuint WholePages(long end)
    {
        long page = Environment.SystemPageSize;
        return (nuint)((Math.Max(end, 1) + page - 1) / page * page);
    }
}
