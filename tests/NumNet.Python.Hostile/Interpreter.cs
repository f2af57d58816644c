using NumNet.Python;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>Starts the embedded interpreter for a scenario, or says why it cannot.</summary>
public static class Interpreter
{
    /// <summary>Initialises Python (found at run time), checks that NumPy imports, enables NumNet.Python; returns
    /// null when ready, else the reason the scenario is skipped.</summary>
    public static string? Start()
    {
        string? library = NumNetPython.FindPythonLibrary();
        if (library is null)
            return "no CPython shared library found (set PYTHONNET_PYDLL, or install libpython3.11)";
        Runtime.PythonDLL = library;
        try
        {
            PythonEngine.Initialize();
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or TypeInitializationException or InvalidOperationException)
        {
            return $"CPython at '{library}' could not be started: {e.Message}";
        }
        using (Py.GIL())
        {
            try
            {
                Py.Import("numpy").Dispose();
            }
            catch (PythonException e)
            {
                return $"NumPy cannot be imported by '{library}': {e.Message} (install python3-numpy)";
            }
        }
        NumNetPython.Enable();
        return null;
    }

    /// <summary>Ends the process with <paramref name="code"/> without running exit handlers (output flushed first).</summary>
    public static void Exit(int code)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        ExitNow(code);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int code);

    /// <summary>
    /// Runs <paramref name="check"/> on every entry of the Python dict <paramref name="dict"/> in
    /// <paramref name="scope"/> (name, value), and fails the scenario with every entry that threw; returns the count.
    /// </summary>
    public static long EachCase(PyModule scope, string dict, Action<string, PyObject> check)
    {
        var failures = new List<string>();
        using var cases = scope.Get(dict);
        using var keys = scope.Eval($"list({dict})");
        for (int k = 0; k < keys.Length(); k++)
        {
            using var key = keys[k];
            string name = key.As<string>();
            try
            {
                check(name, cases[key]);
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        NumNet.Hostile.Expect.That(failures.Count == 0, string.Join("\n", failures));
        return keys.Length();
    }

    /// <summary>Runs Python <paramref name="code"/> in a fresh scope and returns the scope (variables by name).</summary>
    public static PyModule Run(string code)
    {
        var scope = Py.CreateScope();
        scope.Exec(code);
        return scope;
    }
}
