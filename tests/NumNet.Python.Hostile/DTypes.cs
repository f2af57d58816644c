using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>Every dtype of the seed table, both directions, values compared by NumPy itself.</summary>
public static class DTypes
{
    // name -> a non-contiguous NumPy array of that dtype (a view of a bigger one, with a reversed axis).
    private const string Cases = """
        import numpy as np
        cases = {}
        def view(a):
            return a.reshape(2, 3, 2)[:, ::-1, :]
        base = np.arange(12) % 7 - 3
        for t in ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'g', 'c8', 'c16', 'G',
                  '>i2', '>u4', '>i8', '>f2', '>f4', '>f8', '>g', '>c8', '>c16', '<i4', '<f8']:
            cases[t] = view((base * 1.5 + (1j if t.endswith(('c8', 'c16', 'G')) else 0) * base).astype(t) if 'c' in t or t.endswith('G')
                            else (base * 1.5).astype(t) if t.endswith(('f2', 'f4', 'f8', 'g')) else base.astype(t))
        cases['S5'] = view(np.array([b'ab', b'', b'xyz\x01q', b'12345'] * 3, 'S5'))
        cases['U4'] = view(np.array(['\u03b1\u03b2', '', 'h\xe9llo'[:4], '\U0001F600'] * 3, '<U4'))
        cases['>U3'] = view(np.array(['abc', 'd', '', '\u20ac'] * 3, '>U3'))
        for unit in ['Y', 'M', 'W', 'D', 'h', 'm', 's', 'ms', 'us', 'ns', 'ps', 'fs', 'as']:
            cases['M8[' + unit + ']'] = view((base * 1000).astype('M8[' + unit + ']'))
            cases['m8[' + unit + ']'] = view((base * 1000).astype('m8[' + unit + ']'))
        cases['M8[ns] with NaT'] = view(np.where(base == 0, np.datetime64('NaT'), base.astype('M8[ns]')))
        cases['>M8[us]'] = view(base.astype('>M8[us]'))
        cases['>m8[s]'] = view(base.astype('>m8[s]'))
        cases['V4'] = view(np.frombuffer(bytes(range(48)), 'V4').copy())
        cases['0-d f8'] = np.array(2.5)
        cases['empty'] = np.zeros((0, 3), 'i4')
        readonly = view(np.arange(12.0))
        readonly.setflags(write=False)
        cases['read-only'] = readonly
        """;

    [Scenario("python-dtypes")]
    public static void EveryDTypeBothWays()
    {
        using var scope = Interpreter.Run(Cases);
        dynamic numpy = Py.Import("numpy");
        long count = Interpreter.EachCase(scope, "cases", (_, a) => Check(numpy, a));
        Console.WriteLine($"{count} dtypes checked both ways");
    }

    private static void Check(dynamic numpy, PyObject a)
    {
        dynamic pa = a;
        NDArray x = np.asarray(a);
        string typestr = (string)pa.dtype.str;
        Expect.That(x.DType.Str == typestr, $"dtype {x.DType.Str}, NumPy {typestr}");
        Expect.That(string.Join(",", x.Shape) == Tuple((PyObject)pa.shape), $"shape ({string.Join(",", x.Shape)}) vs {((PyObject)pa.shape).Repr()}");
        // NumPy's strides of an empty array are not part of its interface (it exports None): compared when non-empty.
        bool empty = (long)pa.size == 0;
        Expect.That(empty || string.Join(",", x.Strides) == Tuple((PyObject)pa.strides), $"strides ({string.Join(",", x.Strides)}) vs {((PyObject)pa.strides).Repr()}");
        Expect.That(x.IsWriteable == (bool)pa.flags.writeable, $"writeable {x.IsWriteable}");

        // Out again, over the same memory: NumPy sees the same array.
        PyObject back = x.ToPython();
        SameAsNumPy(numpy, a, back, "view round trip");
        if (!empty)
            Expect.That((bool)numpy.shares_memory(back, a), "the round trip does not share memory");
        Expect.That(empty || ((PyObject)((dynamic)back).strides).Repr() == ((PyObject)pa.strides).Repr(), "round trip strides differ");
        Expect.That((bool)((dynamic)back).flags.writeable == x.IsWriteable, "round trip writeable flag differs");

        // NumNet-owned memory out: a copy made by NumNet, handed to NumPy.
        NDArray owned = np.array(x);
        SameAsNumPy(numpy, a, owned.ToPython(), "NumNet-owned copy");
    }

    private static void SameAsNumPy(dynamic numpy, PyObject expected, PyObject actual, string what)
    {
        string want = expected.Repr() ?? "", got = actual.Repr() ?? "";
        Expect.That(want == got, $"{what}: repr {got} != NumPy's {want}");
        Expect.That((bool)(((dynamic)actual).dtype == ((dynamic)expected).dtype), $"{what}: dtype differs");
        Expect.That((bool)numpy.array_equal(actual, expected) || want.Contains("NaT", StringComparison.Ordinal), $"{what}: array_equal is false");
    }

    private static string Tuple(PyObject t) => string.Join(",", Items(t));

    private static IEnumerable<long> Items(PyObject t)
    {
        for (int i = 0; i < t.Length(); i++)
            yield return t[i].As<long>();
    }
}
