using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// The buffer protocol (PEP 3118): <c>memoryview</c>, <c>bytearray</c>, <c>array.array</c>, <c>mmap</c> and any other
/// exporter, viewed without copying through our own <c>Py_buffer</c> (pythonnet's <c>PyBuffer</c> is not used: with
/// 3.2.1 it aborts the process on a NumPy array). The buffer is held until the NumNet view is collected, and the
/// layout is checked against the exporter's own length before any byte is read.
/// </summary>
internal static unsafe class BufferImport
{
    private const int Writable = 0x0001, Format = 0x0004, Strides = 0x0010 | 0x0008;

    /// <summary>The view of <paramref name="exporter"/>'s buffer, or null when it exports none.</summary>
    /// <exception cref="ArgumentException">The buffer's format is not a dtype NumNet knows, or its layout is inconsistent.</exception>
    public static NDArray? TryView(PyObject exporter, string source)
    {
        if (!CApi.CheckBuffer(exporter))
            return null;
        var held = HeldBuffer.Acquire(exporter);
        if (held is null)
            return null;
        try
        {
            ref readonly var view = ref held.View;
            var dtype = Pep3118.ToDType(view.Format == 0 ? "B" : Marshal.PtrToStringUTF8(view.Format) ?? "B", source);
            if (view.ItemSize != dtype.ItemSize)
                throw new ArgumentException($"{source}: the buffer's itemsize {view.ItemSize} differs from its format's ({dtype} is {dtype.ItemSize} bytes)");
            if (view.NDim is < 0 or > 64)
                throw new ArgumentException($"{source}: the buffer claims {view.NDim} dimensions");
            if (view.Len < 0)
                throw new ArgumentException($"{source}: the buffer claims a negative length {view.Len}");
            long[] shape, strides;
            if (view.NDim == 0 || view.Shape == 0)
            {
                shape = view.NDim == 0 ? [] : [view.Len / Math.Max(1, view.ItemSize)];
                strides = view.NDim == 0 ? [] : [view.ItemSize];
            }
            else
            {
                shape = new ReadOnlySpan<long>((void*)view.Shape, view.NDim).ToArray();
                strides = view.Strides == 0 ? null! : new ReadOnlySpan<long>((void*)view.Strides, view.NDim).ToArray();
            }
            var layout = ForeignLayout.Check(source, view.Buf, shape, strides, dtype.Str, dtype.ItemSize);
            // PEP 3118's len is the size the items would take if contiguous: the extent of a contiguous layout must
            // fit inside it; a strided one (a view of a bigger block) can only be checked for consistency.
            bool contiguous = layout.High - layout.Low == (long)layout.Shape.Aggregate(1L, (n, d) => n * d) * dtype.ItemSize;
            return contiguous || layout.IsEmpty
                ? ForeignArray.View(layout, view.Buf, view.Len, view.ReadOnly != 0, held)
                : ForeignArray.View(layout, view.Buf + (nint)layout.Low, layout.High - layout.Low, view.ReadOnly != 0, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A <c>Py_buffer</c> in native memory, held from <see cref="Acquire"/> until released. Release needs the GIL: an
    /// explicit <see cref="Dispose"/> takes it; a buffer found by the finalizer is queued and released on the next
    /// import (a finalizer must never wait for the GIL).
    /// </summary>
    internal sealed class HeldBuffer : IDisposable
    {
        private static readonly ConcurrentQueue<nint> s_orphans = new();
        private nint _view;

        private HeldBuffer(PyBufferView* view) => _view = (nint)view;

        /// <summary>The held view.</summary>
        public ref readonly PyBufferView View => ref *(PyBufferView*)_view;

        /// <summary>Buffers held right now (for leak tests).</summary>
        public static int Live => s_live;

        private static int s_live;

        /// <summary>The exporter's buffer, writable when it allows, else read-only; null when it refuses both.</summary>
        public static HeldBuffer? Acquire(PyObject exporter)
        {
            ReleaseOrphans();
            var view = (PyBufferView*)NativeMemory.AllocZeroed((nuint)sizeof(PyBufferView));
            if (CApi.TryGetBuffer(exporter, view, Strides | Format | Writable) || CApi.TryGetBuffer(exporter, view, Strides | Format))
            {
                Interlocked.Increment(ref s_live);
                return new HeldBuffer(view);
            }
            NativeMemory.Free(view);
            return null;
        }

        /// <summary>Releases the buffer under the GIL.</summary>
        public void Dispose()
        {
            var view = (PyBufferView*)Interlocked.Exchange(ref _view, 0);
            if (view == null)
                return;
            GC.SuppressFinalize(this);
            using (Py.GIL())
                Release(view);
        }

        ~HeldBuffer()
        {
            nint view = Interlocked.Exchange(ref _view, 0);
            if (view != 0)
                s_orphans.Enqueue(view);
        }

        /// <summary>Releases buffers whose views were collected; the caller holds the GIL.</summary>
        public static void ReleaseOrphans()
        {
            while (s_orphans.TryDequeue(out nint view))
                Release((PyBufferView*)view);
        }

        private static void Release(PyBufferView* view)
        {
            CApi.ReleaseBuffer(view);
            NativeMemory.Free(view);
            Interlocked.Decrement(ref s_live);
        }
    }
}

/// <summary>PEP 3118 format strings of single items into dtypes, as NumPy reads them.</summary>
internal static class Pep3118
{
    /// <summary>
    /// The dtype of a format such as <c>"&lt;d"</c>, <c>"=l"</c> (standard size: 4 bytes), <c>"@l"</c> (native: 8),
    /// <c>"Zd"</c>, <c>"g"</c>, <c>"5s"</c>, <c>"3w"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Structured, object, pointer or otherwise unknown formats.</exception>
    public static DType ToDType(string format, string source)
    {
        var text = format.AsSpan();
        char order = '@';
        if (text.Length > 0 && text[0] is '@' or '=' or '<' or '>' or '!')
        {
            order = text[0];
            text = text[1..];
        }
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        int count = 1;
        if (digits > 0 && (digits > 9 || !int.TryParse(text[..digits], out count)))
            throw new ArgumentException($"{source}: buffer format '{format}' has a bad repeat count");
        text = text[digits..];
        bool native = order == '@';
        string prefix = order switch { '<' => "<", '>' or '!' => ">", _ => "=" };
        string? typestr = text switch
        {
            "?" => "|b1",
            "b" => "|i1",
            "B" => "|u1",
            "h" => prefix + "i2",
            "H" => prefix + "u2",
            "i" => prefix + "i4",
            "I" => prefix + "u4",
            "l" => prefix + (native ? "i8" : "i4"),
            "L" => prefix + (native ? "u8" : "u4"),
            "q" or "n" => prefix + "i8",
            "Q" or "N" => prefix + "u8",
            "e" => prefix + "f2",
            "f" => prefix + "f4",
            "d" => prefix + "f8",
            "g" => prefix + "f16",
            "Zf" => prefix + "c8",
            "Zd" => prefix + "c16",
            "Zg" => prefix + "c32",
            "s" => "|S" + count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "c" => "|S1",
            "w" => prefix + "U" + count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (typestr is null || (count != 1 && text is not ("s" or "w")))
            throw new ArgumentException($"{source}: buffer format '{format}' is not a single element type NumNet supports (structured, object and pointer formats are not)");
        return np.dtype(typestr);
    }
}
