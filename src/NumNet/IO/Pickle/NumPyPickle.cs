using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using NumNet.DTypes;
using NumNet.Formatting;
using NumNet.Layout;
using static System.FormattableString;

namespace NumNet.IO.Pickle;

/// <summary>
/// An array as NumPy pickles it: what <c>np.save</c> writes after a <c>'|O'</c> header (object arrays, and dtypes
/// without a byte layout of their own), and what <c>np.load(..., allow_pickle=True)</c> reads back.
/// </summary>
/// <remarks>
/// <para>The shape is NumPy's <c>ndarray.__reduce__</c>: <c>_reconstruct(ndarray, (0,), b'b')</c>, then the state
/// <c>(1, shape, dtype, is_fortran, data)</c>, where data is a list of the elements in C order for object arrays and
/// the raw bytes (in Fortran order when <c>is_fortran</c>) otherwise; dtypes are <c>dtype(typestr, False, True)</c>
/// with their <c>__setstate__</c> tuple.</para>
/// <para>Reading is restricted: only the few globals such pickles name are accepted (NumPy's array, dtype and scalar
/// constructors, <c>complex</c>, <c>Decimal</c>, <c>_codecs.encode</c>), so loading cannot run anything else, as
/// Python's own unpickler would.</para>
/// <para>Element values map both ways as NumNet's object arrays hold them: None ⇄ null, bool, int ⇄ long (or
/// <see cref="BigInteger"/> beyond 64 bits), float ⇄ double, str ⇄ string, bytes ⇄ byte[], complex ⇄
/// <see cref="Complex"/>, Decimal ⇄ decimal, tuple ⇄ object?[], list ⇄ List&lt;object?&gt;, ndarray ⇄
/// <see cref="NDArray"/>, NumPy scalars ⇄ the .NET value of their dtype (an int32 as int, a datetime64 as
/// <see cref="DateTime64"/>).</para>
/// </remarks>
internal static class NumPyPickle
{
    /// <summary>How deep arrays may nest inside object arrays when writing (an array that holds itself would not end).</summary>
    private const int MaxNesting = 64;

    private const string Multiarray = "numpy._core.multiarray";
    private const string LegacyMultiarray = "numpy.core.multiarray";

    private static readonly DType ObjectDType = np.dtype("O");

    /// <summary>Writes <paramref name="array"/> as one pickle.</summary>
    /// <exception cref="NotSupportedException">An element of a type that has no Python counterpart here, or arrays nested too deep.</exception>
    public static void Write(Stream stream, NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var writer = new PickleWriter(stream);
        writer.Begin();
        WriteArray(writer, array, 0);
        writer.End();
    }

    /// <summary>Checks, before anything is written, that every element of an object array can be pickled.</summary>
    /// <exception cref="NotSupportedException">The first element that cannot, named by its .NET type.</exception>
    public static void Validate(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        Write(Stream.Null, array);
    }

    /// <summary>Reads one pickle and returns the array it holds.</summary>
    /// <param name="stream">Positioned at the pickle.</param>
    /// <param name="maxBytes">The most bytes the pickle may span.</param>
    /// <exception cref="InvalidDataException">A damaged pickle, or one that does not hold an array.</exception>
    /// <exception cref="NotSupportedException">A pickle that names anything but NumPy's array constructors and plain values.</exception>
    public static NDArray Read(Stream stream, long maxBytes)
    {
        var value = PickleReader.Read(stream, maxBytes, new Resolver());
        return value as NDArray ?? throw new InvalidDataException(Invariant($"the pickle holds {PythonTypeName(value)}, not a NumPy array"));
    }

    // ---- writing ----

    private static void WriteArray(PickleWriter w, NDArray array, int depth)
    {
        if (depth > MaxNesting)
            throw new NotSupportedException(Invariant($"arrays nest more than {MaxNesting} deep inside object arrays (does an array hold itself?); NumNet does not pickle them"));
        w.Global(Multiarray, "_reconstruct");
        w.Mark();
        w.Global("numpy", "ndarray");
        w.Mark();
        w.Int(0);
        w.EndTuple();
        w.Bytes("b"u8);
        w.EndTuple();
        w.Reduce();

        bool fortran = array.IsFContiguous && !array.IsCContiguous;
        w.Mark();
        w.Int(1);
        w.Mark();
        foreach (long n in array.ShapeRef)
            w.Int(n);
        w.EndTuple();
        WriteDType(w, array.DType, depth);
        w.Bool(fortran);
        if (IsListPickled(array.DType))
            WriteElements(w, array, depth);
        else
            WriteBytes(w, array, fortran ? MemoryOrder.F : MemoryOrder.C);
        w.EndTuple();
        w.Build();
    }

    // NumPy's NPY_LIST_PICKLE: object arrays, and registered classes whose elements refer to storage outside the
    // array's bytes, pickle their elements as a list of what getitem reads.
    private static bool IsListPickled(DType dtype) => dtype.IsObject || dtype.Family is RegisteredDTypeClass;

    private static void WriteElements(PickleWriter w, NDArray array, int depth)
    {
        w.EmptyList();
        if (array.Size == 0)
            return;
        var items = array.DType.IsObject ? ObjectsInCOrder(array) : ItemsInCOrder(array);
        w.Mark();
        foreach (var item in items)
            WriteValue(w, item, depth);
        w.Appends();
    }

    private static object?[] ObjectsInCOrder(NDArray array)
    {
        bool copy = !array.IsCContiguous;
        var c = copy ? array.Copy(MemoryOrder.C) : array;
        try
        {
            using var lease = c.Lease();
            return lease.Objects.AsSpan((int)(c.Offset / 8), checked((int)c.Size)).ToArray();
        }
        finally
        {
            if (copy)
                c.Dispose();
        }
    }

    private static object?[] ItemsInCOrder(NDArray array)
    {
        using var flat = array.Flatten();
        var items = new object?[flat.Size];
        for (long i = 0; i < items.Length; i++)
            items[i] = flat.GetValue(i);
        return items;
    }

    private static void WriteBytes(PickleWriter w, NDArray array, MemoryOrder order)
    {
        bool copy = order == MemoryOrder.F ? !array.IsFContiguous : !array.IsCContiguous;
        var contiguous = copy ? array.Copy(order) : array;
        try
        {
            if (contiguous.NBytes > Array.MaxLength)
                throw new NotSupportedException(Invariant($"an array of {contiguous.NBytes} bytes inside an object array is more than NumNet pickles at once"));
            using var lease = contiguous.Lease();
            var bytes = contiguous.NBytes == 0
                ? ReadOnlySpan<byte>.Empty
                : MemoryMarshal.CreateReadOnlySpan(ref lease.At(contiguous.Offset), (int)contiguous.NBytes);
            w.Bytes(bytes);
        }
        finally
        {
            if (copy)
                contiguous.Dispose();
        }
    }

    private static void WriteDType(PickleWriter w, DType dtype, int depth)
    {
        if (dtype.Family is RegisteredDTypeClass registered)
        {
            var (module, name) = registered.PickleConstructor
                ?? throw new NotSupportedException(Invariant($"dtype {dtype.Repr()} cannot be pickled"));
            w.Global(module, name);
            w.Mark();
            foreach (var argument in registered.PickleArguments(dtype))
                WriteValue(w, argument, depth + 1);
            w.EndTuple();
            w.Reduce();
            return;
        }
        w.Global("numpy", "dtype");
        w.Mark();
        w.Str(TypeStr(dtype));
        w.Bool(false);
        w.Bool(true);
        w.EndTuple();
        w.Reduce();

        bool timelike = dtype.DateTimeMeta is not null;
        bool flexible = dtype.Code is DTypeCode.Unicode or DTypeCode.Bytes or DTypeCode.Void;
        w.Mark();
        w.Int(timelike ? 4 : 3);
        w.Str(dtype.Str[..1]);
        w.None();
        w.None();
        w.None();
        w.Int(flexible ? dtype.ItemSize : -1);
        w.Int(!flexible ? -1 : dtype.Code == DTypeCode.Unicode ? 4 : 1);
        // NumPy's descriptor flags: object arrays hold references (63 = all reference flags), unicode needs the
        // Python API to convert elements (8); every other built-in dtype has none.
        w.Int(dtype.IsObject ? 63 : dtype.Code == DTypeCode.Unicode ? 8 : 0);
        if (dtype.DateTimeMeta is { } meta)
        {
            w.Mark();
            w.EmptyDict();
            w.Mark();
            w.Bytes(System.Text.Encoding.ASCII.GetBytes(meta.UnitTuple.Unit));
            w.Int(meta.Multiplier);
            w.Int(1);
            w.Int(1);
            w.EndTuple();
            w.EndTuple();
        }
        w.EndTuple();
        w.Build();
    }

    // The typestr NumPy's dtype.__reduce__ passes to the constructor: no byte order, the size in bytes except for U
    // (characters), object as O8, datetimes without their unit (the unit is in the state).
    private static string TypeStr(DType dtype)
    {
        if (dtype.IsObject)
            return "O8";
        if (dtype.DateTimeMeta is not null)
            return dtype.Kind + "8";
        if (dtype.Code == DTypeCode.Bool)
            return "b1";
        return Invariant($"{dtype.Kind}{(dtype.Code == DTypeCode.Unicode ? dtype.ItemSize / 4 : dtype.ItemSize)}");
    }

    private static void WriteValue(PickleWriter w, object? value, int depth)
    {
        if (depth > MaxNesting)
            throw new NotSupportedException(Invariant($"values nest more than {MaxNesting} deep inside an object array (does one hold itself?); NumNet does not pickle them"));
        switch (value)
        {
            case null: w.None(); break;
            case bool b: w.Bool(b); break;
            case long l: w.Int(l); break;
            case BigInteger big: w.Int(big); break;
            case Int128 i128: w.Int(i128); break;
            case UInt128 u128: w.Int(u128); break;
            case double d: w.Float(d); break;
            case string s: w.Str(s); break;
            case char c: w.Str(c.ToString()); break;
            case byte[] bytes: w.Bytes(bytes); break;
            case Complex z:
                w.Global("builtins", "complex");
                w.Mark();
                w.Float(z.Real);
                w.Float(z.Imaginary);
                w.EndTuple();
                w.Reduce();
                break;
            case decimal m:
                w.Global("decimal", "Decimal");
                w.Mark();
                w.Str(m.ToString(CultureInfo.InvariantCulture));
                w.EndTuple();
                w.Reduce();
                break;
            case NDArray nested: WriteArray(w, nested, depth + 1); break;
            case NumPyScalar scalar:
                using (var cell = scalar.ToNDArray(null, copy: null))
                    WriteScalar(w, cell);
                break;
            case object?[] tuple:
                w.Mark();
                foreach (var item in tuple)
                    WriteValue(w, item, depth + 1);
                w.EndTuple();
                break;
            case List<object?> list:
                w.EmptyList();
                w.Mark();
                foreach (var item in list)
                    WriteValue(w, item, depth + 1);
                w.Appends();
                break;
            default:
                if (!ClrScalarTypes.TryDiscover(value, out var dtype) || dtype.IsObject)
                    throw new NotSupportedException(Invariant($"an object array holds a {value.GetType()}, which has no Python counterpart NumNet can pickle (None, bool, int, float, complex, str, bytes, Decimal, tuples, lists, arrays and NumPy scalars can)"));
                using (var cell = np.asarray(value, dtype))
                    WriteScalar(w, cell);
                break;
        }
    }

    // A NumPy scalar as NumPy pickles one: scalar(dtype, its bytes).
    private static void WriteScalar(PickleWriter w, NDArray cell)
    {
        w.Global(Multiarray, "scalar");
        w.Mark();
        WriteDType(w, cell.DType, 0);
        WriteBytes(w, cell, MemoryOrder.C);
        w.EndTuple();
        w.Reduce();
    }

    // ---- reading ----

    private enum Known
    {
        Reconstruct,
        NDArrayClass,
        DTypeClass,
        Scalar,
        Complex,
        Decimal,
        Encode,
    }

    /// <summary>A <c>_reconstruct(ndarray, (0,), b'b')</c> waiting for its state.</summary>
    private sealed class ArrayShell;

    /// <summary>A <c>dtype(typestr, False, True)</c> waiting for its state.</summary>
    private sealed record DTypeShell(string TypeStr);

    /// <summary>The pickle constructor of a registered dtype class (<see cref="RegisteredDTypeClass.PickleConstructor"/>).</summary>
    private sealed record RegisteredConstructor(RegisteredDTypeClass Class);

    private sealed class Resolver : IPickleResolver
    {
        public object Find(string module, string name) => (module, name) switch
        {
            (Multiarray or LegacyMultiarray, "_reconstruct") => Known.Reconstruct,
            (Multiarray or LegacyMultiarray, "scalar") => Known.Scalar,
            ("numpy", "ndarray") => Known.NDArrayClass,
            ("numpy", "dtype") => Known.DTypeClass,
            ("builtins", "complex") => Known.Complex,
            ("decimal", "Decimal") => Known.Decimal,
            ("_codecs", "encode") => Known.Encode,
            _ when RegisteredClassFor(module, name) is { } registered => new RegisteredConstructor(registered),
            _ => throw new NotSupportedException(Invariant($"the pickle calls {PythonRepr.Repr(module + "." + name)}, which NumNet does not load: it reads only NumPy arrays of plain Python values")),
        };

        public object? Reduce(object callable, object?[] args) => callable switch
        {
            Known.Reconstruct when args is [Known.NDArrayClass, object?[] { Length: 1 }, byte[]] => new ArrayShell(),
            Known.DTypeClass when args is [string typestr, bool, bool] => new DTypeShell(typestr),
            Known.Scalar when args is [DType { IsObject: true }, var item] => item,
            Known.Scalar when args is [DType dtype, byte[] raw] => ScalarValue(dtype, raw),
            Known.Complex => ComplexValue(args),
            Known.Decimal when args is [string text] => DecimalValue(text),
            Known.Encode when args is [string text, string encoding] && encoding is "latin1" or "latin-1" => LatinBytes(text),
            RegisteredConstructor constructor => RegisteredDType(constructor.Class, args),
            _ => throw Malformed(Invariant($"a call of {callable} with arguments it does not take")),
        };

        public object? Build(object? target, object? state) => target switch
        {
            DTypeShell shell when state is object?[] tuple => BuildDType(shell.TypeStr, tuple),
            ArrayShell when state is object?[] tuple => BuildArray(tuple),
            _ => throw Malformed(Invariant($"a BUILD of {PythonTypeName(target)}")),
        };
    }

    private static RegisteredDTypeClass? RegisteredClassFor(string module, string name) =>
        DTypeRegistry.Registered.FirstOrDefault(c => c.PickleConstructor == (module, name));

    private static DType RegisteredDType(RegisteredDTypeClass registered, object?[] args)
    {
        try
        {
            return registered.FromPickleArguments(args);
        }
        catch (ArgumentException e)
        {
            throw Malformed(MessageText.OneLine(e.Message));
        }
    }

    private static DType BuildDType(string typeStr, object?[] state)
    {
        // (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])
        if (state is not [long version and (3 or 4), string order, var subarray, var names, var fields, long, long, long, ..] || state.Length != (version == 4 ? 9 : 8))
            throw Malformed("a dtype state NumPy does not write");
        if (subarray is not null || names is not null || fields is not null)
            throw new NotSupportedException(Invariant($"the pickle holds a structured or subarray dtype ({PythonRepr.Repr(typeStr)}), which NumNet does not support"));
        string unit = "";
        if (version == 4)
        {
            if (state[8] is not object?[] { Length: 2 } metadata || metadata[1] is not object?[] { Length: 4 } dt || dt[0] is not byte[] code || dt[1] is not long multiplier)
                throw Malformed("a datetime dtype state without its unit");
            string text = System.Text.Encoding.ASCII.GetString(code);
            unit = text == "generic" ? "" : Invariant($"[{(multiplier == 1 ? "" : multiplier.ToString(CultureInfo.InvariantCulture))}{text}]");
        }
        string prefix = order is "<" or ">" or "=" ? order : "";
        string spec = typeStr == "O8" ? "O" : prefix + typeStr + unit;
        try
        {
            return np.dtype(spec);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw Malformed(Invariant($"a dtype {PythonRepr.Repr(spec)} NumNet does not understand ({MessageText.OneLine(e.Message)})"));
        }
    }

    private static NDArray BuildArray(object?[] state)
    {
        // (version, shape, dtype, is_fortran, data); NumPy before 1.0 wrote the same without the version.
        var fields = state is [long, _, _, _, _] ? state[1..] : state;
        if (fields is not [object?[] shapeItems, DType dtype, bool fortran, var data])
            throw Malformed("an array state NumPy does not write");
        var shape = new long[shapeItems.Length];
        for (int i = 0; i < shape.Length; i++)
            shape[i] = shapeItems[i] is long n and >= 0 ? n : throw Malformed("an array shape that is not a tuple of non-negative ints");
        try
        {
            ShapeMath.CheckNDim(shape.Length);
            ShapeMath.CheckedByteSize(shape, dtype.ItemSize);
        }
        catch (ArgumentException e)
        {
            throw Malformed(Invariant($"an array shape {ShapeMath.Format(shape)} that is not valid ({MessageText.OneLine(e.Message)})"));
        }
        if (dtype.IsObject)
            return ObjectArray(shape, fortran, data);
        return dtype.Family is RegisteredDTypeClass ? ListArray(shape, dtype, fortran, data) : ByteArray(shape, dtype, fortran, data);
    }

    private static NDArray ObjectArray(long[] shape, bool fortran, object? data)
    {
        if (data is not List<object?> items || items.Count != ShapeMath.Size(shape))
            throw Malformed(Invariant($"an object array of shape {ShapeMath.Format(shape)} whose data is not a list of its {ShapeMath.Size(shape)} elements"));
        foreach (var item in items)
        {
            if (item is PythonDict or Known or ArrayShell or DTypeShell or DType)
                throw new NotSupportedException(Invariant($"the pickled object array holds {PythonTypeName(item)}, which NumNet does not load as an element"));
        }
        var array = NDArray.Allocate(ObjectDType, shape, MemoryOrder.C, zero: true);
        using (var lease = array.Lease())
            items.CopyTo(lease.Objects, (int)(array.Offset / 8));
        if (!fortran)
            return array;
        // The list is in C order whatever the layout; is_fortran asks for F-ordered memory holding the same elements.
        using (array)
            return array.Copy(MemoryOrder.F);
    }

    // A registered class's elements, stored one by one through its setitem (which checks each value as NumPy's does).
    private static NDArray ListArray(long[] shape, DType dtype, bool fortran, object? data)
    {
        long size = ShapeMath.Size(shape);
        if (data is not List<object?> items || items.Count != size)
            throw Malformed(Invariant($"an array of dtype {dtype.Repr()} and shape {ShapeMath.Format(shape)} whose data is not a list of its {size} elements"));
        using var flat = NDArray.Allocate(dtype, [size], MemoryOrder.C, zero: true);
        try
        {
            for (int i = 0; i < items.Count; i++)
                flat.SetValue(items[i], i);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException)
        {
            throw Malformed(Invariant($"an element its dtype {dtype.Repr()} refuses ({MessageText.OneLine(e.Message)})"));
        }
        using var shaped = flat.Reshape(shape);
        return shaped.Copy(fortran ? MemoryOrder.F : MemoryOrder.C);
    }

    private static NDArray ByteArray(long[] shape, DType dtype, bool fortran, object? data)
    {
        var array = NDArray.Allocate(dtype, shape, fortran ? MemoryOrder.F : MemoryOrder.C, zero: false);
        if (data is not byte[] raw || raw.LongLength != array.NBytes)
        {
            array.Dispose();
            throw Malformed(Invariant($"an array of {array.NBytes} bytes whose data is not bytes of that length"));
        }
        if (raw.Length > 0)
        {
            using var lease = array.Lease();
            raw.CopyTo(MemoryMarshal.CreateSpan(ref lease.At(array.Offset), raw.Length));
        }
        return array;
    }

    private static object? ScalarValue(DType dtype, byte[] raw)
    {
        using var cell = ByteArray([], dtype, fortran: false, raw);
        return cell.Item();
    }

    private static Complex ComplexValue(object?[] args) => args switch
    {
        [] => Complex.Zero,
        [var re] => new Complex(Real(re), 0),
        [var re, var im] => new Complex(Real(re), Real(im)),
        _ => throw Malformed("a complex() of more than two numbers"),
    };

    private static double Real(object? value) => value switch
    {
        double d => d,
        long l => l,
        BigInteger big => (double)big,
        _ => throw Malformed(Invariant($"a complex() of {PythonTypeName(value)}")),
    };

    private static decimal DecimalValue(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        throw new NotSupportedException(Invariant($"the pickle holds Decimal({PythonRepr.Repr(text)}), which a .NET decimal cannot hold"));
    }

    private static byte[] LatinBytes(string text)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = text[i] <= 0xFF ? (byte)text[i] : throw Malformed("a latin-1 encode of text beyond latin-1");
        return bytes;
    }

    private static string PythonTypeName(object? value) => value switch
    {
        null => "None",
        NDArray => "an ndarray",
        PythonDict => "a dict",
        List<object?> => "a list",
        object?[] => "a tuple",
        string => "a str",
        _ => "a " + value.GetType().Name,
    };

    private static InvalidDataException Malformed(string what) => new($"the pickle is malformed: {what}");
}
