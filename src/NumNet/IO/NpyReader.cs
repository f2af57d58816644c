using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>Reads .npy content into a new array that owns its memory.</summary>
internal static class NpyReader
{
    /// <summary>Largest read into the array at once (spans are int-sized); the same size as the writer's chunks.</summary>
    private const int ChunkBytes = 64 << 20;

    /// <summary>Reads the header and the data from <paramref name="stream"/>.</summary>
    /// <param name="stream">Positioned at the magic string.</param>
    /// <param name="maxDataBytes">Largest data size accepted (the zip-bomb cap for .npz members).</param>
    /// <param name="maxHeaderSize">Longest header accepted.</param>
    /// <exception cref="InvalidDataException">A damaged header, data shorter than the header promises, or data over the cap.</exception>
    /// <param name="allowPickle">Whether an object array, which NumPy stores as a Python pickle, may be read.</param>
    /// <exception cref="NotSupportedException">A structured dtype, or a pickle that holds more than an array of plain values.</exception>
    /// <exception cref="ArgumentException">An object array when <paramref name="allowPickle"/> is false (NumPy's ValueError).</exception>
    public static NDArray Read(Stream stream, long maxDataBytes = long.MaxValue, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize,
        bool allowPickle = false)
    {
        var header = NpyHeader.Read(stream, maxHeaderSize);
        if (header.DType.IsObject)
            return ReadPickled(stream, maxDataBytes, allowPickle);
        if (header.DataBytes > maxDataBytes)
            throw new InvalidDataException(Invariant($"the array's data would take {header.DataBytes} bytes, more than the limit of {maxDataBytes}"));
        // On a file, a shape promising more bytes than exist is caught before any memory is allocated for it.
        if (stream.CanSeek && NpyHeader.BytesLeft(stream) is var left && left < header.DataBytes)
            throw Truncated(header.DataBytes, left);
        var array = NDArray.Allocate(header.DType, (long[])header.Shape.Clone(), header.FortranOrder ? MemoryOrder.F : MemoryOrder.C, zero: false);
        try
        {
            if (stream is FileStream file)
                FillFromFile(file, array, header.DataBytes);
            else
                Fill(stream, array, header.DataBytes);
            return array;
        }
        catch
        {
            array.Dispose();
            throw;
        }
    }

    // NumPy writes an object array as a pickle of the whole array after its header, and reads back whatever that
    // pickle holds: the header's shape is not consulted.
    private static NDArray ReadPickled(Stream stream, long maxBytes, bool allowPickle)
    {
        if (!allowPickle)
            throw new ArgumentException("Object arrays cannot be loaded when allow_pickle=False", nameof(allowPickle));
        if (stream.CanSeek)
            maxBytes = Math.Min(maxBytes, NpyHeader.BytesLeft(stream));
        return Pickle.NumPyPickle.Read(stream, maxBytes);
    }

    private static void Fill(Stream stream, NDArray array, long total)
    {
        using var lease = array.Lease();
        for (long done = 0; done < total;)
        {
            int n = (int)Math.Min(ChunkBytes, total - done);
            ref byte start = ref lease.At(array.Offset + done);
            int read = stream.ReadAtLeast(MemoryMarshal.CreateSpan(ref start, n), n, throwOnEndOfStream: false);
            done += read;
            if (read < n)
                throw Truncated(total, done);
        }
    }

    // A file is read by positioned reads straight into the array, bypassing the stream's buffer: no copy through it,
    // and the reads are as large as the chunks.
    private static void FillFromFile(FileStream file, NDArray array, long total)
    {
        long start = file.Position;
        var handle = file.SafeFileHandle;
        using var lease = array.Lease();
        for (long done = 0; done < total;)
        {
            int n = (int)Math.Min(ChunkBytes, total - done);
            ref byte at = ref lease.At(array.Offset + done);
            int read = RandomAccess.Read(handle, MemoryMarshal.CreateSpan(ref at, n), start + done);
            if (read == 0)
                throw Truncated(total, done);
            done += read;
        }
        // Leaves the stream where reading it would have: just after the data.
        file.Position = start + total;
    }

    private static InvalidDataException Truncated(long expected, long got) =>
        new(Invariant($"the .npy file is truncated: the header promises {expected} bytes of data, the file holds {got}"));
}
