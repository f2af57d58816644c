using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>Each source kind of NumPy's discovery order, compared with what NumPy's own asarray makes of it.</summary>
public static class Sources
{
    private const string Setup = """
        import array, numpy as np

        class Interface:
            def __init__(self, a, **extra):
                self.a = a
                self.__array_interface__ = dict(a.__array_interface__, **extra)

        class Struct:
            def __init__(self, a):
                self.a = a
            @property
            def __array_struct__(self):
                return self.a.__array_struct__

        class NewArray:
            def __init__(self, a):
                self.a, self.calls = a, []
            def __array__(self, dtype=None, copy=None):
                self.calls.append((dtype, copy))
                r = self.a if dtype is None else self.a.astype(dtype)
                return r.copy() if copy else r

        class OldArray:
            def __init__(self, a):
                self.a = a
            def __array__(self, dtype=None):
                return self.a

        class Opaque:
            def __repr__(self):
                return 'Opaque()'

        base = np.arange(12.0).reshape(3, 4)
        sources = {
            'python bool': True, 'python int': 7, 'python negative int': -2**40, 'python int 2**63': 2**63,
            'python float': 1.5, 'python complex': 1 + 2j, 'python str': 'h\xe9llo', 'python bytes': b'ab\x00c',
            'None': None,
            'numpy float32': np.float32(1.5), 'numpy int8': np.int8(-3), 'numpy datetime64': np.datetime64('2020-01-02', 'D'),
            'numpy str_': np.str_('ab'), 'numpy bytes_': np.bytes_(b'x'), 'numpy longdouble': np.longdouble(1.25),
            'numpy complex64': np.complex64(1j), 'numpy timedelta64': np.timedelta64(5, 'ms'), 'numpy bool_': np.bool_(True),
            'memoryview bytes': memoryview(b'abc'), 'bytearray': bytearray(b'xyz'), 'array d': array.array('d', [1, 2.5]),
            'array l': array.array('l', [1, -2]), 'array h': array.array('h', [3, -4]), 'array B': array.array('B', [255]),
            'memoryview >i4': memoryview(np.arange(3, dtype='>i4')), 'memoryview Zd': memoryview(np.array([1 + 2j])),
            'memoryview g': memoryview(np.array([1.5], dtype=np.longdouble)), 'memoryview w': memoryview(np.array(['ab', 'c'])),
            'memoryview s': memoryview(np.array([b'ab', b'c'])), 'memoryview strided': memoryview(base[:, ::2]),
            'memoryview 0-d': memoryview(np.array(3.5)), 'memoryview Zf': memoryview(np.array([1j], 'c8')),
            'memoryview e': memoryview(np.array([0.5], 'f2')), 'memoryview ?': memoryview(np.array([True, False])),
            'interface': Interface(base[::2]), 'interface read-only': Interface(base, data=(base.ctypes.data, True)),
            'interface bytes data': Interface(np.zeros(2, '<i4'), data=b'\x01\x00\x00\x00\x02\x00\x00\x00'),
            'interface bytes data offset': Interface(np.zeros(1, '<i4'), data=b'\x01\x00\x00\x00\x02\x00\x00\x00', offset=4),
            'interface datetime': Interface(np.arange(3).astype('M8[ms]')),
            'struct': Struct(base.T), 'struct >i2': Struct(np.arange(3, dtype='>i2')),
            'array new signature': NewArray(base), 'array old signature': OldArray(base),
            'nested list': [[1, 2], [3, 4]], 'tuple': (1, 2.5), 'list of ndarrays': [np.arange(3), np.arange(3.0)],
            'range': range(5), 'strings': ['a', 'bcd'], 'bytes list': [b'a', b'bcd'], 'mixed ndarray and list': [np.arange(2), [5, 6]],
            'ragged as object': None, 'dict': {'a': 1}, 'opaque': Opaque(), 'list with opaque': [Opaque(), 1],
            'object ndarray': np.array([1, 'a', None, [1, 2], 2.5], dtype=object),
            'empty list': [], 'nested empty': [[], []], 'list of numpy scalars': [np.float32(1), np.float32(2)],
        }
        del sources['ragged as object']
        """;

    [Scenario("python-sources")]
    public static void EachSourceKindAsNumPy()
    {
        using var scope = Interpreter.Run(Setup);
        dynamic numpy = Py.Import("numpy");
        long count = Interpreter.EachCase(scope, "sources", (_, source) =>
        {
            NDArray x = np.asarray(source);
            PyObject expected = numpy.asarray(source);
            PyObject back = x.ToPython();
            string want = expected.Repr() ?? "", got = back.Repr() ?? "";
            Expect.That(want == got, $"NumNet {got}, NumPy {want}");
            Expect.That((bool)(((dynamic)back).dtype == ((dynamic)expected).dtype), $"dtype {((dynamic)back).dtype}, NumPy {((dynamic)expected).dtype}");
        });
        Console.WriteLine($"{count} sources match NumPy");
    }

    [Scenario("python-sources-semantics")]
    public static void ZeroCopyFlagsAndProtocolDetails()
    {
        using var scope = Interpreter.Run(Setup);
        dynamic s = scope;
        dynamic numpy = Py.Import("numpy");

        // Buffers: bytes are read-only, a bytearray is shared and held (it cannot be resized while viewed).
        NDArray fromBytes = np.asarray(scope.Eval("memoryview(b'abc')"));
        Expect.That(!fromBytes.IsWriteable, "a view of bytes must be read-only");
        PyObject bytearray = scope.Eval("bytearray(b'xyz')");
        NDArray shared = np.asarray(bytearray);
        Expect.That(shared.IsWriteable, "a view of a bytearray is writable");
        shared.SetItem((byte)'Q', 0);
        Expect.That(bytearray.Repr() == "bytearray(b'Qyz')", $"the bytearray did not see the write: {bytearray.Repr()}");
        scope.Set("held", bytearray);
        scope.Exec("""
            try:
                held.append(1)
                resize_result = 'resized'
            except BufferError:
                resize_result = 'refused'
            """);
        Expect.That(scope.Get("resize_result").As<string>() == "refused", "a held bytearray could be resized under a NumNet view");
        GC.KeepAlive(shared);

        // __array_interface__: read-only flag honoured, mask refused clearly.
        NDArray ro = np.asarray(scope.Eval("Interface(base, data=(base.ctypes.data, True))"));
        Expect.That(!ro.IsWriteable, "a read-only interface must give a read-only view");
        var masked = Throws<ArgumentException>(() => np.asarray(scope.Eval("Interface(base, mask=base > 3)")));
        Expect.That(masked.Contains("mask", StringComparison.Ordinal), "mask refusal: " + masked);

        // __array_struct__: a datetime needs the descr for its unit (NumPy itself makes an unusable generic datetime);
        // U's itemsize is in bytes (NumPy 1.24 reads it as characters).
        var noUnit = Throws<ArgumentException>(() => np.asarray(scope.Eval("Struct(np.arange(3).astype('M8[s]'))")));
        Expect.That(noUnit.Contains("unit", StringComparison.Ordinal), noUnit);
        NDArray unicode = np.asarray(scope.Eval("Struct(np.array(['ab', 'c']))"));
        Expect.That(unicode.DType.Str == "<U2" && (string?)unicode.GetValue(1) == "c", $"struct U: {unicode.DType.Str}");

        // __array__: NumPy 2's keywords; copy=True on an old signature is still a copy.
        PyObject fresh = scope.Eval("NewArray(base)");
        NDArray copied = np.array(fresh);
        Expect.That(((PyObject)((dynamic)fresh).calls).Repr() == "[(None, True)]", "np.array must call __array__(copy=True): " + ((PyObject)((dynamic)fresh).calls).Repr());
        NDArray viewed = np.asarray(fresh);
        Expect.That(((PyObject)((dynamic)fresh).calls).Repr() == "[(None, True), (None, None)]", "np.asarray must call __array__() without copy: " + ((PyObject)((dynamic)fresh).calls).Repr());
        NDArray typed = np.asarray(fresh, dtype: np.float32);
        Expect.That((((PyObject)((dynamic)fresh).calls).Repr() ?? "").EndsWith("(dtype('float32'), None)]", StringComparison.Ordinal), "dtype is passed to __array__: " + ((PyObject)((dynamic)fresh).calls).Repr());
        Expect.That(typed.DType == np.float32, "dtype result");
        viewed.SetItem(-1.0, 0, 0);
        Expect.That((double)s.@base.item(0, 0) == -1.0, "np.asarray of __array__ must view the returned array");
        Expect.That(copied.GetItem<double>(0, 0) == 0.0, "np.array of __array__ must be a copy");
        NDArray oldCopy = np.array(scope.Eval("OldArray(base)"));
        oldCopy.SetItem(99.0, 0, 1);
        Expect.That((double)s.@base.item(0, 1) == 1.0, "copy=True with an old __array__ signature must still copy");

        // NumPy scalars are cast; Python floats go through int() (an out-of-range value raises).
        NDArray cast = np.asarray(scope.Eval("np.float64(300.0)"), dtype: np.int8);
        Expect.That(cast.DType == np.int8, "a NumPy float64 scalar casts into int8");
        var pythonFloat = Throws<Exception>(() => np.asarray(scope.Eval("300.0"), dtype: np.int8));
        var csharpDouble = Throws<Exception>(() => np.asarray(300.0, dtype: np.int8));
        Expect.That(pythonFloat == csharpDouble, $"a Python float into int8 must behave as a C# double: {pythonFloat} vs {csharpDouble}");

        // Python ints of any size follow NEP 50 as C# BigIntegers do.
        NDArray huge = np.asarray(scope.Eval("2**70"), dtype: np.dtype("O"));
        Expect.That(huge.Item() is System.Numerics.BigInteger b && b == System.Numerics.BigInteger.Pow(2, 70), "2**70 as an object element is a BigInteger");
        var tooBig = Throws<Exception>(() => np.asarray(scope.Eval("2**70"), dtype: np.int64));
        var tooBigNet = Throws<Exception>(() => np.asarray(System.Numerics.BigInteger.Pow(2, 70), dtype: np.int64));
        Expect.That(tooBig == tooBigNet, $"2**70 into int64: {tooBig} vs {tooBigNet}");

        // Object arrays hold .NET equivalents of Python scalars and the other Python objects themselves.
        NDArray objects = np.asarray(scope.Eval("np.array([1, 'a', None, [1, 2], 2.5], dtype=object)"));
        Expect.That(objects.GetValue(0) is long l && l == 1, "object element int → long");
        Expect.That(objects.GetValue(1) is string str && str == "a", "object element str → string");
        Expect.That(objects.GetValue(2) is null, "object element None → null");
        Expect.That(objects.GetValue(3) is PyObject list && list.Repr() == "[1, 2]", "object element list stays a PyObject");
        NDArray ragged = np.asarray(scope.Eval("[1, [2, 3]]"), dtype: np.dtype("O"));
        Expect.That(ragged.Shape.Length == 1 && ragged.GetValue(1) is object?[], "a ragged list as object: the inner list is an element");

        // Errors NumPy raises, raised here with NumNet's messages.
        var raggedError = Throws<ArgumentException>(() => np.asarray(scope.Eval("[1, [2, 3]]")));
        Expect.That(raggedError!.Contains("inhomogeneous", StringComparison.Ordinal), raggedError);
        var cycle = Throws<ArgumentException>(() => np.asarray(scope.Eval("(lambda l: (l.append(l), l)[1])([1])")));
        Expect.That(cycle.Length > 0, cycle);
        var deep = Throws<ArgumentException>(() => np.asarray(scope.Eval("eval('[' * 70 + '1' + ']' * 70)")));
        Expect.That(deep.Contains("dimension", StringComparison.Ordinal), deep);
        var noCopy = Throws<ArgumentException>(() => np.asarray(scope.Eval("[1, 2]"), copy: false));
        Expect.That(noCopy.Contains("copy", StringComparison.Ordinal), noCopy);
        NDArray same = np.asarray(scope.Eval("base"), copy: false);
        Expect.That(same.GetItem<double>(1, 1) == 5.0, "copy=False of an ndarray is a view");
    }

    private static string Throws<T>(Action action) where T : Exception
    {
        try
        {
            action();
        }
        catch (T e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
        throw new ScenarioFailedException($"expected {typeof(T).Name}, nothing was thrown");
    }
}
