using System.Diagnostics;
using System.Runtime.InteropServices;
using static System.FormattableString;

namespace NumNet.Platform;

/// <summary>
/// The Linux system calls behind leased file mappings (<see cref="LeasedFileMapping"/>): file leases, mapping,
/// remapping and syncing, called only on Linux (<see cref="LeasedFileMapping.TryMap"/> checks). Every wrapper checks its call's result: the <c>Try</c> forms return the errno (0 on success),
/// the others throw <see cref="IOException"/> naming the call and the errno.
/// </summary>
internal static partial class LeaseLibc
{
    // fcntl commands and lease types (asm-generic values, the same on every architecture .NET runs on).
    private const int FSetLease = 1024, FGetLease = 1025;

    /// <summary><c>F_RDLCK</c>: a read lease, broken by another open for writing or a truncation.</summary>
    public const int ReadLease = 0;

    /// <summary><c>F_WRLCK</c>: a write lease, broken by any other open or a truncation.</summary>
    public const int WriteLease = 1;

    /// <summary><c>F_UNLCK</c>: no lease (or, from <see cref="GetLease"/>, a lease being removed).</summary>
    public const int NoLease = 2;

    /// <summary><c>SIGIO</c>: the signal a lease break sends when <c>F_SETSIG</c> was not used (29 on every architecture .NET supports on Linux).</summary>
    public const int SigIo = 29;

    /// <summary><c>EAGAIN</c>: the lease conflicts with an open of the file.</summary>
    public const int EAgain = 11;

    /// <summary><c>EACCES</c>: the caller neither owns the file nor has <c>CAP_LEASE</c>.</summary>
    public const int EAccess = 13;

    /// <summary><c>PROT_READ</c>.</summary>
    public const int ProtRead = 1;

    /// <summary><c>PROT_READ | PROT_WRITE</c>.</summary>
    public const int ProtReadWrite = 3;

    /// <summary><c>MAP_SHARED</c>: writes reach the file and other processes.</summary>
    public const int MapShared = 1;

    /// <summary><c>MAP_PRIVATE</c>: writes stay in this process (copy-on-write).</summary>
    public const int MapPrivate = 2;

    private const int MapFixed = 0x10, MapAnonymous = 0x20;
    private const int MRemapMayMove = 1, MRemapFixed = 2;
    private const int MsSync = 4;
    private static readonly nint MapFailed = -1;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "mremap", SetLastError = true)]
    private static partial nint Mremap(nint oldAddress, nuint oldLength, nuint newLength, int flags, nint newAddress);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "msync", SetLastError = true)]
    private static partial int Msync(nint address, nuint length, int flags);

    /// <summary>Takes (or changes, or with <see cref="NoLease"/> gives up) the lease on <paramref name="fd"/>; the errno, 0 on success.</summary>
    public static int TrySetLease(int fd, int lease) => Fcntl(fd, FSetLease, lease) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// The lease held on <paramref name="fd"/>; while a break is pending, the type it is to become (<see cref="NoLease"/>
    /// or, for a write lease an open for reading breaks, <see cref="ReadLease"/>).
    /// </summary>
    public static int GetLease(int fd)
    {
        int lease = Fcntl(fd, FGetLease, 0);
        return lease >= 0 ? lease : throw Failure("fcntl(F_GETLEASE)");
    }

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="fd"/> from its start; the address.</summary>
    public static nint MapFile(int fd, nuint length, int protection, int flags)
    {
        nint address = Mmap(0, length, protection, flags, fd, 0);
        return address != MapFailed ? address : throw Failure("mmap");
    }

    /// <summary>Unmaps a range mapped by <see cref="MapFile"/> or replaced by <see cref="TryReplaceWithCopy"/>.</summary>
    public static void Unmap(nint address, nuint length)
    {
        if (Munmap(address, length) != 0)
            throw Failure("munmap");
    }

    /// <summary>Writes the dirty pages of a shared mapping to its file and waits for the writes.</summary>
    public static void Sync(nint address, nuint length)
    {
        if (Msync(address, length, MsSync) != 0)
            throw Failure("msync");
    }

    /// <summary>
    /// Replaces the pages at <paramref name="address"/> by a private anonymous copy of their bytes, at the same address:
    /// copied into a new anonymous mapping, then moved over the old one in one <c>mremap</c>, so a thread reading
    /// meanwhile sees the same bytes before and after and never an unmapped page. False (and nothing changed) when
    /// the memory for the copy cannot be had. The caller guarantees the old pages are all readable (the file cannot
    /// shrink under it) and that <paramref name="length"/> is a whole number of pages.
    /// </summary>
    public static unsafe bool TryReplaceWithCopy(nint address, nuint length, int protection)
    {
        AssertWholePages(address, length);
        nint copy = Mmap(0, length, ProtReadWrite, MapPrivate | MapAnonymous, -1, 0);
        if (copy == MapFailed)
            return false;
        Buffer.MemoryCopy((void*)address, (void*)copy, length, length);
        if ((protection != ProtReadWrite && Mprotect(copy, length, protection) != 0)
            || Mremap(copy, length, length, MRemapMayMove | MRemapFixed, address) == MapFailed)
        {
            Unmap(copy, length);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Replaces the pages at <paramref name="address"/> by zero-filled anonymous pages in one step (<c>MAP_FIXED</c>):
    /// what is left when a range is too large to copy, so that a late access reads zeros instead of faulting.
    /// </summary>
    public static void ReplaceWithZeros(nint address, nuint length, int protection)
    {
        AssertWholePages(address, length);
        if (Mmap(address, length, protection, MapPrivate | MapAnonymous | MapFixed, -1, 0) == MapFailed)
            throw Failure("mmap(MAP_FIXED)");
    }

    // The boundary of the remapping calls: a range that is not whole pages would leave part of the file mapped.
    private static void AssertWholePages(nint address, nuint length)
    {
        nuint page = (nuint)Environment.SystemPageSize;
        Debug.Assert(address != 0 && (nuint)address % page == 0 && length != 0 && length % page == 0,
            "remapping needs a page-aligned range of whole pages");
    }

    private static IOException Failure(string call)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException(Invariant($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})"));
    }
}
