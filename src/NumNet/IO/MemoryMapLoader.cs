using System.IO.MemoryMappedFiles;
using NumNet.Formatting;
using NumNet.Layout;
using NumNet.Memory;
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

    /// <summary>Maps the data of the .npy file at <paramref name="path"/>; the returned array owns the mapping.</summary>
    /// <exception cref="InvalidDataException">A damaged header, or a file shorter than its header promises.</exception>
    /// <exception cref="NotSupportedException">A structured dtype.</exception>
    /// <exception cref="ArgumentException">An object array: its elements are a pickle, not bytes to map (NumPy's ValueError).</exception>
    public static NDArray Open(string path, MemoryMappedFileAccess access, int maxHeaderSize)
    {
        NpyHeader header;
        long fileLength;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            header = NpyHeader.Read(stream, maxHeaderSize);
            fileLength = stream.Length;
        }
        if (header.DType.IsObject)
            throw new ArgumentException("Array can't be memory-mapped: Python objects in dtype.", "mmapMode");
        if (fileLength - header.DataOffset < header.DataBytes)
            throw new InvalidDataException(Invariant($"the .npy file is truncated: the header promises {header.DataBytes} bytes of data, the file holds {fileLength - header.DataOffset}"));
        var buffer = new MemoryMappedFileBuffer(path, header.DataOffset, header.DataBytes, access);
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
}
