using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NumNet.Memory;

/// <summary>
/// 64-byte-aligned native memory that keeps freed blocks for reuse. Reuse matters because the first touch of fresh
/// pages costs about a microsecond per 4 KiB: a new 80 MB array would spend longer faulting in its pages than
/// copying into them. Blocks are kept in power-of-two size classes; rounding up costs only address space, since
/// untouched pages are never backed.
/// </summary>
internal static unsafe class NativeAllocator
{
    /// <summary>Alignment of every block.</summary>
    public const int Alignment = 64;

    private const int MinClass = 6;                       // 64 bytes
    private const int MaxBlocksPerClass = 8;
    private static readonly long MaxCachedBytes = 1L << 30;

    private static readonly ConcurrentStack<nint>[] Free = CreateClasses();
    private static long _cachedBytes;

    /// <summary>A block of at least <paramref name="byteLength"/> bytes, contents undefined.</summary>
    public static byte* Rent(long byteLength)
    {
        int cls = SizeClass(byteLength);
        long blockSize = 1L << cls;
        if (Free[cls].TryPop(out nint cached))
        {
            Interlocked.Add(ref _cachedBytes, -blockSize);
            return (byte*)cached;
        }
        void* p = NativeMemory.AlignedAlloc((nuint)blockSize, Alignment);
        if (p == null)
            throw new OutOfMemoryException($"cannot allocate {byteLength} bytes of native memory");
        if (blockSize >= 1 << 20)
            GC.AddMemoryPressure(blockSize);
        return (byte*)p;
    }

    /// <summary>Gives a block back: kept for reuse while the cache has room, freed otherwise.</summary>
    public static void Return(byte* block, long byteLength)
    {
        int cls = SizeClass(byteLength);
        long blockSize = 1L << cls;
        var stack = Free[cls];
        if (stack.Count < MaxBlocksPerClass && Interlocked.Add(ref _cachedBytes, blockSize) <= MaxCachedBytes)
        {
            stack.Push((nint)block);
            return;
        }
        if (stack.Count < MaxBlocksPerClass)
            Interlocked.Add(ref _cachedBytes, -blockSize);
        NativeMemory.AlignedFree(block);
        if (blockSize >= 1 << 20)
            GC.RemoveMemoryPressure(blockSize);
    }

    /// <summary>Zeroes <paramref name="byteLength"/> bytes, in chunks because NativeMemory.Clear takes a nuint.</summary>
    public static void Clear(byte* p, long byteLength) => NativeMemory.Clear(p, (nuint)byteLength);

    /// <summary>Bytes held for reuse right now (for tests and diagnostics).</summary>
    public static long CachedBytes => Interlocked.Read(ref _cachedBytes);

    private static int SizeClass(long byteLength)
    {
        if (byteLength <= 1L << MinClass)
            return MinClass;
        if (byteLength > 1L << 62)
            throw new OutOfMemoryException($"cannot allocate {byteLength} bytes");
        return 64 - BitOperations.LeadingZeroCount((ulong)(byteLength - 1));
    }

    private static ConcurrentStack<nint>[] CreateClasses()
    {
        var classes = new ConcurrentStack<nint>[64];
        for (int i = 0; i < classes.Length; i++)
            classes[i] = new ConcurrentStack<nint>();
        return classes;
    }
}
