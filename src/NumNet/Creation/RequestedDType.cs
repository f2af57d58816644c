using NumNet.DTypes;
using NumNet.DTypes.Promotion;

namespace NumNet.Creation;

/// <summary>
/// What the caller's <c>dtype=</c> leaves for discovery to find, in NumPy's three cases: nothing requested (promote
/// over all leaves), a complete dtype (only the shape is discovered), or an incomplete one, a family whose parameter
/// comes from the data (<c>"U"</c>, <c>"S"</c>, <c>"V"</c> without a size, <c>"M8"</c>/<c>"m8"</c> without a unit).
/// </summary>
internal sealed class RequestedDType
{
    private readonly DType? _dtype;

    private RequestedDType(DType? dtype, bool complete)
    {
        _dtype = dtype;
        IsComplete = complete;
    }

    /// <summary>Nothing requested: the dtype is discovered.</summary>
    public static readonly RequestedDType None = new(null, complete: false);

    /// <summary>Classifies the caller's dtype.</summary>
    public static RequestedDType For(DType? dtype) => dtype is null ? None : new(dtype, !IsIncomplete(dtype));

    /// <summary>The caller's dtype, if any.</summary>
    public DType? DType => _dtype;

    /// <summary>True when the result's dtype is fixed: leaves need no dtype of their own.</summary>
    public bool IsComplete { get; }

    /// <summary>Ragged input is allowed only into object arrays (whose elements are then the sub-sequences).</summary>
    public bool AllowsRagged => _dtype is { IsObject: true };

    private static bool IsIncomplete(DType d) =>
        (d.IsFlexible && d.ItemSize == 0) || d.DateTimeMeta is { IsGeneric: true };

    private bool IsTimeClass => _dtype?.DateTimeMeta is not null;

    /// <summary>
    /// True when a leaf of type <paramref name="type"/> tells discovery nothing a previous leaf of the same type did not:
    /// any known scalar once the dtype is complete, value-independent number types when promoting.
    /// </summary>
    public bool CanSkip(Type type)
    {
        if (IsComplete)
            return type == typeof(string) || type == typeof(Bytes) || type == typeof(System.Numerics.BigInteger) || ScalarDTypes.IsValueIndependent(type);
        return _dtype is null && ScalarDTypes.IsValueIndependent(type);
    }

    /// <summary>The dtype one scalar leaf contributes.</summary>
    public DType LeafOfScalar(object? value)
    {
        if (_dtype is null)
            return ScalarDTypes.Of(value);
        // A NumPy scalar the requested family does not take itself is cast: it sizes the result from its descriptor
        // (np.int32 gives U11, a timedelta64 U21, whatever the value), as an array of its dtype would.
        if (ScalarPack.OwnDType(value) is { } own)
        {
            if (!ScalarPack.TakesDirectly(_dtype, own))
            {
                using var cell = ScalarPack.Cell(value!, own);
                return AdaptTo(cell);
            }
            value = ScalarPack.Unwrap(value);
        }
        if (IsTimeClass)
            return TimeLeaf(value);
        return _dtype.Code switch
        {
            DTypeCode.Unicode => _dtype.WithLength(ScalarDTypes.TextLength(ScalarCoercion.ToText(value))),
            DTypeCode.Bytes => _dtype.WithLength(ScalarCoercion.ToBytes(value).Length),
            _ => _dtype.WithLength(value is Bytes b ? b.Length : value is byte[] a ? a.Length : 0),
        };
    }

    /// <summary>The dtype an array contributes: its own, or the requested family adapted to it.</summary>
    public DType LeafOfArray(NDArray array) => _dtype is null ? array.DType : AdaptTo(array);

    /// <summary>
    /// The requested dtype made concrete for casting <paramref name="array"/> to it (NumPy's adapt-descriptor-to-array):
    /// U/S get the width of the source's text, V its item size, a generic time unit the source's unit.
    /// </summary>
    public DType AdaptTo(NDArray array)
    {
        var d = _dtype!;
        if (IsComplete)
            return d;
        var from = array.DType;
        // The array's own descriptor when it is of the family asked for; otherwise one in native byte order, since an
        // unsized request names only the family.
        if (from.Code == d.Code)
            return from;
        return AdaptFamily(d, array).AsNative();
    }

    private DType AdaptFamily(DType d, NDArray array)
    {
        var from = array.DType;
        if (IsTimeClass)
        {
            // datetime64 <-> timedelta64 keeps the unit.
            if (from.DateTimeMeta is { } unit)
                return DTypeParser.DateTimeDType(d.Code, unit, d.ByteOrder);
            if (from.Code is DTypeCode.Unicode or DTypeCode.Bytes && d.Code == DTypeCode.DateTime64)
                return FromElements(array, TextArrayLeaf) ?? d;
            // NumPy inspects the elements of an object array for any parametric class it is cast to.
            if (from.IsObject)
                return FromElements(array, LeafOfScalar) ?? d;
            return d;
        }
        if (from.IsObject)
            return FromElements(array, LeafOfScalar) ?? d.WithLength(1);
        if (d.Code == DTypeCode.Void)
            return d.WithLength(from.ItemSize);
        int length = from.Family.Text.Width(from) ?? throw new InvalidCastException($"Cannot cast array data from {from.Repr()} to {d.Repr()}.");
        return d.WithLength(length);
    }

    // Object and text arrays adapt element by element, as NumPy inspects them.
    private DType? FromElements(NDArray array, Func<object?, DType> leafOf)
    {
        DType? result = null;
        var index = new long[array.NDim];
        for (long n = 0; n < array.Size; n++)
        {
            var leaf = leafOf(array.GetValue(index));
            result = result is null ? leaf : Combine(result, leaf);
            Odometer.Next(index, array.ShapeRef);
        }
        return result;
    }

    // An element of a U/S array going into a datetime64 without a unit: unlike a text element of a sequence, one that
    // is no datetime raises here (NumPy's find_string_array_datetime64_type parses the array strictly).
    private DType TextArrayLeaf(object? value)
    {
        var text = value is Bytes b ? b.ToLatin1() : (string)value!;
        return DTypeParser.DateTimeDType(_dtype!.Code, DateTimes.Parse(text).Metadata, _dtype.ByteOrder);
    }

    private DType TimeLeaf(object? value)
    {
        var d = _dtype!;
        DateTimeMetadata unit = (d.Code, value) switch
        {
            (DTypeCode.DateTime64, string s) => DateTimes.DiscoveredUnit(s),
            (DTypeCode.DateTime64, Bytes b) => DateTimes.DiscoveredUnit(b.ToLatin1()),
            (DTypeCode.DateTime64, DateTime64 t) => t.Unit,
            (DTypeCode.DateTime64, DateTime or DateTimeOffset or DateOnly) => ScalarDTypes.Of(value).DateTimeMeta!.Value,
            (DTypeCode.TimeDelta64, TimeDelta64 t) => t.Unit,
            (DTypeCode.TimeDelta64, TimeSpan) => ScalarDTypes.Of(value).DateTimeMeta!.Value,
            _ => DateTimeMetadata.Generic,
        };
        return DTypeParser.DateTimeDType(d.Code, unit, d.ByteOrder);
    }

    /// <summary>Combines the dtypes of two leaves: promotion, or the common instance of the requested family.</summary>
    public DType Combine(DType a, DType b)
    {
        if (_dtype is null)
        {
            try
            {
                return DTypePromotion.Promote(a, b);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException)
            {
                // NumPy keeps going with object when leaves have no common dtype, whatever the promotion raised
                // (handle_promotion clears the error; datetime units without a common divisor overflow).
                return np.object_;
            }
        }
        if (IsTimeClass)
        {
            var ua = a.DateTimeMeta!.Value;
            var ub = b.DateTimeMeta!.Value;
            var unit = ua.IsGeneric ? ub : ub.IsGeneric ? ua : CommonUnit(ua, ub);
            return DTypeParser.DateTimeDType(_dtype.Code, unit, _dtype.ByteOrder);
        }
        return a.Length >= b.Length ? a : b;
    }

    // Units of a requested time family that have no common unit are NumPy's plain TypeError from the metadata divisor
    // (datetime.c), which creation with a fixed DType lets through; only np.result_type reports a promotion error.
    private DateTimeMetadata CommonUnit(DateTimeMetadata a, DateTimeMetadata b)
    {
        try
        {
            return DateTimeMetadata.Promote(a, b, _dtype!.Code == DTypeCode.TimeDelta64);
        }
        catch (InvalidCastException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    /// <summary>The result dtype once every leaf is seen (<paramref name="discovered"/> is null when there were none).</summary>
    public DType Finish(DType? discovered)
    {
        if (IsComplete)
            return _dtype!;
        var d = discovered ?? _dtype ?? np.float64;
        // An unsized request ('>U', '>m8') names only the family, as NumPy reads it: its byte order is not kept.
        if (_dtype is not null)
            d = d.AsNative();
        // An empty string still takes one character, as NumPy sizes new arrays.
        if (d.Code is DTypeCode.Unicode or DTypeCode.Bytes && d.ItemSize == 0)
            d = d.WithLength(1);
        return d;
    }
}
