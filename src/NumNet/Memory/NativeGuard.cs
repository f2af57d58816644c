using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NumNet.Memory;

/// <summary>
/// Test mode for <see cref="NativeAllocator"/>: while <see cref="Enabled"/>, every block is fenced by poisoned bytes on
/// both sides and checked when it is returned (or on <see cref="VerifyLive"/>), so a loop that writes one element past
/// its buffer is caught in the test that caused it instead of corrupting an unrelated block later. Off by default;
/// costs one volatile read per rent and return when off.
/// </summary>
/// <remarks>
/// Guarded blocks bypass the allocator's cache, and blocks rented before guarding was switched on are returned the
/// normal way, so the mode can be toggled at any time, even while other threads allocate. A violation is recorded,
/// never thrown: blocks are often returned by finalizers, where an exception would end the process.
/// </remarks>
internal static unsafe class NativeGuard
{
    /// <summary>Bytes of poison before and after each block; 64 keeps the block itself 64-byte aligned.</summary>
    public const int FenceSize = 64;

    private const byte Poison = 0xDB;
    private static readonly ConcurrentDictionary<nint, long> Live = new();
    private static readonly ConcurrentQueue<string> s_violations = new();
    private static int s_enabled;
    private static int s_liveCount;

    [ThreadStatic]
    private static long t_rentedBytes;

    /// <summary>Whether new blocks are fenced.</summary>
    public static bool Enabled
    {
        get => Volatile.Read(ref s_enabled) != 0;
        set => Volatile.Write(ref s_enabled, value ? 1 : 0);
    }

    /// <summary>Bytes rented from the allocator by the calling thread since it started (guarded or not).</summary>
    public static long RentedBytesOnThisThread => t_rentedBytes;

    /// <summary>Every fence found damaged so far, with the block's address and size.</summary>
    public static IReadOnlyCollection<string> Violations => s_violations;

    internal static void CountRent(long byteLength) => t_rentedBytes += byteLength;

    /// <summary>A fenced block of <paramref name="byteLength"/> bytes.</summary>
    internal static byte* Rent(long byteLength)
    {
        byte* raw = (byte*)NativeMemory.AlignedAlloc((nuint)(byteLength + 2 * FenceSize), NativeAllocator.Alignment);
        if (raw == null)
            throw new OutOfMemoryException($"cannot allocate {byteLength} bytes of native memory");
        byte* block = raw + FenceSize;
        new Span<byte>(raw, FenceSize).Fill(Poison);
        new Span<byte>(block + byteLength, FenceSize).Fill(Poison);
        Live[(nint)block] = byteLength;
        Interlocked.Increment(ref s_liveCount);
        return block;
    }

    /// <summary>Checks and frees <paramref name="block"/> if it is fenced; false for an ordinary block.</summary>
    internal static bool TryReturn(byte* block)
    {
        if (Volatile.Read(ref s_liveCount) == 0 || !Live.TryRemove((nint)block, out long byteLength))
            return false;
        Interlocked.Decrement(ref s_liveCount);
        Check(block, byteLength);
        NativeMemory.AlignedFree(block - FenceSize);
        return true;
    }

    /// <summary>Checks the fences of every live guarded block; returns the number checked.</summary>
    public static int VerifyLive()
    {
        int n = 0;
        foreach (var (block, length) in Live)
        {
            Check((byte*)block, length);
            n++;
        }
        return n;
    }

    private static void Check(byte* block, long byteLength)
    {
        if (new ReadOnlySpan<byte>(block - FenceSize, FenceSize).ContainsAnyExcept(Poison))
            s_violations.Enqueue($"bytes before the {byteLength}-byte block at 0x{(nint)block:x} were overwritten");
        if (new ReadOnlySpan<byte>(block + byteLength, FenceSize).ContainsAnyExcept(Poison))
            s_violations.Enqueue($"bytes after the {byteLength}-byte block at 0x{(nint)block:x} were overwritten");
    }
}
