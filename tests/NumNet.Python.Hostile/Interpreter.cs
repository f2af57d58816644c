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

    /// <summary>Runs Python <paramref name="code"/> in a fresh scope and returns the scope (variables by name).</summary>
    public static PyModule Run(string code)
    {
        var scope = Py.CreateScope();
        scope.Exec(code);
        return scope;
    }
}
