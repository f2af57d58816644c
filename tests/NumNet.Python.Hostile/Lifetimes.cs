using System.Diagnostics;
using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>Memory shared across the runtimes stays valid for as long as either side holds it, and no longer.</summary>
public static class Lifetimes
{
    [Scenario("python-lifetime-python-holds")]
    public static void PythonKeepsNumNetMemory()
    {
        dynamic numpy = Py.Import("numpy");
        // Managed memory (a C# array, and a small NumNet array) moves under a compacting GC unless pinned; native
        // memory (a large NumNet array) must not be freed while Python holds it; a view of it is disposed meanwhile.
        PyObject fromCSharp = Export(() => np.asarray(Enumerable.Range(0, 1000).Select(i => (double)i).ToArray()));
        PyObject small = Export(() => np.asarray(Enumerable.Range(0, 1000).Select(i => (double)i).ToArray()).AsType(np.float64));
        PyObject large = Export(() => np.asarray(Enumerable.Range(0, 1_000_000).Select(i => (double)i).ToArray()).AsType(np.float64));
        // Exported, then disposed in C# (the view and its base): Python's hold on the memory is its own.
        var owner = np.asarray(Enumerable.Range(0, 1_000_000).Select(i => (double)i).ToArray()).AsType(np.float64);
        var view = owner.Reshape([1000, 1000]);
        PyObject disposedView = view.ToPython();
        view.Dispose();
        owner.Dispose();
        for (int i = 0; i < 3; i++)
        {
            _ = new byte[1 << 20];
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        Expect.That((double)numpy.sum(fromCSharp) == 499500.0, "the C# array's values changed under Python");
        Expect.That((double)numpy.sum(small) == 499500.0, "the small array's values changed under Python");
        Expect.That((double)numpy.sum(large) == 499999500000.0, "the large array's values changed under Python");
        Expect.That((double)numpy.sum(disposedView) == 499999500000.0, "a disposed view's memory changed under Python");
        ((dynamic)small).itemset(0, 7.0);
        Expect.That((double)((dynamic)small).item(0) == 7.0, "Python can still write");
    }

    // The NDArray goes out of scope here: only Python's owner object keeps its memory.
    private static PyObject Export(Func<NDArray> make) => make().ToPython();

    [Scenario("python-lifetime-csharp-holds")]
    public static void NumNetKeepsPythonMemory()
    {
        using var scope = Interpreter.Run("""
            import gc, weakref, numpy as np
            a = np.arange(1_000_000.0)
            alive = weakref.ref(a)
            b = bytearray(b'abcd')
            """);
        HoldWhilePythonDeletes(scope);

        // Once NumNet lets go, the references are released under the GIL and Python frees the memory.
        for (int i = 0; i < 20 && !scope.Eval("alive() is None").IsTrue(); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            global::Python.Runtime.Finalizer.Instance.Collect();
            scope.Exec("gc.collect()");
            _ = np.asarray(scope.Eval("bytearray(b'x')"));
        }
        Expect.That(scope.Eval("alive() is None").IsTrue(), "the ndarray outlived every NumNet view");
        scope.Exec("b.append(1)");
        Expect.That(scope.Eval("len(b)").As<int>() == 5, "the bytearray is still held after its view was collected");
    }

    // A method of its own, so no local outlives it: afterwards nothing in .NET reaches the views.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void HoldWhilePythonDeletes(PyModule scope)
    {
        NDArray x = np.asarray(scope.Get("a"));
        NDArray view = np.asarray(scope.Get("b"));
        scope.Exec("del a\ngc.collect()");
        Expect.That(!scope.Eval("alive() is None").IsTrue(), "the ndarray was freed while NumNet holds a view of it");
        Expect.That(x.GetItem<double>(999_999) == 999_999.0, "the view's values after Python's del");
        Expect.That(view.GetItem<byte>(0) == (byte)'a', "the bytearray view's values");
        scope.Exec("""
            try:
                b.append(1)
                resized = True
            except BufferError:
                resized = False
            """);
        Expect.That(!scope.Get("resized").IsTrue(), "the bytearray could be resized under a NumNet view");
    }

    [Scenario("python-round-trips")]
    public static void RoundTripsKeepMemoryFlat()
    {
        using var scope = Interpreter.Run("import numpy as np\na = np.arange(1000.0)");
        using var a = scope.Get("a");
        const int count = 100_000;
        long rssAfterWarmUp = 0;
        double checksum = 0;
        for (int i = 0; i < count; i++)
        {
            NDArray x = np.asarray(a);
            using PyObject back = x.ToPython();
            NDArray again = np.asarray(back);
            checksum += again.GetItem<double>(i % 1000);
            if (i == count / 10)
                rssAfterWarmUp = Rss();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        global::Python.Runtime.Finalizer.Instance.Collect();
        long rssEnd = Rss();
        Console.WriteLine($"RSS after {count / 10} round trips {rssAfterWarmUp / 1024} KiB, after {count}: {rssEnd / 1024} KiB (growth {(rssEnd - rssAfterWarmUp) / 1024} KiB)");
        Expect.That(checksum == Enumerable.Range(0, count).Sum(i => (double)(i % 1000)), "values changed");
        Expect.That(rssEnd - rssAfterWarmUp < 32L << 20, "memory grew by more than 32 MiB over 90 000 round trips");
    }

    private static long Rss()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
