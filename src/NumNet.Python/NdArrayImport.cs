using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// NumPy ndarrays (and subclasses) as zero-copy NumNet views, from ndarray's own <c>__array_interface__</c>
/// descriptor. The view must lie inside the memory of the array at the root of the base chain: a NumPy array whose
/// strides were forged (<c>np.lib.stride_tricks.as_strided</c> past the end) is refused rather than read.
/// </summary>
internal static class NdArrayImport
{
    /// <summary>The view of <paramref name="array"/>, an ndarray; object arrays are copied into a NumNet object array.</summary>
    /// <exception cref="ArgumentException">The array reaches outside its root's memory, or has a dtype NumNet lacks.</exception>
    public static NDArray View(PyObject array, Func<PyObject, object?> element)
    {
        // One call returns ndarray's own description and its root's, read through ndarray's descriptors.
        using var d = PyTypes.Current.Helpers.InvokeMethod("ndarray_description", array);
        string typestr = Text(d, 0);
        if (typestr == "|O")
            return ObjectArrays.Copy(array, element);
        const string source = "ndarray.__array_interface__";
        var dtype = TypeStrings.Parse(typestr, source);
        var layout = ForeignLayout.Check(source, (nint)Int(d, 3, "data"), Ints(d, 1, "shape")!, Ints(d, 2, "strides"), typestr, dtype.ItemSize);
        bool readOnly = Flag(d, 4);
        var root = ForeignLayout.Check(source + " (of its base)", (nint)Int(d, 7, "base data"), Ints(d, 5, "base shape")!,
            Ints(d, 6, "base strides"), "its base", checked((int)Int(d, 8, "base itemsize")));
        // The allocation is the buffer the root array was made over when there is one (bytes, mmap, bytearray),
        // else the root array's own extent (memory NumPy allocated for it).
        nint start = root.Data + (nint)root.Low;
        long length = root.High - root.Low;
        using var bufferExtent = Item(d, 9);
        if (!bufferExtent.IsNone())
            (start, length) = ((nint)Int(bufferExtent, 0, "buffer address"), Int(bufferExtent, 1, "buffer length"));
        if (layout.IsEmpty)
            (start, length) = (layout.Data, 0);
        return ForeignArray.View(layout, start, length, readOnly, array);
    }

    private static PyObject Item(PyObject tuple, int i) => tuple[i];

    private static string Text(PyObject tuple, int i)
    {
        using var item = tuple[i];
        return item.As<string>();
    }

    private static bool Flag(PyObject tuple, int i)
    {
        using var item = tuple[i];
        return item.IsTrue();
    }

    private static long Int(PyObject tuple, int i, string what)
    {
        using var item = tuple[i];
        return PyRead.Int64(item, what);
    }

    private static long[]? Ints(PyObject tuple, int i, string what)
    {
        using var item = tuple[i];
        return item.IsNone() ? null : PyRead.Int64s(item, what);
    }
}

/// <summary>NumPy object arrays: references NumNet cannot view, so they are copied element by element.</summary>
internal static class ObjectArrays
{
    /// <summary>
    /// A NumNet object array with <paramref name="array"/>'s shape whose elements are
    /// <paramref name="element"/>'s translation of each Python object (C order).
    /// </summary>
    public static NDArray Copy(PyObject array, Func<PyObject, object?> element)
    {
        using var shapeObject = array.GetAttr("shape");
        long[] shape = PyRead.Int64s(shapeObject, "ndarray.shape");
        var result = np.empty(shape, np.dtype("O"));
        using var flat = array.InvokeMethod("ravel");
        using var items = flat.InvokeMethod("tolist");
        var index = new long[shape.Length];
        long count = result.Size;
        for (long i = 0; i < count; i++)
        {
            var item = items[(int)i];
            var value = element(item);
            result.SetValue(value, index);
            if (!ReferenceEquals(value, item))
                item.Dispose();
            for (int d = index.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
                index[d] = 0;
        }
        return result;
    }
}
