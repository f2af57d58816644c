using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NumNet.Layout;

namespace NumNet.IO;

/// <summary>Writes an array as .npy: header, then the elements' bytes exactly as they are in memory.</summary>
internal static class NpyWriter
{
    /// <summary>
    /// Largest span handed to one write. Much larger single writes were slower and far noisier on the benchmark
    /// machine (ext4, page cache): one 800 MB <c>write</c> holds the file's lock while the kernel throttles dirty pages.
    /// </summary>
    private const int ChunkBytes = 64 << 20;

    /// <summary>Size of the reusable C-ordered buffer a non-contiguous array is copied through.</summary>
    private const long SlabBytes = 16L << 20;

    /// <summary>Throws for arrays .npy cannot hold without pickling, before anything is written.</summary>
    /// <exception cref="NotSupportedException">An object array.</exception>
    public static void Validate(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.DType.IsObject)
            throw new NotSupportedException("object arrays are stored by NumPy as Python pickles, which NumNet does not write; convert to a fixed-size dtype first");
        // NumPy's format.py saves a non-legacy dtype as a pickle of the whole array under descr '|O', after a UserWarning.
        if (array.DType.Family is DTypes.RegisteredDTypeClass)
            throw new NotSupportedException($"arrays of dtype {array.DType.Repr()} are stored by NumPy as a Python pickle of the whole array (descr '|O', with the UserWarning \"Custom dtypes are saved as python objects using the pickle protocol. Loading this file requires allow_pickle=True to be set.\"), which NumNet does not write; cast to a sized 'U' dtype first");
    }

    /// <summary>The header bytes NumPy writes for <paramref name="array"/>; the data follows them directly.</summary>
    /// <exception cref="NotSupportedException">An object array.</exception>
    public static byte[] Header(NDArray array)
    {
        Validate(array);
        return NpyFormat.Wrap(NpyFormat.DictText(array.DType, array.ShapeRef, IsFortranOnly(array)));
    }

    /// <summary>Writes the whole .npy content of <paramref name="array"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="NotSupportedException">An object array.</exception>
    public static void Write(Stream stream, NDArray array)
    {
        stream.Write(Header(array));
        WriteData(array, stream.Write);
    }

    /// <summary>
    /// Writes <paramref name="header"/> (from <see cref="Header"/>) and then the data of <paramref name="array"/> at
    /// the start of <paramref name="file"/>, by positioned writes straight from the array's memory.
    /// </summary>
    public static void Write(SafeFileHandle file, NDArray array, byte[] header)
    {
        RandomAccess.Write(file, header, 0);
        long at = header.Length;
        WriteData(array, bytes =>
        {
            RandomAccess.Write(file, bytes, at);
            at += bytes.Length;
        });
    }

    // A 1-d array is both C- and F-contiguous; NumPy calls it C, and so only "F but not C" is written as Fortran.
    private static bool IsFortranOnly(NDArray array) => !array.IsCContiguous && array.IsFContiguous;

    private static void WriteData(NDArray array, ReadOnlySpanAction write)
    {
        if (array.Size == 0)
            return;
        if (array.IsCContiguous || IsFortranOnly(array))
            WriteContiguous(array, array.NBytes, write);
        else
            WriteInSlabs(array, write);
    }

    private static void WriteContiguous(NDArray array, long total, ReadOnlySpanAction write)
    {
        // An F- or C-contiguous array's first byte is at its offset: strides are all positive here.
        using var lease = array.Lease();
        for (long done = 0; done < total; done += ChunkBytes)
        {
            int n = (int)Math.Min(ChunkBytes, total - done);
            ref byte start = ref lease.At(array.Offset + done);
            write(MemoryMarshal.CreateReadOnlySpan(ref start, n));
        }
    }

    // A layout that is neither C nor F (a transpose of a 3-d array, a stepped slice) goes out as C-ordered copies of
    // whole leading-axis slabs, all made in one buffer, so memory stays bounded however large the array is.
    private static void WriteInSlabs(NDArray array, ReadOnlySpanAction write)
    {
        long rows = array.ShapeRef[0];
        long rowBytes = array.NBytes / rows;
        long perSlab = Math.Min(rows, Math.Max(1, SlabBytes / Math.Max(1, rowBytes)));
        var shape = array.Shape;
        shape[0] = perSlab;
        using var buffer = NDArray.Allocate(array.DType, (long[])shape.Clone(), MemoryOrder.C, zero: false);
        for (long first = 0; first < rows; first += perSlab)
        {
            long count = Math.Min(perSlab, rows - first);
            shape[0] = count;
            using var slab = array.View(array.Offset + first * array.StridesRef[0], (long[])shape.Clone(), array.Strides);
            // The leading rows of a C-ordered buffer are themselves C-ordered, so a short last slab fills a prefix.
            using var target = buffer.View(buffer.Offset, (long[])shape.Clone(), buffer.Strides);
            StridedCopy.Copy(slab, target);
            WriteContiguous(target, count * rowBytes, write);
        }
    }

    private delegate void ReadOnlySpanAction(ReadOnlySpan<byte> bytes);
}
