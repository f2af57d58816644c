using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// A Python object with <c>__array__</c>, called as NumPy 2 calls it: the dtype positionally when one is asked for,
/// <c>copy=</c> by keyword when it is not None, and again without <c>copy=</c> for old signatures that reject it (then
/// a copy that was asked for is made here, since the object could not be told).
/// </summary>
internal sealed class PythonArrayConvertible(PyObject obj) : IArrayConvertible
{
    /// <inheritdoc/>
    public NDArray ToNDArray(DType? dtype, bool? copy)
    {
        using (Py.GIL())
        {
            var types = PyTypes.Current;
            string typeName = obj.GetPythonType().Name;
            using var pair = types.Helpers.InvokeMethod("call_array", obj,
                dtype is null ? PyObject.None : new PyString(dtype.Str), copy is null ? PyObject.None : copy.Value.ToPython());
            var result = pair[0];
            using var honoured = pair[1];
            if (types.NdArray is not { } nd || !result.IsInstance(nd))
                throw new ArgumentException($"{typeName}.__array__ returned {PyRead.Describe(result)}, not an ndarray");
            var view = NdArrayImport.View(result, PythonTranslator.Element);
            return copy == true && !honoured.IsTrue() ? np.array(view, copy: true) : view;
        }
    }
}
