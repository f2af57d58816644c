using Microsoft.Win32.SafeHandles;

namespace NumNet.Internal;

/// <summary>Positioned reads of a file that may return fewer bytes than asked.</summary>
internal static class PositionedRead
{
    /// <summary>
    /// Reads from <paramref name="offset"/> until <paramref name="into"/> is full or the file ends; returns the bytes
    /// read, fewer than asked only at the end of the file.
    /// </summary>
    public static int Fill(SafeFileHandle file, Span<byte> into, long offset)
    {
        int done = 0;
        while (done < into.Length)
        {
            int read = RandomAccess.Read(file, into[done..], offset + done);
            if (read == 0)
                break;
            done += read;
        }
        return done;
    }
}
