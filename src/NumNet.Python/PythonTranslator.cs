using System.Numerics;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// Translates a Python object for NumNet's coercion in the order of NumPy's <c>PyArray_FromAny</c>: an ndarray; a
/// NumPy scalar; a Python scalar (bool, int of any size, float, complex, str, bytes, None); the buffer protocol;
/// <c>__array_struct__</c>; <c>__array_interface__</c>; <c>__array__</c>; a sequence (one snapshot per level, its
/// items translated by the same rules); anything else stays itself and becomes an object-array element.
/// </summary>
/// <remarks>
/// Object arrays hold what <c>np.asarray</c> of each element would hold in NumNet: Python scalars become their .NET
/// equivalents (<see cref="long"/> or <see cref="BigInteger"/>, <see cref="double"/>, <see cref="Complex"/>,
/// <see cref="bool"/>, <see cref="string"/>, <see cref="NumNet.Bytes"/>, null for None); every other object stays a
/// <see cref="PyObject"/>.
/// </remarks>
internal sealed class PythonTranslator
{
    private readonly PyTypes _types = PyTypes.Current;
    private readonly Dictionary<nint, object?[]> _path = [];

    /// <summary>Sequences nested deeper than this stay Python objects, so NumNet reports them as too deep.</summary>
    private const int MaxDepth = 66;

    /// <summary>
    /// The translation of a top-level input; <c>__array__</c> objects become an <see cref="IArrayConvertible"/>. The
    /// result may be <paramref name="obj"/> itself (an element of an object array); the caller keeps it alive.
    /// </summary>
    public static object? Translate(PyObject obj)
    {
        var translator = new PythonTranslator();
        return translator.Node(obj, 0, topLevel: true);
    }

    /// <summary>The translation of one element of a NumPy object array: scalars to .NET, the rest as they are.</summary>
    public static object? Element(PyObject obj) =>
        new PythonTranslator().Scalar(obj) is { } scalar ? scalar.Value : obj;

    private object? Node(PyObject obj, int depth, bool topLevel)
    {
        nint type = CApi.TypeOf(obj);
        // The exact builtin scalar types first: they are most leaves of a list, and no ndarray is one of them.
        bool builtinScalar = type == _types.FloatType || type == _types.IntType || type == _types.BoolType || type == _types.StrType;
        if (!builtinScalar && (type == _types.NdArrayType || (_types.NdArray is { } nd && obj.IsInstance(nd))))
            return NdArrayImport.View(obj, Element);
        if (Scalar(obj) is { } scalar)
            return scalar.Value;
        if (BufferImport.TryView(obj, "the buffer of " + obj.GetPythonType().Name) is { } buffer)
            return buffer;
        if (obj.HasAttr("__array_struct__"))
            return StructImport.View(obj);
        if (obj.HasAttr("__array_interface__"))
            return InterfaceView(obj);
        if (obj.HasAttr("__array__"))
        {
            var convertible = new PythonArrayConvertible(obj);
            return topLevel ? convertible : convertible.ToNDArray(null, null);
        }
        if (depth < MaxDepth && CApi.IsSizedSequence(obj))
            return Sequence(obj, depth);
        return obj;
    }

    /// <summary>A NumPy or Python scalar's value, boxed in a holder (null is None's value), or null for no scalar.</summary>
    private Holder? Scalar(PyObject obj)
    {
        nint type = CApi.TypeOf(obj);
        if (CApi.AddressOf(obj) == _types.NoneObject)
            return new Holder(null);
        if (type == _types.FloatType)
            return new Holder(CApi.AsDouble(obj));
        if (type == _types.IntType)
            return new Holder(Integer(obj));
        if (type == _types.BoolType)
            return new Holder(obj.IsTrue());
        if (type == _types.StrType)
            return new Holder(obj.As<string>());
        // NumPy scalars come before the Python types some of them derive from (float64 is a float, str_ a str).
        if (_types.Generic is { } generic && obj.IsInstance(generic))
            return new Holder(NumPyScalar(obj));
        if (type == _types.ComplexType || obj.IsInstance(_types.Complex))
            return new Holder(ComplexValue(obj));
        if (type == _types.BytesType || obj.IsInstance(_types.Bytes))
            return new Holder(BytesValue(obj));
        if (obj.IsInstance(_types.Float))
            return new Holder(obj.As<double>());
        if (obj.IsInstance(_types.Int))
            return new Holder(Integer(obj));
        if (obj.IsInstance(_types.Str))
            return new Holder(obj.As<string>());
        return null;
    }

    private sealed record Holder(object? Value);

    // A Python int of any size: long when it fits, else BigInteger (NEP 50 then decides its dtype, as for C# input).
    private static object Integer(PyObject obj)
    {
        if (CApi.TryAsInt64(obj, out long value))
            return value;
        using var exact = obj.InvokeMethod("__index__");
        return BigInteger.Parse(exact.Repr() ?? "", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Complex ComplexValue(PyObject obj)
    {
        using var real = obj.GetAttr("real");
        using var imag = obj.GetAttr("imag");
        return new Complex(real.As<double>(), imag.As<double>());
    }

    private static Bytes BytesValue(PyObject obj)
    {
        using var bytes = PyTypes.Current.Bytes.Invoke(obj);
        var held = BufferImport.HeldBuffer.Acquire(bytes) ?? throw new ArgumentException("bytes did not export its buffer");
        try
        {
            unsafe
            {
                return new Bytes(new ReadOnlySpan<byte>((void*)held.View.Buf, checked((int)held.View.Len)));
            }
        }
        finally
        {
            held.Dispose();
        }
    }

    // A NumPy scalar is a 0-d array of its own dtype, copied into .NET memory: np.float64(300.0) into int8 is then a
    // cast, as in NumPy, where a Python 300.0 would go through int() and raise.
    private static NDArray NumPyScalar(PyObject scalar)
    {
        using var numpy = PyTypes.Current.Helpers.GetAttr("_np");
        using var zeroD = numpy.InvokeMethod("asarray", scalar);
        var view = NdArrayImport.View(zeroD, Element);
        return np.array(view, copy: true);
    }

    private static NDArray InterfaceView(PyObject obj)
    {
        using var dict = obj.GetAttr("__array_interface__");
        string source = obj.GetPythonType().Name + ".__array_interface__";
        var description = InterfaceImport.Read(dict, source);
        if (description.Address is { } address)
        {
            var layout = description.At(address);
            return ForeignArray.View(layout, layout.Data + (nint)layout.Low, layout.High - layout.Low, description.ReadOnly, obj);
        }
        // The bytes come from a buffer-protocol object: the layout must fit inside that buffer's length.
        var exporter = description.DataObject ?? obj;
        var held = BufferImport.HeldBuffer.Acquire(exporter)
            ?? throw new ArgumentException($"{source}: 'data' is neither (address, read_only) nor an object with the buffer protocol");
        try
        {
            var view = held.View;
            if (description.Offset > view.Len)
                throw new ArgumentException($"{source}: offset {description.Offset} is past the end of a {view.Len}-byte buffer");
            var placed = description.At(view.Buf + (nint)description.Offset);
            return ForeignArray.View(placed, view.Buf, view.Len, view.ReadOnly != 0, new KeepBoth(held, obj));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private sealed record KeepBoth(object First, object Second);

    private object?[] Sequence(PyObject obj, int depth)
    {
        // A sequence that contains itself maps to the snapshot being built, so NumNet sees (and names) the cycle.
        if (_path.TryGetValue(CApi.AddressOf(obj), out var open))
            return open;
        using var snapshot = _types.Tuple.Invoke(obj);
        int count = checked((int)snapshot.Length());
        var items = new object?[count];
        _path[CApi.AddressOf(obj)] = items;
        try
        {
            for (int i = 0; i < count; i++)
            {
                var item = snapshot[i];
                items[i] = Node(item, depth + 1, topLevel: false);
                // An item that stays a Python object is kept by the result; every other was only read.
                if (!ReferenceEquals(items[i], item))
                    item.Dispose();
            }
        }
        finally
        {
            _path.Remove(CApi.AddressOf(obj));
        }
        return items;
    }
}
