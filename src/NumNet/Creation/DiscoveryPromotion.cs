using NumNet.DTypes;

namespace NumNet.Creation;

/// <summary>
/// NumPy's <c>promote_types</c> for the leaves met while discovering an array's dtype: the smallest dtype that holds
/// both. Booleans sit below integers, integers below floats, floats below complex; mixed signed/unsigned integers go
/// to the next signed size (int64 with uint64 to float64); numbers meeting text become text long enough for their
/// <c>str()</c>.
/// </summary>
/// <remarks>
/// Discovery only; the public <c>result_type</c>/<c>promote_types</c> belong to Casting, which may replace this
/// table once it lands.
/// </remarks>
internal static class DiscoveryPromotion
{
    /// <summary>The common dtype of <paramref name="a"/> and <paramref name="b"/>, in native byte order.</summary>
    /// <exception cref="InvalidCastException">No common dtype exists (NumPy's DTypePromotionError).</exception>
    public static DType Promote(DType a, DType b)
    {
        if (ReferenceEquals(a, b) || a == b)
            return a.AsNative();
        if (a.IsObject || b.IsObject)
            return np.object_;
        DTypeCode ca = a.Code, cb = b.Code;
        if (IsText(ca) || IsText(cb))
            return PromoteText(a, b);
        if (IsTime(ca) || IsTime(cb))
            return PromoteTime(a, b);
        if (ca == DTypeCode.Void || cb == DTypeCode.Void)
            throw NoCommon(a, b);
        return DTypeRegistry.Get(PromoteNumbers(ca, cb));
    }

    private static bool IsText(DTypeCode c) => c is DTypeCode.Unicode or DTypeCode.Bytes;

    private static bool IsTime(DTypeCode c) => c is DTypeCode.DateTime64 or DTypeCode.TimeDelta64;

    private static DType PromoteText(DType a, DType b)
    {
        bool unicode = a.Code == DTypeCode.Unicode || b.Code == DTypeCode.Unicode;
        int la = TextLength(a, b), lb = TextLength(b, a);
        var family = unicode ? np.str_ : np.bytes_;
        return family.WithLength(Math.Max(la, lb));
    }

    // The length a dtype needs as text: its own length for S/U, the width of its str() for numbers.
    private static int TextLength(DType d, DType other) =>
        d.Code is DTypeCode.Unicode or DTypeCode.Bytes ? d.Length : StringLengths.For(d) ?? throw NoCommon(d, other);

    private static DType PromoteTime(DType a, DType b)
    {
        if (a.Code == DTypeCode.TimeDelta64 && b.Code == DTypeCode.TimeDelta64)
            return Time(DTypeCode.TimeDelta64, a, b, timedelta: true);
        if (IsTime(a.Code) && IsTime(b.Code))
            return Time(DTypeCode.DateTime64, a, b, timedelta: false);
        // A timedelta absorbs booleans and integers; nothing else mixes with times.
        var (time, other) = IsTime(a.Code) ? (a, b) : (b, a);
        if (time.Code == DTypeCode.TimeDelta64 && other.Kind is 'b' or 'i' or 'u')
            return time.AsNative();
        throw NoCommon(a, b);
    }

    private static DType Time(DTypeCode code, DType a, DType b, bool timedelta) =>
        ScalarDTypes.DateTimeDType(code, DateTimeMetadata.Promote(a.DateTimeMeta!.Value, b.DateTimeMeta!.Value, timedelta));

    private static DTypeCode PromoteNumbers(DTypeCode a, DTypeCode b)
    {
        if (a == DTypeCode.Bool) return b;
        if (b == DTypeCode.Bool) return a;
        int ka = Rank(a), kb = Rank(b);
        if (ka == 0 && kb == 0)
            return PromoteIntegers(a, b);
        // At least one inexact: promote the float parts, then put the complex back if either side had one.
        bool complex = ka == 2 || kb == 2;
        int bits = Math.Max(FloatBits(a), FloatBits(b));
        return (complex, bits) switch
        {
            (false, 16) => DTypeCode.Float16,
            (false, 32) => DTypeCode.Float32,
            (false, 64) => DTypeCode.Float64,
            (false, _) => DTypeCode.Float128,
            (true, <= 32) => DTypeCode.Complex64,
            (true, 64) => DTypeCode.Complex128,
            _ => DTypeCode.Complex256,
        };
    }

    // 0 integer, 1 real float, 2 complex.
    private static int Rank(DTypeCode c) => c switch
    {
        DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64 or DTypeCode.Float128 => 1,
        DTypeCode.Complex64 or DTypeCode.Complex128 or DTypeCode.Complex256 => 2,
        _ => 0,
    };

    // Bits of the smallest float that holds every value of the type exactly enough for NumPy's safe casts.
    private static int FloatBits(DTypeCode c) => c switch
    {
        DTypeCode.Int8 or DTypeCode.UInt8 => 16,
        DTypeCode.Int16 or DTypeCode.UInt16 => 32,
        DTypeCode.Int32 or DTypeCode.UInt32 or DTypeCode.Int64 or DTypeCode.UInt64 => 64,
        DTypeCode.Float16 => 16,
        DTypeCode.Float32 or DTypeCode.Complex64 => 32,
        DTypeCode.Float64 or DTypeCode.Complex128 => 64,
        _ => 128,
    };

    private static DTypeCode PromoteIntegers(DTypeCode a, DTypeCode b)
    {
        var da = DTypeRegistry.Get(a);
        var db = DTypeRegistry.Get(b);
        bool sa = da.Kind == 'i', sb = db.Kind == 'i';
        if (sa == sb)
            return da.ItemSize >= db.ItemSize ? a : b;
        var (signed, unsigned) = sa ? (da, db) : (db, da);
        if (signed.ItemSize > unsigned.ItemSize)
            return signed.Code;
        return unsigned.ItemSize switch
        {
            1 => DTypeCode.Int16,
            2 => DTypeCode.Int32,
            4 => DTypeCode.Int64,
            _ => DTypeCode.Float64,
        };
    }

    private static InvalidCastException NoCommon(DType a, DType b) =>
        new($"The DType {a.Repr()} could not be promoted by {b.Repr()}. This means that no common DType exists for the given inputs.");
}
