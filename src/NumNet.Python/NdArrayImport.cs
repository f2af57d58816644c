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
        var types = PyTypes.Current;
        using var descriptions = types.Helpers.InvokeMethod("ndarray_description", array);
        using var own = descriptions[0];
        using var rootDict = descriptions[1];
        using var bufferExtent = descriptions[2];
        using var typestr = own["typestr"];
        if (typestr.As<string>() == "|O")
            return ObjectArrays.Copy(array, element);
        const string source = "ndarray.__array_interface__";
        var description = InterfaceImport.Read(own, source);
        var layout = description.At(description.Address ?? 0);
        bool readOnly = description.ReadOnly;
        var rootDescription = InterfaceImport.Read(rootDict, source + " (of its base)");
        var root = rootDescription.At(rootDescription.Address ?? 0);
        // The allocation is the buffer the root array was made over when there is one (bytes, mmap, bytearray),
        // else the root array's own extent (memory NumPy allocated for it).
        nint start = root.Data + (nint)root.Low;
        long length = root.High - root.Low;
        if (!bufferExtent.IsNone())
        {
            using var bufferStart = bufferExtent[0];
            using var bufferLength = bufferExtent[1];
            (start, length) = ((nint)PyRead.Int64(bufferStart, "buffer address"), PyRead.Int64(bufferLength, "buffer length"));
        }
        if (layout.IsEmpty)
            (start, length) = (layout.Data, 0);
        return ForeignArray.View(layout, start, length, readOnly, array);
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
