using NumNet.DTypes;

namespace NumNet;

/// <summary>
/// NumPy's data-type descriptor: what one element of an array is. Immutable; equal descriptors compare equal
/// whatever spelling made them (<c>np.dtype("&lt;i8") == np.dtype("int64")</c>).
/// </summary>
/// <remarks>
/// A descriptor is a family (<see cref="Code"/>) plus its parameters: byte order, size for the flexible
/// families S, U and V, and the unit for datetime64/timedelta64. Create one with <see cref="np.dtype(string)"/>,
/// <see cref="np.dtype(Type)"/> or the static fields of <see cref="np"/> (<c>np.float64</c>).
/// </remarks>
public sealed partial class DType : IEquatable<DType>
{
    private readonly char _byteOrder;   // '=' native, '>' or '<' non-native, '|' not applicable
    private readonly char _typeChar;

    internal DType(DTypeClass family, int itemSize, char byteOrder, DateTimeMetadata? unit = null, char? typeChar = null, object? parameters = null)
    {
        Parameters = parameters;
        Family = family;
        ItemSize = itemSize;
        _byteOrder = NormalizeByteOrder(family, itemSize, byteOrder);
        DateTimeMeta = unit;
        _typeChar = typeChar ?? family.TypeChar;
    }

    internal DTypeClass Family { get; }

    /// <summary>
    /// The parameters a registered class keeps in its descriptors (StringDType's <c>na_object</c>, <c>coerce</c> and
    /// string storage); null for the built-in families. Part of equality, through the object's own <c>Equals</c>.
    /// </summary>
    internal object? Parameters { get; }

    /// <summary>
    /// The family of this dtype. A class that registers itself (NumPy's non-legacy DTypes, such as
    /// <c>np.dtypes.StringDType()</c>) has NumPy's type number for it, which no <see cref="DTypeCode"/> member names
    /// (StringDType is 2056, NumPy's <c>NPY_VSTRING</c>); tell such dtypes apart by <see cref="Kind"/> or <see cref="Char"/>.
    /// </summary>
    public DTypeCode Code => Family.Code;

    /// <summary>Element size in bytes (NumPy's <c>itemsize</c>). 0 for an unsized S, U or V.</summary>
    public int ItemSize { get; }

    /// <summary>Required alignment in bytes (NumPy's <c>alignment</c>).</summary>
    public int Alignment => Family.Alignment;

    /// <summary>NumPy's kind letter (<c>kind</c>): b i u f c O S U V M m.</summary>
    public char Kind => Family.Kind;

    /// <summary>NumPy's type character (<c>char</c>): ? b B h H i I l L q Q e f d g F D G O S U V M m c.</summary>
    public char Char => _typeChar;

    /// <summary>
    /// NumPy's <c>byteorder</c>: <c>'='</c> native, <c>'&lt;'</c> little, <c>'&gt;'</c> big, <c>'|'</c> not applicable.
    /// </summary>
    public char ByteOrder => _byteOrder;

    /// <summary>True when elements are stored in this machine's byte order (NumPy's <c>isnative</c>).</summary>
    public bool IsNative => _byteOrder is '=' or '|';

    /// <summary>For datetime64 and timedelta64, the unit and multiplier; null otherwise.</summary>
    public DateTimeMetadata? DateTimeMeta { get; }

    /// <summary>The CLR type an element reads as (<c>double</c> for float64, <c>long</c> for datetime64); null for S, U, V and object.</summary>
    public Type? ElementType => Family.ElementType;

    /// <summary>True for the flexible families S, U and V.</summary>
    public bool IsFlexible => Family.IsFlexible;

    /// <summary>True when an element holds a .NET reference (dtype object).</summary>
    public bool IsObject => Family.Code == DTypeCode.Object;

    /// <summary>Number of characters for U, of bytes for S and V; 0 for the others.</summary>
    public int Length => Code switch
    {
        DTypeCode.Unicode => ItemSize / 4,
        DTypeCode.Bytes or DTypeCode.Void => ItemSize,
        _ => 0,
    };

    /// <summary>NumPy's <c>name</c>: "float64", "bytes80", "str32", "datetime64[ns]".</summary>
    public string Name
    {
        get
        {
            if (Family is RegisteredDTypeClass registered)
                return registered.DescriptorName(this);
            if (Family.IsFlexible)
                return ItemSize == 0 ? Family.Name : Family.Name + (ItemSize * 8);
            if (DateTimeMeta is { } meta)
                return Family.Name + meta.ToString();
            return Family.Name;
        }
    }

    /// <summary>NumPy's <c>str</c>, the array-interface typestr: "&lt;f8", "|b1", "&lt;U5", "|S3", "&gt;i8", "&lt;M8[ns]".</summary>
    public string Str
    {
        get
        {
            char order = _byteOrder == '=' ? (BitConverter.IsLittleEndian ? '<' : '>') : _byteOrder;
            if (Family is RegisteredDTypeClass registered)
                return registered.TypeStr(this);
            if (IsObject)
                return "|O";
            int size = Code == DTypeCode.Unicode ? ItemSize / 4 : ItemSize;
            string unit = DateTimeMeta is { } meta ? meta.ToString() : "";
            // NumPy writes object as "|O": the size of a reference is not part of its typestr.
            return IsObject ? $"{order}O" : $"{order}{Kind}{size}{unit}";
        }
    }

    /// <summary>The same dtype in the other byte order (NumPy's <c>newbyteorder()</c> with no argument).</summary>
    public DType NewByteOrder() => NewByteOrder('S');

    /// <summary>
    /// The same dtype with byte order <paramref name="order"/>: 'S' swaps, '&lt;', '&gt;', '=' (native), '|' (ignore),
    /// as NumPy's <c>newbyteorder(order)</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not one of those characters.</exception>
    public DType NewByteOrder(char order)
    {
        char native = BitConverter.IsLittleEndian ? '<' : '>';
        char current = _byteOrder == '=' ? native : _byteOrder;
        char target = order switch
        {
            'S' or 's' => current == '<' ? '>' : current == '>' ? '<' : current,
            '<' or 'l' or 'L' => '<',
            '>' or 'b' or 'B' => '>',
            '=' or 'n' or 'N' => native,
            '|' or 'i' or 'I' => current,
            _ => throw new ArgumentException($"'{order}' is not a valid byte order; use one of S < > = |", nameof(order)),
        };
        if (_byteOrder == '|')
            return this;
        return new DType(Family, ItemSize, target, DateTimeMeta, _typeChar);
    }

    /// <summary>This dtype in native byte order (itself when it already is).</summary>
    public DType AsNative() => IsNative ? this : NewByteOrder('=');

    /// <summary>This flexible dtype with a new length (characters for U, bytes for S and V).</summary>
    internal DType WithLength(int length)
    {
        if (!IsFlexible)
            throw new InvalidOperationException($"dtype {this} has no length parameter");
        int size = Code == DTypeCode.Unicode ? checked(length * 4) : length;
        return new DType(Family, size, _byteOrder, null, _typeChar == 'c' && length != 1 ? 'S' : _typeChar);
    }

    /// <summary>NumPy's <c>str(dtype)</c>: "float32", "&gt;i8", "&lt;U5", "|S10", "object", "datetime64[ns]".</summary>
    public override string ToString()
    {
        if (Family is RegisteredDTypeClass registered)
            return registered.Repr(this);
        if (!IsNative)
            return Str;
        return Code switch
        {
            DTypeCode.Bytes or DTypeCode.Unicode or DTypeCode.Void => Str,
            _ => Name,
        };
    }

    /// <summary>NumPy's <c>repr(dtype)</c>: "dtype('float32')", "dtype('&gt;i8')", "dtype('S10')", "dtype('&lt;U')".</summary>
    public string Repr() => Family is RegisteredDTypeClass registered ? registered.Repr(this) : $"dtype('{ReprBody()}')";

    private string ReprBody()
    {
        switch (Code)
        {
            case DTypeCode.Object:
                return "O";
            case DTypeCode.Bytes or DTypeCode.Void:
                return ItemSize == 0 ? Kind.ToString() : $"{Kind}{ItemSize}";
            case DTypeCode.Unicode:
            {
                string str = Str;
                return ItemSize == 0 ? str[..2] : str;
            }
            case DTypeCode.DateTime64 or DTypeCode.TimeDelta64:
                return Str[..3] + (DateTimeMeta is { } m ? m.ToString() : "");
            default:
                return IsNative ? Name : Str;
        }
    }

    /// <summary>
    /// Equivalence as NumPy's <c>==</c> on dtypes: same family, size, effective byte order and unit. The type character
    /// does not count (<c>'l'</c> and <c>'q'</c> are both int64).
    /// </summary>
    public bool Equals(DType? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (Family == other.Family && ItemSize == other.ItemSize && _byteOrder == other._byteOrder &&
          Nullable.Equals(DateTimeMeta, other.DateTimeMeta) && Equals(Parameters, other.Parameters)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DType d && Equals(d);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Family.Code, ItemSize, _byteOrder, DateTimeMeta, Parameters);

    /// <summary>Equivalence of two dtypes (see <see cref="Equals(DType?)"/>).</summary>
    public static bool operator ==(DType? a, DType? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Non-equivalence of two dtypes.</summary>
    public static bool operator !=(DType? a, DType? b) => !(a == b);

    /// <summary>Parses any spelling NumPy accepts (see <see cref="np.dtype(string)"/>).</summary>
    public static implicit operator DType(string spelling) => np.dtype(spelling);

    /// <summary>The dtype of a .NET type (see <see cref="np.dtype(Type)"/>).</summary>
    public static implicit operator DType(Type type) => np.dtype(type);

    private static char NormalizeByteOrder(DTypeClass family, int itemSize, char byteOrder)
    {
        // Byte order means nothing for single bytes, byte strings, raw bytes, bool and object references.
        bool orderless = family.SwapUnit <= 1 || family.Code is DTypeCode.Object;
        if (orderless)
            return '|';
        char native = BitConverter.IsLittleEndian ? '<' : '>';
        return byteOrder switch
        {
            '=' or '|' => '=',
            _ when byteOrder == native => '=',
            '<' or '>' => byteOrder,
            _ => throw new ArgumentException($"'{byteOrder}' is not a byte order"),
        };
    }
}
