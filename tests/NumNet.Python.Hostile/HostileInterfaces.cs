using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>Exporters that lie: each must be refused with a clear ArgumentException before any byte is read.</summary>
public static class HostileInterfaces
{
    private const string Setup = """
        import numpy as np
        from numpy.lib.stride_tricks import as_strided

        class Liar:
            def __init__(self, **interface):
                self.__array_interface__ = interface

        class BadStruct:
            __array_struct__ = 5

        base = np.arange(16.0)
        addr = base.ctypes.data
        ok = dict(version=3, typestr='<f8', shape=(4,), data=(addr, False))
        liars = {
            'negative shape': Liar(**dict(ok, shape=(-1,))),
            'negative inner shape': Liar(**dict(ok, shape=(2, -3))),
            'strides count': Liar(**dict(ok, strides=(8, 8))),
            'overflowing shape': Liar(**dict(ok, shape=(2**40, 2**40))),
            'overflowing strides': Liar(**dict(ok, shape=(3,), strides=(2**62,))),
            'null pointer': Liar(**dict(ok, data=(0, False))),
            'wrapping address': Liar(**dict(ok, data=(2**63 - 16, False))),
            'negative stride before address 0': Liar(**dict(ok, data=(8, False), strides=(-16,))),
            'version 2': Liar(**dict(ok, version=2)),
            'unknown typestr': Liar(**dict(ok, typestr='<x9')),
            'object typestr': Liar(**dict(ok, typestr='|O')),
            'typestr not str': Liar(**dict(ok, typestr=8)),
            'shape not tuple': Liar(**dict(ok, shape='abc')),
            'shape of floats': Liar(**dict(ok, shape=(2.5,))),
            'huge shape integer': Liar(**dict(ok, shape=(2**80,))),
            'strides of str': Liar(**dict(ok, strides=('8',))),
            'data tuple of 3': Liar(**dict(ok, data=(addr, False, 1))),
            'no shape': Liar(version=3, typestr='<f8', data=(addr, False)),
            'no typestr': Liar(version=3, shape=(4,), data=(addr, False)),
            'masked': Liar(**dict(ok, mask=np.zeros(4, bool))),
            'structured descr': Liar(**dict(ok, typestr='|V16', descr=[('a', '<f8'), ('b', '<f8')])),
            'buffer too small': Liar(version=3, typestr='<f8', shape=(2,), data=b'12345678'),
            'offset past buffer': Liar(version=3, typestr='<u1', shape=(1,), data=b'1234', offset=5),
            'negative offset': Liar(version=3, typestr='<u1', shape=(1,), data=b'1234', offset=-1),
            'strides outside buffer': Liar(version=3, typestr='<u1', shape=(3,), strides=(2,), data=b'1234'),
            'data not a buffer': Liar(version=3, typestr='<u1', shape=(1,), data=12),
            'interface not a dict': Liar.__new__(Liar),
            'struct not a capsule': BadStruct(),
            'ndarray strided past its base': as_strided(base, shape=(100,), strides=(8,)),
            'ndarray strided before its base': as_strided(base[4:], shape=(4,), strides=(-64,)),
            'ndarray 2-d past its base': as_strided(base, shape=(4, 8), strides=(64, 8)),
        }
        liars['interface not a dict'].__array_interface__ = [1, 2]
        """;

    [Scenario("python-hostile-interfaces")]
    public static void LyingExportersAreRefused()
    {
        using var scope = Interpreter.Run(Setup);
        Interpreter.EachCase(scope, "liars", (name, liar) =>
        {
            NDArray accepted;
            try
            {
                accepted = np.asarray(liar);
            }
            catch (ArgumentException e)
            {
                Console.WriteLine($"{name}: {e.Message}");
                return;
            }
            throw new ScenarioFailedException($"accepted as {accepted.DType} shape ({string.Join(",", accepted.Shape)})");
        });
        // The honest description next to them still works.
        NDArray honest = np.asarray(scope.Eval("Liar(**ok)"));
        Expect.That(honest.GetItem<double>(3) == 3.0, "the honest exporter");
    }
}
