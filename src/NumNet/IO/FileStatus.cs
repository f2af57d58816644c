using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NumNet.IO;

/// <summary>What kind of file a path names, as far as saving over it is concerned.</summary>
internal enum FileKindOnDisk
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: replaced by a complete temporary file renamed over it.</summary>
    Regular,

    /// <summary>A directory: cannot be saved over.</summary>
    Directory,

    /// <summary>A device, pipe or socket: written in place, as NumPy's <c>open(file, "wb")</c> does.</summary>
    Special,
}

/// <summary>
/// The kind, permission bits, owner and length of an existing file (owner and length only on Linux, where <c>statx</c>
/// has one layout on every architecture; elsewhere they are null and 0), and the <c>fchown</c> that gives a replacement
/// file the same owner.
/// </summary>
internal readonly unsafe record struct FileStatus(FileKindOnDisk Kind, UnixFileMode Mode, uint? Uid, uint? Gid, long Length)
{
    private const int AtFdCwd = -100;
    private const uint StatxTypeModeUidGidSize = 0x1 | 0x2 | 0x8 | 0x10 | 0x200;
    private const int StatxBufferBytes = 256;
    private const int UidOffset = 20, GidOffset = 24, ModeOffset = 28, SizeOffset = 40;
    private const int TypeMask = 0xF000, TypeDirectory = 0x4000, TypeRegular = 0x8000;

    private static readonly delegate* unmanaged<int, byte*, int, uint, byte*, int> Statx = (delegate* unmanaged<int, byte*, int, uint, byte*, int>)FindLibc("statx");
    private static readonly delegate* unmanaged<int, uint, uint, int> Fchown = (delegate* unmanaged<int, uint, uint, int>)FindLibc("fchown");

    /// <summary>The status of <paramref name="path"/>, following symbolic links.</summary>
    public static FileStatus Of(string path)
    {
        if (Statx != null && TryStatx(path, out var status))
            return status;
        // Without statx: kind and mode from .NET, no owner, no length (only a hint for ReplacedFile, which holds
        // nothing off Linux).
        if (System.IO.Directory.Exists(path))
            return new FileStatus(FileKindOnDisk.Directory, 0, null, null, 0);
        if (!File.Exists(path))
            return new FileStatus(FileKindOnDisk.Missing, 0, null, null, 0);
        return new FileStatus(FileKindOnDisk.Regular, OperatingSystem.IsWindows() ? 0 : File.GetUnixFileMode(path), null, null, 0);
    }

    /// <summary>Gives the open file <paramref name="file"/> this status's owner and group where the system allows.</summary>
    /// <remarks>
    /// Only root may give a file away; anyone may pass it to another group they belong to. What is not allowed is
    /// skipped silently: the replacement then belongs to the caller, as a file the caller creates always does.
    /// </remarks>
    public void TryGiveOwnerTo(SafeFileHandle file)
    {
        if (Fchown == null || Uid is not { } uid || Gid is not { } gid)
            return;
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            int fd = (int)file.DangerousGetHandle();
            if (Fchown(fd, uid, gid) != 0)
                _ = Fchown(fd, uint.MaxValue, gid);
        }
        finally
        {
            if (added)
                file.DangerousRelease();
        }
    }

    private static bool TryStatx(string path, out FileStatus status)
    {
        status = default;
        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        byte* buffer = stackalloc byte[StatxBufferBytes];
        new Span<byte>(buffer, StatxBufferBytes).Clear();
        int result;
        fixed (byte* p = name)
            result = Statx(AtFdCwd, p, 0, StatxTypeModeUidGidSize, buffer);
        if (result != 0)
        {
            int errno = Marshal.GetLastSystemError();
            const int ENOENT = 2, ENOTDIR = 20;
            if (errno is not (ENOENT or ENOTDIR))
                return false;
            status = new FileStatus(FileKindOnDisk.Missing, 0, null, null, 0);
            return true;
        }
        int mode = *(ushort*)(buffer + ModeOffset);
        var kind = (mode & TypeMask) switch
        {
            TypeRegular => FileKindOnDisk.Regular,
            TypeDirectory => FileKindOnDisk.Directory,
            _ => FileKindOnDisk.Special,
        };
        status = new FileStatus(kind, (UnixFileMode)(mode & 0xFFF), *(uint*)(buffer + UidOffset), *(uint*)(buffer + GidOffset), *(long*)(buffer + SizeOffset));
        return true;
    }

    /// <summary>
    /// A libc function on Linux, 0 elsewhere or when it is missing. Resolved by hand, as NativeAllocator does for
    /// madvise: a libc without the symbol (old glibc, musl, macOS) only costs what the function adds, never the save.
    /// </summary>
    internal static nint FindLibc(string symbol)
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        foreach (var name in new[] { "libc.so.6", "libc" })
        {
            if (NativeLibrary.TryLoad(name, out var lib) && NativeLibrary.TryGetExport(lib, symbol, out var fn))
                return fn;
        }
        return 0;
    }
}
