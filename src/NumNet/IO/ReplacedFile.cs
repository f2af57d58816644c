using System.Diagnostics;

namespace NumNet.IO;

/// <summary>
/// Holds the file a save replaces across the rename, then lets it go on a pool thread (Linux). Dropping the last
/// reference to a large file frees its cached pages and its blocks, which takes tens of milliseconds for hundreds of
/// megabytes; without a hold that happens inside <c>rename(2)</c>, on the saving thread: 35–40 ms of a 130 ms
/// <c>np.save</c> of 800 MB over an earlier one on the benchmark machine's ext4 (<c>strace -T</c>). With the hold, the
/// rename only moves a name and the freeing runs beside the caller's next work.
/// </summary>
/// <remarks>
/// The hold is an <c>O_PATH</c> descriptor: it reads nothing, takes no lock, needs no permission on the file and
/// cannot be used to write it. Where it cannot be opened (another system, a libc without <c>open</c>, the file gone)
/// nothing is held and the rename frees the file as before.
/// </remarks>
internal readonly unsafe struct ReplacedFile
{
    /// <summary>Files from this size on are held; a smaller one is freed in a moment, not worth a thread.</summary>
    internal const long HoldFrom = 64L << 20;

    // Linux's flags, the same on x86-64 and Arm64.
    private const int OPath = 0x200000, OCloexec = 0x80000;

    private static readonly delegate* unmanaged<byte*, int, int> Open = (delegate* unmanaged<byte*, int, int>)FileStatus.FindLibc("open");
    private static readonly delegate* unmanaged<int, int> Close = (delegate* unmanaged<int, int>)FileStatus.FindLibc("close");

    // The descriptor plus one, so that the default value holds nothing.
    private readonly int _fdPlusOne;

    private ReplacedFile(int fd) => _fdPlusOne = fd + 1;

    /// <summary>True when a descriptor is held.</summary>
    public bool IsHeld => _fdPlusOne > 0;

    /// <summary>A hold on the regular file <paramref name="target"/> of <paramref name="length"/> bytes, or none.</summary>
    public static ReplacedFile Hold(string target, long length)
    {
        if (length < HoldFrom || Open == null || Close == null)
            return default;
        int fd;
        fixed (byte* path = System.Text.Encoding.UTF8.GetBytes(target + "\0"))
            fd = Open(path, OPath | OCloexec);
        return fd >= 0 ? new ReplacedFile(fd) : default;
    }

    /// <summary>Closes the hold on a pool thread: the file is freed there if nothing else has it open.</summary>
    public void ReleaseLater()
    {
        if (IsHeld)
            ThreadPool.UnsafeQueueUserWorkItem(static fd => CloseOrAssert(fd), _fdPlusOne - 1, preferLocal: false);
    }

    /// <summary>Closes the hold on this thread (the save failed, and the file was not replaced).</summary>
    public void ReleaseNow()
    {
        if (IsHeld)
            CloseOrAssert(_fdPlusOne - 1);
    }

    private static void CloseOrAssert(int fd)
    {
        int result = Close(fd);
        Debug.Assert(result == 0, "closing the held descriptor failed");
    }
}
