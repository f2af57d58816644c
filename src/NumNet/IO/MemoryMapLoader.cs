using System.IO.MemoryMappedFiles;
using NumNet.Formatting;
using NumNet.Layout;
using NumNet.Memory;
using NumNet.Platform;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>Opens a .npy file as an array whose elements are the file's own bytes (NumPy's <c>mmapMode</c>).</summary>
internal static class MemoryMapLoader
{
    /// <summary>The mapping access for NumPy's mode spellings ("r", "r+", "c" and their long forms).</summary>
    /// <exception cref="ArgumentException">Any other mode, including "w+", which would create a file rather than load one.</exception>
    public static MemoryMappedFileAccess ParseMode(string mode) => mode switch
    {
        "r" or "readonly" => MemoryMappedFileAccess.Read,
        "r+" or "readwrite" => MemoryMappedFileAccess.ReadWrite,
        "c" or "copyonwrite" => MemoryMappedFileAccess.CopyOnWrite,
        _ => throw new ArgumentException(Invariant($"mmapMode must be one of 'r', 'r+' or 'c' (got {PythonRepr.Repr(mode)})"), "mmapMode"),
    };

    /// <summary>
    /// Maps the data of the .npy file at <paramref name="path"/>; the returned array owns the mapping. Where the file
    /// cannot be mapped safely (<see cref="MemoryMappedFileBuffer"/>: no lease can be taken on it), modes "r" and "c"
    /// read it into memory instead (unless it is too large to) and "r+" is refused (<see cref="WithoutLease"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A damaged header, or a file shorter than its header promises.</exception>
    /// <exception cref="NotSupportedException">A structured dtype.</exception>
    /// <exception cref="ArgumentException">An object array: its elements are a pickle, not bytes to map (NumPy's ValueError).</exception>
    /// <exception cref="IOException">
    /// A file that cannot be mapped safely, in mode "r+" or too large to read instead, naming the reason.
    /// </exception>
    public static NDArray Open(string path, MemoryMappedFileAccess access, int maxHeaderSize)
    {
        NpyHeader header;
        long fileLength;
        byte[] headerBytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            header = NpyHeader.Read(stream, maxHeaderSize);
            fileLength = stream.Length;
            // Kept to check, once the file is leased, that it still starts with the header the shape was read from.
            headerBytes = new byte[header.DataOffset];
            stream.Position = 0;
            stream.ReadExactly(headerBytes);
        }
        if (header.DType.IsObject)
            throw new ArgumentException("Array can't be memory-mapped: Python objects in dtype.", "mmapMode");
        if (fileLength - header.DataOffset < header.DataBytes)
            throw new InvalidDataException(Invariant($"the .npy file is truncated: the header promises {header.DataBytes} bytes of data, the file holds {fileLength - header.DataOffset}"));
        MemoryMappedFileBuffer buffer;
        if (OperatingSystem.IsWindows())
        {
            // Windows refuses to truncate a file while it is mapped: no lease is needed there.
            buffer = new MemoryMappedFileBuffer(path, header.DataOffset, header.DataBytes, access);
        }
        else
        {
            var leased = MemoryMappedFileBuffer.TryMapUnderLease(path, header.DataOffset, header.DataBytes, access, headerBytes, out var refusal);
            if (leased is null)
                return ReadInstead(path, access, refusal, header.DataBytes, maxHeaderSize);
            buffer = leased;
        }
        try
        {
            var shape = (long[])header.Shape.Clone();
            var strides = ShapeMath.ContiguousStrides(shape, header.DType.ItemSize, header.FortranOrder);
            // No base: the array is the mapping's owner, so disposing it unmaps the file.
            return new NDArray(header.DType, buffer, 0, shape, strides, null, writeable: access != MemoryMappedFileAccess.Read);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>What a load does with a file it cannot map under a lease.</summary>
    internal enum UnleasedPlan
    {
        /// <summary>Read the file into memory: the same array for every read, and "c" writes stay in memory as they would.</summary>
        ReadIntoMemory,

        /// <summary>Refuse: "r+" promises that writes reach the file, which a copy in memory cannot keep.</summary>
        Refuse,

        /// <summary>Refuse: the data would take more than half the memory available, where a mapping would have taken none.</summary>
        RefuseTooLarge,
    }

    /// <summary>
    /// The plan for a file that cannot be mapped under a lease. Mapping it anyway would let any process that
    /// truncates it end this one (SIGBUS), as it does NumPy; reading it gives "r" and "c" the same array, unless it
    /// is too large to read (a file larger than memory is what a mapping is for, and reading it would end in the
    /// out-of-memory killer); "r+" cannot be kept without the mapping, so it is refused with the reason rather than
    /// silently detached.
    /// </summary>
    internal static UnleasedPlan WithoutLease(MemoryMappedFileAccess access, long dataBytes, long availableBytes) => access switch
    {
        MemoryMappedFileAccess.Read or MemoryMappedFileAccess.CopyOnWrite when dataBytes > availableBytes / 2 => UnleasedPlan.RefuseTooLarge,
        MemoryMappedFileAccess.Read or MemoryMappedFileAccess.CopyOnWrite => UnleasedPlan.ReadIntoMemory,
        _ => UnleasedPlan.Refuse,
    };

    private static NDArray ReadInstead(string path, MemoryMappedFileAccess access, LeaseRefusal refusal, long dataBytes, int maxHeaderSize)
    {
        long available = LeaseBreakTiming.AvailableMemoryBytes();
        string why = Invariant($"{PythonRepr.Repr(path)} cannot be memory-mapped safely: {MemoryMappedFileBuffer.Describe(refusal, access)}; mapped without a lease, a file that another process truncates ends this one (SIGBUS)");
        switch (WithoutLease(access, dataBytes, available))
        {
            case UnleasedPlan.Refuse:
                throw new IOException(why + ", and mmapMode 'r+' cannot be kept in memory instead. Load it without mmapMode");
            case UnleasedPlan.RefuseTooLarge:
                throw new IOException(why + Invariant($", and its {dataBytes} bytes of data are too many to read into memory instead ({available} available)"));
            case UnleasedPlan.ReadIntoMemory:
                break;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var array = NpyReader.Read(stream, maxHeaderSize: maxHeaderSize);
        if (access == MemoryMappedFileAccess.Read)
            array.SetWriteable(false);
        return array;
    }
}
