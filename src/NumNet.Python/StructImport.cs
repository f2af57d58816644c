using System.Globalization;
using System.Runtime.InteropServices;
using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// <c>__array_struct__</c>: a capsule around NumPy's C <c>PyArrayInterface</c>, read field by field and validated
/// as an interface dictionary with a raw address is (see <see cref="InterfaceImport"/>).
/// </summary>
internal static unsafe class StructImport
{
    private const int NotSwapped = 0x200, Writeable = 0x400, HasDescr = 0x800;

    [StructLayout(LayoutKind.Sequential)]
    private struct PyArrayInterface
    {
        public int Two;
        public int NDim;
        public byte TypeKind;
        public int ItemSize;
        public int Flags;
        public nint Shape;
        public nint Strides;
        public nint Data;
        public nint Descr;
    }

    /// <summary>The view described by <paramref name="obj"/>'s <c>__array_struct__</c>.</summary>
    /// <exception cref="ArgumentException">No capsule, a bad version tag, or an ill-formed layout.</exception>
    public static NDArray View(PyObject obj)
    {
        string source = obj.GetPythonType().Name + ".__array_struct__";
        var capsule = obj.GetAttr("__array_struct__");
        nint pointer = CApi.CapsulePointer(capsule);
        if (pointer == 0)
            throw new ArgumentException($"{source} is not a PyCapsule of a PyArrayInterface");
        var s = *(PyArrayInterface*)pointer;
        if (s.Two != 2)
            throw new ArgumentException($"{source}: the structure's version tag is {s.Two}, not 2");
        if (s.NDim is < 0 or > 64)
            throw new ArgumentException($"{source}: {s.NDim} dimensions");
        if (s.NDim > 0 && s.Shape == 0)
            throw new ArgumentException($"{source}: no shape for {s.NDim} dimensions");
        long[] shape = s.NDim == 0 ? [] : new ReadOnlySpan<long>((void*)s.Shape, s.NDim).ToArray();
        long[]? strides = s.NDim == 0 || s.Strides == 0 ? null : new ReadOnlySpan<long>((void*)s.Strides, s.NDim).ToArray();
        string typestr = TypeStr(s, source);
        var dtype = TypeStrings.Parse(typestr, source);
        var layout = ForeignLayout.Check(source, s.Data, shape, strides, dtype.Str, dtype.ItemSize);
        return ForeignArray.View(layout, layout.Data + (nint)layout.Low, layout.High - layout.Low, (s.Flags & Writeable) == 0, new object[] { obj, capsule });
    }

    // The typestr from kind, size and byte order; datetimes need the descr for their unit.
    private static string TypeStr(in PyArrayInterface s, string source)
    {
        char kind = (char)s.TypeKind;
        if ((s.Flags & HasDescr) != 0 && s.Descr != 0 && kind is 'M' or 'm')
        {
            using var descr = PyTypes.Current.Helpers.InvokeMethod("object_at", new PyInt((long)s.Descr));
            using var first = descr[0];
            using var typestr = first[1];
            return typestr.As<string>();
        }
        if (kind is 'M' or 'm')
            throw new ArgumentException($"{source}: a datetime without a descr has no unit");
        char order = s.ItemSize == 1 || kind is 'S' or 'V' or 'b' ? '|' : (s.Flags & NotSwapped) != 0 ? (BitConverter.IsLittleEndian ? '<' : '>') : (BitConverter.IsLittleEndian ? '>' : '<');
        int size = kind == 'U' ? s.ItemSize / 4 : s.ItemSize;
        return order + kind.ToString() + size.ToString(CultureInfo.InvariantCulture);
    }
}
