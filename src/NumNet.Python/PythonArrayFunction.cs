using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// A Python object's <c>__array_function__</c> (NEP 18/35) taking over a NumPy creation function called with
/// <c>like=</c>: called as NumPy calls it, with the public NumPy function, the types tuple, the positional argument
/// and the keywords the caller gave (those left at their defaults are not passed, as in NumPy).
/// </summary>
internal sealed class PythonArrayFunction : IArrayFunction
{
    private readonly PyObject _like;

    private PythonArrayFunction(PyObject like) => _like = like;

    /// <summary>The protocol of <paramref name="like"/>, or null when its type has no <c>__array_function__</c>.</summary>
    public static PythonArrayFunction? For(PyObject like)
    {
        using var type = like.GetPythonType();
        return type.HasAttr("__array_function__") ? new PythonArrayFunction(like) : null;
    }

    /// <inheritdoc/>
    public object? ArrayFunction(string name, IReadOnlyDictionary<string, object?> arguments)
    {
        using (Py.GIL())
            return Call(name, arguments);
    }

    /// <summary>Calls the protocol; the caller holds the GIL.</summary>
    public PyObject Call(string name, IReadOnlyDictionary<string, object?> arguments)
    {
        var helpers = PyTypes.Current.RequireNumPy("like=");
        string first = name == "array" ? "object" : "a";
        var input = arguments.TryGetValue(first, out var d) ? d : null;
        var data = ToPythonInput(input);
        using var args = new PyTuple([data]);
        // The caller's own object (and None) are not ours to release.
        if (!ReferenceEquals(data, input) && !ReferenceEquals(data, PyObject.None))
            data.Dispose();
        using var kwargs = new PyDict();
        foreach (var (key, value) in arguments)
        {
            if (key == first || value is null || IsDefault(key, value))
                continue;
            using var item = value switch
            {
                DType dtype => helpers.InvokeMethod("numpy_dtype", new PyString(dtype.Str)),
                string s => new PyString(s),
                bool b => b.ToPython(),
                int i => new PyInt(i),
                _ => throw new ArgumentException($"like=: cannot pass argument '{key}' of type {value.GetType().Name} to Python"),
            };
            kwargs[key] = item;
        }
        using var nameObject = new PyString(name);
        return helpers.InvokeMethod("array_function", _like, nameObject, args, kwargs);
    }

    // Arguments at NumPy's defaults are left out, as a Python caller would leave them out.
    private static bool IsDefault(string key, object value) => (key, value) switch
    {
        ("order", "K") or ("subok", false) or ("ndmin", 0) or ("copy", true) => true,
        _ => false,
    };

    private static PyObject ToPythonInput(object? data) => data switch
    {
        PyObject py => py,
        NDArray array => PythonExport.ToPython(array),
        null => PyObject.None,
        _ => PythonExport.ToPython(np.asarray(data)),
    };
}
