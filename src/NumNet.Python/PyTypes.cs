using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// The Python types and helpers the translation compares against, looked up once per interpreter under the GIL.
/// NumPy is optional: without it no ndarray or NumPy scalar can occur, and <see cref="HasNumPy"/> is false.
/// </summary>
internal sealed class PyTypes
{
    private static PyTypes? s_current;

    // Helpers that must see objects as NumPy does: ndarray's own descriptors (a subclass cannot override them),
    // __array__'s keyword fallback, and the owner object that exposes NumNet memory to NumPy.
    private const string HelperSource = """
        try:
            import numpy as _np
            _nd = _np.ndarray
            _iface = _nd.__dict__['__array_interface__']
            _base = _nd.__dict__['base']
            _dtype_of = _nd.__dict__['dtype'].__get__
        except ImportError:
            _np = None

        def ndarray_description(a):
            own = _iface.__get__(a)
            root, parent = a, _base.__get__(a)
            while True:
                while isinstance(parent, _nd):
                    root, parent = parent, _base.__get__(parent)
                # as_strided's DummyArray (and wrappers like it) name the array they describe in .base
                inner = getattr(parent, 'base', None) if parent is not None else None
                if not isinstance(inner, _nd):
                    break
                root, parent = inner, _base.__get__(inner)
            extent = None
            if parent is not None:
                try:
                    m = memoryview(parent)
                except TypeError:
                    m = None
                if m is not None and m.c_contiguous:
                    flat = _np.frombuffer(m.cast('B') if m.ndim != 1 or m.format != 'B' else m, _np.uint8)
                    extent = (flat.ctypes.data, m.nbytes)
            r = own if root is a else _iface.__get__(root)
            root_itemsize = _dtype_of(root).itemsize
            return (own['typestr'], own['shape'], own['strides'], own['data'][0], own['data'][1],
                    r['shape'], r['strides'], r['data'][0], root_itemsize, extent)

        def object_at(address):
            import ctypes
            return ctypes.cast(address, ctypes.py_object).value

        def numpy_dtype(typestr):
            return None if typestr is None else _np.dtype(typestr)

        def call_array(obj, typestr, copy):
            args = () if typestr is None else (numpy_dtype(typestr),)
            if copy is None:
                return obj.__array__(*args), True
            try:
                return obj.__array__(*args, copy=copy), True
            except TypeError as e:
                if 'copy' not in str(e):
                    raise
                return obj.__array__(*args), False

        class NumNetArrayOwner:
            __slots__ = ('__array_interface__', 'keep', '__weakref__')

            def __init__(self, interface, keep):
                self.__array_interface__ = interface
                self.keep = keep

        def export(address, read_only, shape, strides, typestr, keep):
            interface = {'version': 3, 'data': (address, read_only), 'shape': shape, 'strides': strides, 'typestr': typestr}
            return _np.asarray(NumNetArrayOwner(interface, keep))

        def array_function(like, name, args, kwargs):
            function = getattr(_np, name)
            result = type(like).__array_function__(like, function, (type(like),), args, kwargs)
            if result is NotImplemented:
                raise TypeError(f"no implementation found for 'numpy.{name}' on type {type(like).__name__!r}")
            return result
        """;

    private PyTypes()
    {
        using var builtins = Py.Import("builtins");
        Int = builtins.GetAttr("int");
        Float = builtins.GetAttr("float");
        Complex = builtins.GetAttr("complex");
        Str = builtins.GetAttr("str");
        Bytes = builtins.GetAttr("bytes");
        Tuple = builtins.GetAttr("tuple");
        var helpers = PyModule.FromString("numnet_python_helpers", HelperSource);
        Helpers = helpers;
        using var numpy = helpers.GetAttr("_np");
        HasNumPy = !numpy.IsNone();
        if (HasNumPy)
        {
            NdArray = numpy.GetAttr("ndarray");
            Generic = numpy.GetAttr("generic");
        }
        using var none = builtins.GetAttr("None");
        using var boolType = builtins.GetAttr("bool");
        BoolType = CApi.AddressOf(boolType);
        NoneObject = CApi.AddressOf(none);
        IntType = CApi.AddressOf(Int);
        FloatType = CApi.AddressOf(Float);
        ComplexType = CApi.AddressOf(Complex);
        StrType = CApi.AddressOf(Str);
        BytesType = CApi.AddressOf(Bytes);
        NdArrayType = NdArray is null ? 0 : CApi.AddressOf(NdArray);
    }

    /// <summary>The types of the running interpreter (the caller holds the GIL).</summary>
    public static PyTypes Current => s_current ??= new PyTypes();

    /// <summary>Python's <c>int</c>, <c>float</c>, <c>complex</c>, <c>str</c>, <c>bytes</c>, <c>tuple</c>.</summary>
    public PyObject Int { get; }

    /// <inheritdoc cref="Int"/>
    public PyObject Float { get; }

    /// <inheritdoc cref="Int"/>
    public PyObject Complex { get; }

    /// <inheritdoc cref="Int"/>
    public PyObject Str { get; }

    /// <inheritdoc cref="Int"/>
    public PyObject Bytes { get; }

    /// <inheritdoc cref="Int"/>
    public PyObject Tuple { get; }

    /// <summary><c>numpy.ndarray</c> and <c>numpy.generic</c>; null without NumPy.</summary>
    public PyObject? NdArray { get; }

    /// <inheritdoc cref="NdArray"/>
    public PyObject? Generic { get; }

    /// <summary>True when NumPy could be imported.</summary>
    public bool HasNumPy { get; }

    /// <summary>The helper module (see the source above).</summary>
    public PyObject Helpers { get; }

    /// <summary>Type objects (and None) by address, for the exact-type fast path of the per-element checks.</summary>
    public nint BoolType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint NoneObject { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint IntType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint FloatType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint ComplexType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint StrType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint BytesType { get; }

    /// <inheritdoc cref="BoolType"/>
    public nint NdArrayType { get; }

    /// <summary>NumPy is required for this operation.</summary>
    public PyObject RequireNumPy(string what) =>
        HasNumPy ? Helpers : throw new InvalidOperationException($"{what} needs NumPy, which the Python interpreter cannot import");
}
