using System.Diagnostics;
using System.Runtime.InteropServices;
using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>
/// The interop workloads of docs/performance.md: each direction at 8 MB and 80 MB, as a view and as a copy into the
/// other side's memory, against pythonnet's own conversion, the posted <c>ctypes.memmove</c> recipe and a plain
/// memcpy of the same bytes. Prints a table; asserts nothing about time (run it by hand, not in the suite).
/// </summary>
public static class Speed
{
    [Scenario("python-speed")]
    public static unsafe void InteropTable()
    {
        using var scope = Interpreter.Run("import ctypes, numpy as np");
        dynamic numpy = Py.Import("numpy");
        dynamic ctypes = Py.Import("ctypes");
        Console.WriteLine("| workload | NumNet | pythonnet | ctypes.memmove recipe | memcpy |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int megabytes in new[] { 8, 80 })
        {
            int n = megabytes * 1024 * 1024 / 8;
            PyObject a = numpy.arange((double)n);
            long source = (long)a.GetAttr("ctypes").GetAttr("data").As<long>();
            var target = new double[n];
            var pin = GCHandle.Alloc(target, GCHandleType.Pinned);
            try
            {
                long address = pin.AddrOfPinnedObject();
                string viewIn = Micro(() => np.asarray(a));
                string copyIn = Milli(() => np.array(a).Dispose());
                string recipeIn = Milli(() => ctypes.memmove(address, source, (long)n * 8));
                string memcpyIn = Milli(() => Buffer.MemoryCopy((void*)source, (void*)address, (long)n * 8, (long)n * 8));
                string pythonnetIn = megabytes == 8 ? Milli(() => a.As<double[]>(), runs: 1) : "(not run)";
                Console.WriteLine($"| NumPy → .NET, view, {megabytes} MB | {viewIn} | — | — | — |");
                Console.WriteLine($"| NumPy → .NET, copy, {megabytes} MB | {copyIn} | {pythonnetIn} | {recipeIn} | {memcpyIn} |");

                NDArray x = np.array(a);
                PyObject empty = numpy.empty(n);
                long destination = (long)empty.GetAttr("ctypes").GetAttr("data").As<long>();
                string viewOut = Micro(() => x.ToPython().Dispose());
                string copyOut = Milli(() =>
                {
                    using var back = x.ToPython();
                    back.InvokeMethod("copy").Dispose();
                });
                string recipeOut = Milli(() => ctypes.memmove(destination, address, (long)n * 8));
                string memcpyOut = Milli(() => Buffer.MemoryCopy((void*)address, (void*)destination, (long)n * 8, (long)n * 8));
                string pythonnetOut = megabytes == 8 ? Milli(() => ((PyObject)numpy.array(target.ToPython())).Dispose(), runs: 1) : "(not run)";
                Console.WriteLine($"| .NET → NumPy, view, {megabytes} MB | {viewOut} | — | — | — |");
                Console.WriteLine($"| .NET → NumPy, copy, {megabytes} MB | {copyOut} | {pythonnetOut} | {recipeOut} | {memcpyOut} |");
            }
            finally
            {
                pin.Free();
            }
        }
    }

    private static string Micro(Action action) => $"{Median(action, 2000) * 1e6:F1} µs";

    private static string Milli(Action action, int runs = 15) => $"{Median(action, runs) * 1e3:F2} ms";

    // The median of timed runs after one warm-up run.
    private static double Median(Action action, int runs)
    {
        action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
