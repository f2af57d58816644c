using System.Diagnostics;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// NumNet and Python (through pythonnet): after <see cref="Enable"/>, <c>np.asarray</c> and <c>np.array</c> accept
/// any <see cref="PyObject"/> as NumPy's <c>np.asarray</c> does (zero-copy for ndarrays and buffers), <c>like=</c>
/// accepts objects with <c>__array_function__</c>, and <see cref="ToPython"/> hands an <see cref="NDArray"/> to NumPy
/// without copying.
/// </summary>
/// <remarks>
/// Every call into Python takes the GIL itself (pythonnet's <c>Py.GIL()</c>, which nests). A NumNet view of Python
/// memory keeps its exporter alive; the reference is released under the GIL after the view is collected.
/// </remarks>
public static class NumNetPython
{
    private static readonly PythonAdapter s_adapter = new();

    /// <summary>
    /// Registers the Python adapter with NumNet's coercion. Call once, after <c>PythonEngine.Initialize()</c>;
    /// further calls do nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">Python is not initialised, or its library lacks a needed function.</exception>
    public static void Enable()
    {
        if (!PythonEngine.IsInitialized)
            throw new InvalidOperationException("call PythonEngine.Initialize() before NumNetPython.Enable()");
        using (Py.GIL())
        {
            CApi.Bind();
            _ = PyTypes.Current;
        }
        ArrayLikeAdapters.Register(s_adapter);
    }

    /// <summary>
    /// <paramref name="array"/> as a <c>numpy.ndarray</c> that views its memory (same dtype, shape, strides; read-only
    /// when the NumNet array is): writes through either side are seen by the other. Object arrays are copied.
    /// </summary>
    /// <exception cref="InvalidOperationException">NumPy cannot be imported, or <see cref="Enable"/> was not called.</exception>
    /// <exception cref="ObjectDisposedException">The array's memory was released.</exception>
    public static PyObject ToPython(this NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        RequireEnabled();
        using (Py.GIL())
        {
            BufferImport.HeldBuffer.ReleaseOrphans();
            return PythonExport.ToPython(array);
        }
    }

    /// <summary>
    /// NumPy's <c>np.asarray(data, like=like)</c> (NEP 35) returning what <paramref name="like"/>'s library returns
    /// (a Dask array for a Dask <paramref name="like"/>). <c>np.asarray(data, like: pyObject)</c> calls the same
    /// protocol and then converts that result into an <see cref="NDArray"/>.
    /// </summary>
    /// <param name="data">The input: a Python object, an NDArray (handed over with <see cref="ToPython"/>), or anything <c>np.asarray</c> accepts.</param>
    /// <param name="like">An object implementing <c>__array_function__</c>.</param>
    /// <param name="dtype">The dtype, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="like"/> has no <c>__array_function__</c>.</exception>
    public static PyObject AsArrayLike(object? data, PyObject like, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(like);
        RequireEnabled();
        using (Py.GIL())
        {
            var function = PythonArrayFunction.For(like) ?? throw new ArgumentException(
                "The `like` argument must be an array-like that implements the `__array_function__` protocol.", nameof(like));
            return function.Call("asarray", new Dictionary<string, object?> { ["a"] = data, ["dtype"] = dtype });
        }
    }

    /// <summary>
    /// The CPython shared library to give pythonnet (<c>Runtime.PythonDLL</c>): <c>PYTHONNET_PYDLL</c> when set, else
    /// the one <c>python3</c> reports through <c>sysconfig</c>, else the first <c>libpython3.*.so*</c> in the standard
    /// library folders; null when none is found.
    /// </summary>
    public static string? FindPythonLibrary()
    {
        if (Environment.GetEnvironmentVariable("PYTHONNET_PYDLL") is { Length: > 0 } configured)
            return configured;
        return FromSysconfig("/usr/bin/python3") ?? FromSysconfig("python3") ?? FromLibraryFolders();
    }

    private static string? FromSysconfig(string python)
    {
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import os, sysconfig; v = sysconfig.get_config_var; print(os.path.join(v('LIBDIR') or '', v('INSTSONAME') or v('LDLIBRARY') or ''))");
            using var process = Process.Start(info);
            if (process is null)
                return null;
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(output) && output.Contains(".so", StringComparison.Ordinal) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FromLibraryFolders()
    {
        foreach (string folder in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib" })
        {
            if (!Directory.Exists(folder))
                continue;
            var found = Directory.GetFiles(folder, "libpython3.*.so*").Order(StringComparer.Ordinal).LastOrDefault();
            if (found is not null)
                return found;
        }
        return null;
    }

    private static void RequireEnabled()
    {
        if (!CApi.IsBound)
            throw new InvalidOperationException("call NumNetPython.Enable() after PythonEngine.Initialize() first");
    }

    /// <summary>The adapter registered with the core.</summary>
    private sealed class PythonAdapter : IArrayLikeAdapter
    {
        public bool Owns(object obj) => obj is PyObject;

        public object? Translate(object obj, DType? dtype, bool? copy)
        {
            using (Py.GIL())
            {
                BufferImport.HeldBuffer.ReleaseOrphans();
                return PythonTranslator.Translate((PyObject)obj);
            }
        }

        public IArrayFunction? AsArrayFunction(object like)
        {
            using (Py.GIL())
                return PythonArrayFunction.For((PyObject)like);
        }
    }
}
