using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.IO;

/// <summary>Writes an array as .npy: header, then the elements' bytes exactly as they are in memory.</summary>
internal static class NpyWriter
{
    /// <summary>Largest span handed to one <see cref="Stream.Write(ReadOnlySpan{byte})"/> (spans are int-sized).</summary>
    private const int ChunkBytes = 1 << 30;

    /// <summary>Size of the C-ordered copies that a non-contiguous array is written through.</summary>
    private const long SlabBytes = 16L << 20;

    /// <summary>Throws for arrays .npy cannot hold without pickling, before anything is written.</summary>
    /// <exception cref="NotSupportedException">An object array.</exception>
    public static void Validate(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.DType.IsObject)
            throw new NotSupportedException("object arrays are stored by NumPy as Python pickles, which NumNet does not write; convert to a fixed-size dtype first");
    }

    /// <summary>Writes the whole .npy content of <paramref name="array"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="NotSupportedException">An object array.</exception>
    public static void Write(Stream stream, NDArray array)
    {
        Validate(array);
        // A 1-d array is both C- and F-contiguous; NumPy calls it C, and so only "F but not C" is written as Fortran.
        bool fortran = !array.IsCContiguous && array.IsFContiguous;
        stream.Write(NpyFormat.Wrap(NpyFormat.DictText(array.DType, array.ShapeRef, fortran)));
        if (array.Size == 0)
            return;
        if (array.IsCContiguous || fortran)
            WriteContiguous(stream, array);
        else
            WriteInSlabs(stream, array);
    }

    private static void WriteContiguous(Stream stream, NDArray array)
    {
        long total = array.NBytes;
        // An F- or C-contiguous array's first byte is at its offset: strides are all positive here.
        for (long done = 0; done < total; done += ChunkBytes)
        {
            int n = (int)Math.Min(ChunkBytes, total - done);
            ref byte start = ref Unsafe.Add(ref array.Buffer.GetReference(), (nint)(array.Offset + done));
            stream.Write(MemoryMarshal.CreateReadOnlySpan(ref start, n));
        }
    }

    // A layout that is neither C nor F (a transpose of a 3-d array, a stepped slice) goes out as C-ordered copies of
    // whole leading-axis slabs, so memory stays bounded however large the array is.
    private static void WriteInSlabs(Stream stream, NDArray array)
    {
        long rows = array.ShapeRef[0];
        long rowBytes = array.NBytes / rows;
        long perSlab = Math.Max(1, SlabBytes / Math.Max(1, rowBytes));
        var shape = array.Shape;
        for (long first = 0; first < rows; first += perSlab)
        {
            long count = Math.Min(perSlab, rows - first);
            shape[0] = count;
            var slab = array.View(array.Offset + first * array.StridesRef[0], (long[])shape.Clone(), array.Strides);
            using var copy = slab.Copy(MemoryOrder.C);
            WriteContiguous(stream, copy);
        }
    }
}
