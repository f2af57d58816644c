using System.Runtime.InteropServices;

namespace NumNet.Tests.Reliability.Fuzzing;

/// <summary>
/// Native memory with an inaccessible page on either side, placed flush against one of them: a read or write one
/// byte past the end (or before the start) faults at once instead of silently touching a neighbour. On systems
/// without mmap it degrades to poisoned fences checked by <see cref="Verify"/>.
/// </summary>
internal sealed unsafe partial class GuardedMemory : IDisposable
{
    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20;
    private const byte Poison = 0xA5;
    private static readonly int PageSize = Environment.SystemPageSize;

    private readonly nint _region;
    private readonly nuint _regionLength;
    private readonly bool _mapped;

    /// <summary>Start of the usable bytes.</summary>
    public nint Pointer { get; }

    /// <summary>Number of usable bytes.</summary>
    public long Length { get; }

    /// <param name="length">Usable bytes.</param>
    /// <param name="flushEnd">Put the bytes against the trailing guard page (else against the leading one).</param>
    public GuardedMemory(long length, bool flushEnd)
    {
        Length = length;
        long dataPages = (length + PageSize - 1) / PageSize;
        _regionLength = (nuint)((dataPages + 2) * PageSize);
        _mapped = OperatingSystem.IsLinux();
        if (_mapped)
        {
            _region = mmap(0, _regionLength, ProtNone, MapPrivate | MapAnonymous, -1, 0);
            if (_region == -1)
                throw new OutOfMemoryException("mmap failed");
            if (dataPages > 0 && mprotect(_region + PageSize, (nuint)(dataPages * PageSize), ProtRead | ProtWrite) != 0)
                throw new InvalidOperationException("mprotect failed");
        }
        else
        {
            _region = (nint)NativeMemory.Alloc(_regionLength);
            new Span<byte>((void*)_region, (int)_regionLength).Fill(Poison);
        }
        Pointer = flushEnd ? _region + PageSize + (nint)(dataPages * PageSize - length) : _region + PageSize;
    }

    /// <summary>The usable bytes.</summary>
    public Span<byte> Span => new((void*)Pointer, checked((int)Length));

    /// <summary>True when the poisoned fences are intact (always, when guard pages protect the memory).</summary>
    public bool Verify()
    {
        if (_mapped)
            return true;
        var all = new ReadOnlySpan<byte>((void*)_region, (int)_regionLength);
        int before = (int)(Pointer - _region);
        return !all[..before].ContainsAnyExcept(Poison) && !all[(before + (int)Length)..].ContainsAnyExcept(Poison);
    }

    public void Dispose()
    {
        if (_mapped)
            munmap(_region, _regionLength);
        else
            NativeMemory.Free((void*)_region);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint addr, nuint length, int prot);

    [LibraryImport("libc")]
    private static partial int munmap(nint addr, nuint length);
}
