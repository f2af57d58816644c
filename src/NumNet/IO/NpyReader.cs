using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Internal;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>Reads .npy content into a new array that owns its memory.</summary>
internal static class NpyReader
{
    /// <summary>Largest read into the array at once (spans are int-sized); the same size as the writer's chunks.</summary>
    private const int ChunkBytes = 64 << 20;

    /// <summary>Bytes one thread reads at a time when a file is read on several threads.</summary>
    private const int SplitChunkBytes = 4 << 20;

    /// <summary>Data size from which a file is read on several threads: below it, starting helpers costs more than they save.</summary>
    internal static long SplitFrom { get; set; } = 64L << 20;

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
    // and the reads are as large as the chunks. A large file is read by up to MaxThreads threads at once, each taking
    // chunks of SplitChunkBytes in turn: one core copies from the page cache at about half the rate the memory allows
    // (the same latency bound as BlockCopy's copies), and positioned reads of one file may run side by side.
    private static unsafe void FillFromFile(FileStream file, NDArray array, long total)
    {
        long start = file.Position;
        var handle = file.SafeFileHandle;
        int threads = total < SplitFrom ? 1 : NumNetSettings.MaxThreads;
        long chunkBytes = threads == 1 ? ChunkBytes : SplitChunkBytes;
        long chunks = (total + chunkBytes - 1) / chunkBytes;
        // The smallest data offset at which a read met the end of the file, if any did.
        long fileEnd = long.MaxValue;
        using (var lease = array.Lease())
        {
            Debug.Assert(array.Offset >= 0 && array.Offset + total <= lease.Memory.ByteLength, "the data lies outside the array's memory");
            // Pinned (a no-op for native memory) while the chunks run: SharedChunks.Run returns only when no thread is
            // inside one or will start one, and the lease outlives it.
            if (total > 0)
            {
                fixed (byte* data = &lease.At(array.Offset))
                {
                    nint origin = (nint)data;
                    SharedChunks.Run(chunks, threads, run =>
                    {
                        while (run.TryClaim(out long chunk))
                        {
                            long from = chunk * chunkBytes;
                            int n = (int)Math.Min(chunkBytes, total - from);
                            int got = PositionedRead.Fill(handle, new Span<byte>((byte*)origin + from, n), start + from);
                            if (got < n)
                                AtomicBound.Lower(ref fileEnd, from + got);
                        }
                    });
                }
            }
        }
        if (fileEnd != long.MaxValue)
            throw Truncated(total, fileEnd);
        // Leaves the stream where reading it would have: just after the data.
        file.Position = start + total;
    }

    private static InvalidDataException Truncated(long expected, long got) =>
        new(Invariant($"the .npy file is truncated: the header promises {expected} bytes of data, the file holds {got}"));
}
