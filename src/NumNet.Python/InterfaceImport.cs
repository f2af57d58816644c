using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// Reads an <c>__array_interface__</c> dictionary (version 3) into a validated <see cref="ForeignLayout"/>, and views
/// it. What the memory is checked against depends on who describes it:
/// <list type="bullet">
/// <item>a NumPy ndarray (read by <see cref="NdArrayImport"/>): the allocation of the array at the root of its
/// <c>base</c> chain, read through ndarray's own descriptors (a subclass cannot lie about it);</item>
/// <item><c>data</c> given as a buffer-protocol object: that buffer's length;</item>
/// <item><c>data</c> given as a raw address: nothing outside the description can say how much memory is there, so the
/// description itself must be consistent (shape, strides, sizes, no wrap-around); its exporter vouches for the rest,
/// as NumPy's own import does.</item>
/// </list>
/// </summary>
internal static class InterfaceImport
{
    /// <summary>The description in interface dictionary <paramref name="dict"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ArgumentException">The dictionary is malformed, asks for a mask, or describes impossible memory.</exception>
    public static InterfaceDescription Read(PyObject dict, string source)
    {
        if (!PyDict.IsDictType(dict))
            throw new ArgumentException($"{source} must be a dict, not {PyRead.Describe(dict)}");
        using var items = new PyDict(dict);
        if (Get(items, "version") is { } version)
        {
            using (version)
            {
                long v = PyRead.Int64(version, $"{source}['version']");
                if (v != 3)
                    throw new ArgumentException($"{source}: version {v} is not supported (only version 3 is)");
            }
        }
        if (Get(items, "mask") is { } mask)
        {
            using (mask)
            {
                if (!mask.IsNone())
                    throw new ArgumentException($"{source}: masked arrays ('mask' is set) cannot be imported; fill or drop the mask first");
            }
        }
        using var typestrObject = Get(items, "typestr") ?? throw new ArgumentException($"{source} has no 'typestr'");
        if (!PyString.IsStringType(typestrObject))
            throw new ArgumentException($"{source}['typestr'] must be a str, not {PyRead.Describe(typestrObject)}");
        string typestr = typestrObject.As<string>();
        CheckDescr(items, typestr, source);
        var dtype = TypeStrings.Parse(typestr, source);
        using var shapeObject = Get(items, "shape") ?? throw new ArgumentException($"{source} has no 'shape'");
        long[] shape = PyRead.Int64s(shapeObject, $"{source}['shape']");
        long[]? strides = null;
        if (Get(items, "strides") is { } stridesObject)
        {
            using (stridesObject)
            {
                if (!stridesObject.IsNone())
                    strides = PyRead.Int64s(stridesObject, $"{source}['strides']");
            }
        }
        long offset = 0;
        if (Get(items, "offset") is { } offsetObject)
        {
            using (offsetObject)
                offset = PyRead.Int64(offsetObject, $"{source}['offset']");
        }
        var description = new InterfaceDescription(source, shape, strides, typestr, dtype.ItemSize);
        var dataObject = Get(items, "data");
        if (dataObject is not null && PyTuple.IsTupleType(dataObject))
        {
            using (dataObject)
            {
                if (dataObject.Length() != 2)
                    throw new ArgumentException($"{source}['data'] must be a tuple (address, read_only), not {PyRead.Describe(dataObject)}");
                using var address = dataObject[0];
                using var readOnly = dataObject[1];
                long pointer = PyRead.Int64(address, $"{source}['data'][0]");
                // Checked now: a raw address is the whole of what the exporter says.
                _ = description.At((nint)pointer);
                return description with { Address = (nint)pointer, ReadOnly = readOnly.IsTrue() };
            }
        }
        if (offset < 0)
            throw new ArgumentException($"{source}['offset'] {offset} is negative");
        // No address: the bytes are a buffer-protocol object's (the exporter's own when 'data' is missing or None).
        return description with { DataObject = dataObject is null || dataObject.IsNone() ? null : dataObject, Offset = offset };
    }

    // A structured description (named fields) is more than one typestr; NumNet has no structured dtypes yet.
    private static void CheckDescr(PyDict items, string typestr, string source)
    {
        using var descr = Get(items, "descr");
        if (descr is null || descr.IsNone() || !typestr.Contains('V', StringComparison.Ordinal))
            return;
        if (descr.Length() == 1)
        {
            using var field = descr[0];
            using var name = field[0];
            if (PyString.IsStringType(name) && name.As<string>().Length == 0)
                return;
        }
        throw new ArgumentException($"{source}: structured dtypes ('descr' {PyRead.Describe(descr)}) are not supported by NumNet");
    }

    private static PyObject? Get(PyDict items, string key) => items.HasKey(key) ? items[key] : null;
}

/// <summary>
/// What an interface dictionary says: shape, strides, typestr, and either a raw <see cref="Address"/> (with its
/// read-only flag) or a buffer-protocol <see cref="DataObject"/> plus byte <see cref="Offset"/> (null data object:
/// the exporter itself).
/// </summary>
internal sealed record InterfaceDescription(string Source, long[] Shape, long[]? Strides, string TypeStr, int ItemSize)
{
    /// <summary>The address of element 0 when the dictionary gives one.</summary>
    public nint? Address { get; init; }

    /// <summary>True when the exporter marks the memory read-only.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The object whose buffer holds the bytes when no address is given (null: the exporter).</summary>
    public PyObject? DataObject { get; init; }

    /// <summary>Bytes into that buffer where element 0 starts.</summary>
    public long Offset { get; init; }

    /// <summary>The layout with element 0 at <paramref name="data"/>, checked for consistency.</summary>
    /// <exception cref="ArgumentException">The layout is ill-formed.</exception>
    public ForeignLayout At(nint data) => ForeignLayout.Check(Source, data, Shape, Strides, TypeStr, ItemSize);
}

/// <summary>Typestrs of exported memory into NumNet dtypes.</summary>
internal static class TypeStrings
{
    /// <summary>The dtype of <paramref name="typestr"/>, refusing object references (no address of a Python object is memory NumNet can read).</summary>
    public static DType Parse(string typestr, string source)
    {
        DType dtype;
        try
        {
            dtype = np.dtype(typestr);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            throw new ArgumentException($"{source}: typestr '{typestr}' is not a dtype NumNet knows ({e.Message})", e);
        }
        if (dtype.IsObject)
            throw new ArgumentException($"{source}: typestr '{typestr}' exports object references, which cannot be viewed as memory");
        if (dtype.ItemSize == 0)
            throw new ArgumentException($"{source}: typestr '{typestr}' has no size");
        return dtype;
    }
}
