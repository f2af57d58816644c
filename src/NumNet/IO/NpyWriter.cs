using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NumNet.DTypes;
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

    /// <summary>
    /// Whether NumPy stores arrays of <paramref name="dtype"/> as a Python pickle under descr <c>'|O'</c>: object
    /// arrays, and dtypes of classes without a byte layout of their own (NumPy's non-legacy dtypes, such as StringDType).
    /// </summary>
    public static bool IsPickled(DType dtype) => dtype.IsObject || dtype.Family is RegisteredDTypeClass;

    /// <summary>
    /// Throws, before anything is written, for an array .npy cannot hold: a pickled array (see <see cref="IsPickled"/>)
    /// when pickles are not allowed, or of a dtype NumNet cannot pickle. Elements are not visited: an element without a
    /// Python counterpart is found while the pickle is made (<see cref="Write(Stream, NDArray, bool)"/>), still before
    /// anything reaches the stream.
    /// </summary>
    /// <exception cref="ArgumentException">A pickled array and <paramref name="allowPickle"/> false (NumPy's ValueError).</exception>
    /// <exception cref="NotSupportedException">A dtype NumNet cannot pickle.</exception>
    public static void Validate(NDArray array, bool allowPickle)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!IsPickled(array.DType))
            return;
        if (array.DType.Family is RegisteredDTypeClass { PickleConstructor: null })
            throw new NotSupportedException($"arrays of dtype {array.DType.Repr()} are stored by NumPy as a Python pickle, and NumNet cannot pickle this dtype; cast to a sized 'U' dtype first");
        if (!allowPickle)
            throw new ArgumentException(array.DType.IsObject
                ? "Object arrays cannot be saved when allow_pickle=False"
                : "User-defined dtypes cannot be saved when allow_pickle=False", nameof(allowPickle));
    }

    /// <summary>The header bytes NumPy writes for <paramref name="array"/>; the data (or the pickle) follows.</summary>
    /// <remarks>
    /// For a registered dtype the descr is <c>'|O'</c> and NumPy's UserWarning is raised, as <c>format.py</c>'s
    /// <c>dtype_to_descr</c> does: the file can be loaded only with <c>allow_pickle=True</c>.
    /// </remarks>
    public static byte[] Header(NDArray array)
    {
        var descr = array.DType;
        if (descr.Family is RegisteredDTypeClass)
        {
            Warnings.Warn(NumPyWarningKind.UserWarning, "Custom dtypes are saved as python objects using the pickle protocol. Loading this file requires allow_pickle=True to be set.");
            descr = PickledDescr;
        }
        return NpyFormat.Wrap(NpyFormat.DictText(descr, array.ShapeRef, IsFortranOnly(array)));
    }

    private static readonly DType PickledDescr = np.dtype("O");

    /// <summary>Writes the whole .npy content of <paramref name="array"/> to <paramref name="stream"/>.</summary>
    /// <remarks>An object array is written as NumPy 2 writes it: its header, then a protocol-4 pickle of the array.</remarks>
    /// <exception cref="ArgumentException">An object array and <paramref name="allowPickle"/> false.</exception>
    /// <exception cref="NotSupportedException">An element NumNet cannot pickle.</exception>
    public static void Write(Stream stream, NDArray array, bool allowPickle = true)
    {
        Validate(array, allowPickle);
        if (IsPickled(array.DType))
        {
            // Pickled once into memory first, so an element that cannot be pickled leaves the stream untouched.
            using var pickle = new MemoryStream();
            Pickle.NumPyPickle.Write(pickle, array);
            stream.Write(Header(array));
            pickle.Position = 0;
            pickle.CopyTo(stream);
            return;
        }
        stream.Write(Header(array));
        WriteData(array, stream.Write);
    }

    /// <summary>
    /// Writes <paramref name="header"/> (from <see cref="Header"/>) and then the data of <paramref name="array"/> at
    /// the start of <paramref name="file"/>, by positioned writes straight from the array's memory.
    /// </summary>
    public static void Write(SafeFileHandle file, NDArray array, byte[] header)
    {
        Debug.Assert(!IsPickled(array.DType), "pickled arrays go through the stream writer");
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
