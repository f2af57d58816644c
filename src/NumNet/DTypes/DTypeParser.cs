using System.Numerics;

namespace NumNet.DTypes;

/// <summary>
/// Every spelling <c>np.dtype(...)</c> accepts in NumPy 2 on x86-64 Linux: names, type characters, typestrs with
/// byte order and size, datetime units, and .NET types. Anything else is rejected with an exception quoting it.
/// </summary>
internal static class DTypeParser
{
    private static readonly Dictionary<string, DType> Names = BuildNames();
    private static readonly Dictionary<char, DType> TypeChars = BuildTypeChars();

    // Spellings NumPy 2 removed; NumPy names the replacement in its message.
    private static readonly HashSet<string> RemovedAliases = ["int0", "uint0", "bool8", "object0", "str0", "bytes0", "void0"];

    /// <summary>Parses <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">NumPy rejects the spelling; the message quotes it.</exception>
    public static DType Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Names.TryGetValue(spec, out var named))
            return named;
        if (RemovedAliases.Contains(spec))
            throw new ArgumentException($"Alias '{spec}' was removed in NumPy 2.0. Use a name without a digit at the end.", nameof(spec));
        if (TryParseDateTimeName(spec, out var dt))
            return dt;
        foreach (var registered in DTypeRegistry.Registered)
        {
            if (registered.Parse(spec) is { } own)
                return own;
        }
        return ParseTypeString(spec) ?? throw NotUnderstood(spec);
    }

    /// <summary>The dtype of a .NET type.</summary>
    /// <exception cref="ArgumentException">No dtype corresponds to <paramref name="type"/>.</exception>
    public static DType FromType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ClrScalarTypes.TryGet(type, out var known))
            return known;
        // Scalars that carry their own size or unit name their class's default: unsized S/U, generic M8/m8.
        if (ClrScalarTypes.TryGetClass(type, out var owner))
            return DTypeRegistry.Get(owner.Code);
        if (type == typeof(object))
            return DTypeRegistry.Get(DTypeCode.Object);
        throw new ArgumentException($"Cannot interpret '{type}' as a data type", nameof(type));
    }

    /// <summary>A datetime64 or timedelta64 dtype with the given unit, in native order.</summary>
    public static DType DateTimeDType(DTypeCode code, DateTimeMetadata unit, char byteOrder = '=') =>
        new(DTypeRegistry.Families[(int)code], 8, byteOrder, unit);

    private static ArgumentException NotUnderstood(string spec) => new($"data type '{Quote(spec)}' not understood", nameof(spec));

    /// <summary>
    /// A spelling as error messages quote it: whole when short, else its start and its length, so a megabyte of
    /// garbage handed to np.dtype does not become a megabyte of exception message (and of log line).
    /// </summary>
    internal static string Quote(string spelling) =>
        spelling.Length <= 120 ? spelling : $"{spelling.AsSpan(0, 100)}... ({spelling.Length} characters)";

    private static bool TryParseDateTimeName(string spec, out DType dtype)
    {
        dtype = null!;
        foreach (var (prefix, code) in new[] { ("datetime64", DTypeCode.DateTime64), ("timedelta64", DTypeCode.TimeDelta64) })
        {
            if (!spec.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            string rest = spec[prefix.Length..];
            if (rest.Length > 0 && rest[0] != '[')
                return false;
            dtype = DateTimeDType(code, DateTimeMetadata.ParseBracket(rest));
            return true;
        }
        return false;
    }

    /// <summary>
    /// A typestr: optional byte order (&lt; &gt; = | !), then a type character alone ("d", "M8[ns]") or a kind letter
    /// with a size ("i4", "S10", "U5", "M8[D]").
    /// </summary>
    private static DType? ParseTypeString(string spec)
    {
        if (spec.Length == 0)
            return null;
        // Spans, not substrings: a megabyte of digits is refused without being copied.
        char order = '=';
        ReadOnlySpan<char> body = spec;
        if (spec[0] is '<' or '>' or '=' or '|' or '!')
        {
            order = spec[0] == '!' ? '>' : spec[0];
            body = body[1..];
        }
        if (body.Length == 0)
            return null;

        char letter = body[0];
        ReadOnlySpan<char> rest = body[1..];

        // Datetimes: M, m, M8, m8, each optionally followed by [unit].
        if (letter is 'M' or 'm')
        {
            var code = letter == 'M' ? DTypeCode.DateTime64 : DTypeCode.TimeDelta64;
            if (rest.StartsWith('8'))
                rest = rest[1..];
            if (rest.Length > 0 && rest[0] != '[')
                return null;
            return DateTimeDType(code, DateTimeMetadata.ParseBracket(rest.ToString()), order);
        }

        if (rest.Length == 0)
        {
            if (!TypeChars.TryGetValue(letter, out var byChar))
                return null;
            return byChar.IsNative && order != '=' && order != '|' ? byChar.NewByteOrder(order) : byChar;
        }

        // Digits only: int.TryParse would also accept trailing NULs ("f8\0"), which NumPy rejects.
        if (rest.ContainsAnyExceptInRange('0', '9') || !int.TryParse(rest, System.Globalization.NumberStyles.None, null, out int size))
            return null;
        DType? sized = SizedKind(letter, size);
        if (sized is null)
            return null;
        return order is '<' or '>' ? sized.NewByteOrder(order) : sized;
    }

    // A kind letter with an explicit itemsize ("i4", "f16", "c32", "S10", "U5", "V8", "b1", "O8").
    private static DType? SizedKind(char letter, int size)
    {
        DTypeCode? code = (letter, size) switch
        {
            ('b', 1) => DTypeCode.Bool,
            ('i', 1) => DTypeCode.Int8,
            ('i', 2) => DTypeCode.Int16,
            ('i', 4) => DTypeCode.Int32,
            ('i', 8) => DTypeCode.Int64,
            ('u', 1) => DTypeCode.UInt8,
            ('u', 2) => DTypeCode.UInt16,
            ('u', 4) => DTypeCode.UInt32,
            ('u', 8) => DTypeCode.UInt64,
            ('f', 2) => DTypeCode.Float16,
            ('f', 4) => DTypeCode.Float32,
            ('f', 8) => DTypeCode.Float64,
            ('f', 16) => DTypeCode.Float128,
            ('c', 8) => DTypeCode.Complex64,
            ('c', 16) => DTypeCode.Complex128,
            ('c', 32) => DTypeCode.Complex256,
            ('O', 8) => DTypeCode.Object,
            _ => null,
        };
        if (code is { } c)
            return DTypeRegistry.Get(c);
        return letter switch
        {
            'S' => DTypeRegistry.Get(DTypeCode.Bytes).WithLength(size),
            'U' => DTypeRegistry.Get(DTypeCode.Unicode).WithLength(size),
            'V' => DTypeRegistry.Get(DTypeCode.Void).WithLength(size),
            _ => null,
        };
    }

    private static Dictionary<char, DType> BuildTypeChars()
    {
        DType Get(DTypeCode c) => DTypeRegistry.Get(c);
        return new Dictionary<char, DType>
        {
            ['?'] = Get(DTypeCode.Bool),
            ['b'] = Get(DTypeCode.Int8),
            ['B'] = Get(DTypeCode.UInt8),
            ['h'] = Get(DTypeCode.Int16),
            ['H'] = Get(DTypeCode.UInt16),
            ['i'] = Get(DTypeCode.Int32),
            ['I'] = Get(DTypeCode.UInt32),
            ['l'] = Get(DTypeCode.Int64),
            ['L'] = Get(DTypeCode.UInt64),
            // long long is its own C type with its own character, but the same int64 dtype.
            ['q'] = new DType(DTypeRegistry.Int64Class, 8, '=', null, 'q'),
            ['Q'] = new DType(DTypeRegistry.UInt64Class, 8, '=', null, 'Q'),
            ['p'] = Get(DTypeCode.Int64),
            ['P'] = Get(DTypeCode.UInt64),
            ['e'] = Get(DTypeCode.Float16),
            ['f'] = Get(DTypeCode.Float32),
            ['d'] = Get(DTypeCode.Float64),
            ['g'] = Get(DTypeCode.Float128),
            ['F'] = Get(DTypeCode.Complex64),
            ['D'] = Get(DTypeCode.Complex128),
            ['G'] = Get(DTypeCode.Complex256),
            ['O'] = Get(DTypeCode.Object),
            ['S'] = Get(DTypeCode.Bytes),
            ['U'] = Get(DTypeCode.Unicode),
            ['V'] = Get(DTypeCode.Void),
            // 'c' is a one-byte string that keeps its own character.
            ['c'] = new DType(DTypeRegistry.BytesClass, 1, '|', null, 'c'),
        };
    }

    private static Dictionary<string, DType> BuildNames()
    {
        DType Get(DTypeCode c) => DTypeRegistry.Get(c);
        var names = new Dictionary<string, DType>(StringComparer.Ordinal)
        {
            ["bool"] = Get(DTypeCode.Bool), ["bool_"] = Get(DTypeCode.Bool),
            ["int8"] = Get(DTypeCode.Int8), ["byte"] = Get(DTypeCode.Int8),
            ["uint8"] = Get(DTypeCode.UInt8), ["ubyte"] = Get(DTypeCode.UInt8),
            ["int16"] = Get(DTypeCode.Int16), ["short"] = Get(DTypeCode.Int16),
            ["uint16"] = Get(DTypeCode.UInt16), ["ushort"] = Get(DTypeCode.UInt16),
            ["int32"] = Get(DTypeCode.Int32), ["intc"] = Get(DTypeCode.Int32),
            ["uint32"] = Get(DTypeCode.UInt32), ["uintc"] = Get(DTypeCode.UInt32),
            ["int64"] = Get(DTypeCode.Int64), ["int_"] = Get(DTypeCode.Int64), ["int"] = Get(DTypeCode.Int64),
            ["long"] = Get(DTypeCode.Int64), ["intp"] = Get(DTypeCode.Int64),
            ["longlong"] = TypeCharsOrNull('q'),
            ["uint64"] = Get(DTypeCode.UInt64), ["uint"] = Get(DTypeCode.UInt64), ["ulong"] = Get(DTypeCode.UInt64),
            ["uintp"] = Get(DTypeCode.UInt64), ["ulonglong"] = TypeCharsOrNull('Q'),
            ["float16"] = Get(DTypeCode.Float16), ["half"] = Get(DTypeCode.Float16),
            ["float32"] = Get(DTypeCode.Float32), ["single"] = Get(DTypeCode.Float32),
            ["float64"] = Get(DTypeCode.Float64), ["double"] = Get(DTypeCode.Float64), ["float"] = Get(DTypeCode.Float64),
            ["float128"] = Get(DTypeCode.Float128), ["longdouble"] = Get(DTypeCode.Float128),
            ["complex64"] = Get(DTypeCode.Complex64), ["csingle"] = Get(DTypeCode.Complex64),
            ["complex128"] = Get(DTypeCode.Complex128), ["cdouble"] = Get(DTypeCode.Complex128), ["complex"] = Get(DTypeCode.Complex128),
            ["complex256"] = Get(DTypeCode.Complex256), ["clongdouble"] = Get(DTypeCode.Complex256),
            ["object"] = Get(DTypeCode.Object), ["object_"] = Get(DTypeCode.Object),
            ["str"] = Get(DTypeCode.Unicode), ["str_"] = Get(DTypeCode.Unicode), ["unicode"] = Get(DTypeCode.Unicode),
            ["bytes"] = Get(DTypeCode.Bytes), ["bytes_"] = Get(DTypeCode.Bytes),
            ["void"] = Get(DTypeCode.Void),
        };
        return names;

        static DType TypeCharsOrNull(char c) => c == 'q'
            ? new DType(DTypeRegistry.Int64Class, 8, '=', null, 'q')
            : new DType(DTypeRegistry.UInt64Class, 8, '=', null, 'Q');
    }
}
