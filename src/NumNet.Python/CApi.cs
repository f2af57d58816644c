using System.Runtime.InteropServices;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// The few CPython C functions NumNet.Python calls directly, bound once from the library pythonnet loaded. They are
/// the ones pythonnet wraps unsafely (the buffer protocol) or slowly (integer range checks on every element).
/// Every caller holds the GIL.
/// </summary>
internal static unsafe class CApi
{
    private static delegate* unmanaged<nint, PyBufferView*, int, int> s_getBuffer;
    private static delegate* unmanaged<PyBufferView*, void> s_releaseBuffer;
    private static delegate* unmanaged<nint, int> s_checkBuffer;
    private static delegate* unmanaged<nint, byte*, nint> s_capsulePointer;
    private static delegate* unmanaged<nint, int*, long> s_asLongLong;
    private static delegate* unmanaged<nint, double> s_asDouble;
    private static delegate* unmanaged<nint> s_errOccurred;
    private static delegate* unmanaged<void> s_errClear;
    private static delegate* unmanaged<nint, int> s_sequenceCheck;
    private static delegate* unmanaged<nint, nint> s_sequenceSize;

    /// <summary>True once <see cref="Bind"/> has run.</summary>
    public static bool IsBound => s_getBuffer != null;

    /// <summary>Binds the functions from the library pythonnet is using.</summary>
    /// <exception cref="InvalidOperationException">The library cannot be found or lacks one of the functions.</exception>
    public static void Bind()
    {
        if (IsBound)
            return;
        string? path = Runtime.PythonDLL;
        nint library = path is null ? NativeLibrary.GetMainProgramHandle() : NativeLibrary.Load(path);
        s_checkBuffer = (delegate* unmanaged<nint, int>)Export(library, "PyObject_CheckBuffer");
        s_releaseBuffer = (delegate* unmanaged<PyBufferView*, void>)Export(library, "PyBuffer_Release");
        s_capsulePointer = (delegate* unmanaged<nint, byte*, nint>)Export(library, "PyCapsule_GetPointer");
        s_asLongLong = (delegate* unmanaged<nint, int*, long>)Export(library, "PyLong_AsLongLongAndOverflow");
        s_asDouble = (delegate* unmanaged<nint, double>)Export(library, "PyFloat_AsDouble");
        s_errOccurred = (delegate* unmanaged<nint>)Export(library, "PyErr_Occurred");
        s_errClear = (delegate* unmanaged<void>)Export(library, "PyErr_Clear");
        s_sequenceCheck = (delegate* unmanaged<nint, int>)Export(library, "PySequence_Check");
        s_sequenceSize = (delegate* unmanaged<nint, nint>)Export(library, "PySequence_Size");
        // Set last: IsBound reads it.
        s_getBuffer = (delegate* unmanaged<nint, PyBufferView*, int, int>)Export(library, "PyObject_GetBuffer");
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out nint address)
            ? address
            : throw new InvalidOperationException($"the Python library '{Runtime.PythonDLL}' does not export {name}");

    /// <summary>
    /// The address of <paramref name="obj"/>'s Python object, valid while <paramref name="obj"/> holds its reference
    /// (pythonnet marks the property obsolete to steer users to its reference types, which it does not make public).
    /// </summary>
#pragma warning disable CS0612
    public static nint AddressOf(PyObject obj) => obj.Handle;
#pragma warning restore CS0612

    /// <summary><c>PyObject_CheckBuffer</c>.</summary>
    public static bool CheckBuffer(PyObject obj) => s_checkBuffer(AddressOf(obj)) != 0;

    /// <summary>
    /// <c>PyObject_GetBuffer</c> into <paramref name="view"/>; false (with the Python error cleared) when the exporter
    /// refuses these flags.
    /// </summary>
    public static bool TryGetBuffer(PyObject obj, PyBufferView* view, int flags)
    {
        if (s_getBuffer(AddressOf(obj), view, flags) == 0)
            return true;
        s_errClear();
        return false;
    }

    /// <summary><c>PyBuffer_Release</c>.</summary>
    public static void ReleaseBuffer(PyBufferView* view) => s_releaseBuffer(view);

    /// <summary><c>PyCapsule_GetPointer(capsule, NULL)</c>; 0 (error cleared) when it is no capsule without a name.</summary>
    public static nint CapsulePointer(PyObject capsule)
    {
        nint p = s_capsulePointer(AddressOf(capsule), null);
        if (p == 0)
            s_errClear();
        return p;
    }

    /// <summary>A Python int's value when it fits a long; false when it does not (a Python int of any other size).</summary>
    public static bool TryAsInt64(PyObject integer, out long value)
    {
        int overflow;
        value = s_asLongLong(AddressOf(integer), &overflow);
        if (overflow != 0)
            return false;
        if (value == -1 && s_errOccurred() != 0)
        {
            s_errClear();
            return false;
        }
        return true;
    }

    /// <summary>
    /// NumPy's test for a sequence: <c>PySequence_Check</c> and a length that can be had (an object whose
    /// <c>len()</c> raises is an element, not a sequence).
    /// </summary>
    public static bool IsSizedSequence(PyObject obj)
    {
        if (s_sequenceCheck(AddressOf(obj)) == 0)
            return false;
        if (s_sequenceSize(AddressOf(obj)) >= 0)
            return true;
        s_errClear();
        return false;
    }

    /// <summary>The type object of <paramref name="obj"/> (its <c>ob_type</c>), without a new reference.</summary>
    public static nint TypeOf(PyObject obj) => *(nint*)(AddressOf(obj) + IntPtr.Size);

    /// <summary>A Python float's value (the object is known to be a float).</summary>
    public static double AsDouble(PyObject number) => s_asDouble(AddressOf(number));
}

/// <summary>
/// CPython's <c>Py_buffer</c>, laid out as in CPython 3.8 and later on 64-bit platforms (80 bytes). Only ever used
/// through a pointer to native memory, so the exporter may keep pointers into it for as long as it is held.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyBufferView
{
    public nint Buf;
    public nint Obj;
    public nint Len;
    public nint ItemSize;
    public int ReadOnly;
    public int NDim;
    public nint Format;
    public nint Shape;
    public nint Strides;
    public nint SubOffsets;
    public nint Internal;
}
