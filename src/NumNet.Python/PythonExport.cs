using System.Numerics;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// <see cref="NDArray"/>s as <c>numpy.ndarray</c>s over NumNet's own memory: an owner object exposes
/// <c>__array_interface__</c> (address, shape, strides, typestr, read-only flag) and holds a
/// <see cref="MemoryClaim"/>, so the memory stays valid for as long as NumPy holds the owner.
/// </summary>
internal static class PythonExport
{
    /// <summary>The ndarray view of <paramref name="array"/>; object arrays are copied (references cannot be shared).</summary>
    public static PyObject ToPython(NDArray array)
    {
        var types = PyTypes.Current;
        var helpers = types.RequireNumPy("NDArray.ToPython");
        if (array.DType.IsObject)
            return ObjectArray(array, helpers);
        var claim = MemoryClaim.Claim(array);
        using var shape = Tuple(array.Shape);
        using var strides = Tuple(array.Strides);
        using var keep = PyObject.FromManagedObject(claim);
        using var address = new PyInt((long)claim.Address);
        using var readOnly = (!array.IsWriteable).ToPython();
        using var typestr = new PyString(array.DType.Str);
        return helpers.InvokeMethod("export", address, readOnly, shape, strides, typestr, keep);
    }

    private static PyTuple Tuple(long[] values)
    {
        var items = new PyObject[values.Length];
        for (int i = 0; i < items.Length; i++)
            items[i] = new PyInt(values[i]);
        var tuple = new PyTuple(items);
        foreach (var item in items)
            item.Dispose();
        return tuple;
    }

    private static PyObject ObjectArray(NDArray array, PyObject helpers)
    {
        using var numpy = helpers.GetAttr("_np");
        using var shape = Tuple(array.Shape);
        using var objectType = new PyString("O");
        var result = numpy.InvokeMethod("empty", shape, objectType);
        using var flat = result.InvokeMethod("reshape", new PyInt(-1));
        var index = new long[array.NDim];
        var dims = array.Shape;
        for (long i = 0; i < array.Size; i++)
        {
            var element = array.GetValue(index);
            var value = Value(element);
            flat.SetItem((int)i, value);
            if (!ReferenceEquals(value, element) && !ReferenceEquals(value, PyObject.None))
                value.Dispose();
            for (int d = index.Length - 1; d >= 0 && ++index[d] == dims[d]; d--)
                index[d] = 0;
        }
        return result;
    }

    /// <summary>A .NET element of an object array as the Python object it stands for.</summary>
    private static PyObject Value(object? value) => value switch
    {
        null => PyObject.None,
        PyObject py => py,
        bool b => b.ToPython(),
        long or int or short or sbyte or byte or ushort or uint => new PyInt(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        ulong u => new PyInt(u),
        BigInteger big => new PyInt(big.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        double or float => new PyFloat(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        Complex c => PyTypes.Current.Complex.Invoke(new PyFloat(c.Real), new PyFloat(c.Imaginary)),
        string s => new PyString(s),
        Bytes bytes => PyTypes.Current.Bytes.InvokeMethod("fromhex", new PyString(Convert.ToHexString(bytes.Span))),
        NDArray nested => ToPython(nested),
        _ => PyObject.FromManagedObject(value),
    };
}
