using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>like= with a real Dask array (NEP 35), and a Dask array computed through __array__.</summary>
public static class Dask
{
    [Scenario("python-dask-like")]
    public static void LikeCallsArrayFunction()
    {
        PyModule scope;
        try
        {
            scope = Interpreter.Run("import numpy as np, dask.array as da\nd = da.from_array(np.arange(6.0), chunks=3)");
        }
        catch (PythonException e) when (e.Message.Contains("dask", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine("skipped: dask cannot be imported (install python3-dask): " + e.Message);
            Interpreter.Exit(3);
            return;
        }
        using (scope)
        {
            using var d = scope.Get("d");
            using var daskArray = scope.Eval("da.Array");

            // The library's own result: a Dask array.
            PyObject lazy = NumNetPython.AsArrayLike(new[] { 1.0, 2.0, 3.0 }, d);
            Expect.That(lazy.IsInstance(daskArray), $"AsArrayLike returned {lazy.GetPythonType().Name}, not a Dask array");
            NDArray computed = np.asarray(((dynamic)lazy).compute());
            Expect.That(computed.ToArray<double>().SequenceEqual([1.0, 2.0, 3.0]), "the Dask array's values");

            // Through np.asarray(like:): the same call, then the Dask result computed into an NDArray.
            NDArray viaLike = np.asarray(new[] { 4.0, 5.0 }, like: d);
            Expect.That(viaLike.ToArray<double>().SequenceEqual([4.0, 5.0]), "np.asarray(like: dask)");
            NDArray typed = np.array(new[] { 1, 2 }, dtype: np.float32, like: d);
            Expect.That(typed.DType == np.float32 && typed.ToArray<float>().SequenceEqual([1f, 2f]), "np.array(like: dask, dtype)");

            // A Dask array as input is computed through __array__.
            NDArray whole = np.asarray(d);
            Expect.That(whole.ToArray<double>().SequenceEqual([0.0, 1, 2, 3, 4, 5]), "np.asarray(dask array)");

            // Something without __array_function__ is NumPy's error.
            bool refused = false;
            try
            {
                np.asarray(new[] { 1.0 }, like: scope.Eval("object()"));
            }
            catch (ArgumentException e) when (e.Message.Contains("__array_function__", StringComparison.Ordinal))
            {
                refused = true;
            }
            Expect.That(refused, "like= an object without __array_function__ must be refused");
        }
    }
}
