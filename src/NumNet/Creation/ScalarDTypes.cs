using System.Numerics;
using NumNet.DTypes;

namespace NumNet.Creation;

/// <summary>
/// The dtype NumPy discovers for one scalar leaf when no dtype is requested: .NET numbers map to the NumPy scalar of
/// the same width, <see cref="BigInteger"/> plays Python's int (int64, else uint64, else object), text gives U of its
/// length, <see cref="Bytes"/> S of its length, null gives object.
/// </summary>
internal static class ScalarDTypes
{
    private static readonly BigInteger UInt64Max = ulong.MaxValue;

    /// <summary>
    /// True when a Python int fits int64: 63 bits besides the sign in two's complement. Asking the length is several
    /// times cheaper than comparing with the bounds, and comparing with a long would allocate a BigInteger for it.
    /// </summary>
    public static bool FitsInt64(in BigInteger value) => value.GetBitLength() <= 63;

    /// <summary>True for the leaf types whose dtype does not depend on the value, so a row of them needs one lookup.</summary>
    public static bool IsValueIndependent(Type type) => ClrScalarTypes.TryGet(type, out _);

    /// <summary>True when <paramref name="value"/> is a scalar NumNet knows (a leaf that is not an object-dtype fallback).</summary>
    public static bool IsKnownScalar(object? value) =>
        value is null or string or Bytes or BigInteger or DateTime64 or TimeDelta64 || ClrScalarTypes.TryGet(value.GetType(), out _);

    /// <summary>The discovered dtype of a scalar; object for anything that is not a known scalar.</summary>
    public static DType Of(object? value)
    {
        switch (value)
        {
            case null:
                return np.object_;
            case string s:
                return np.str_.WithLength(TextLength(s));
            case Bytes b:
                return np.bytes_.WithLength(b.Length);
            case BigInteger i:
                return FitsInt64(i) ? np.int64 : i.Sign > 0 && i <= UInt64Max ? np.uint64 : np.object_;
            case DateTime64 d:
                return DateTimeDType(DTypeCode.DateTime64, d.Unit);
            case TimeDelta64 t:
                return DateTimeDType(DTypeCode.TimeDelta64, t.Unit);
        }
        return ClrScalarTypes.TryGet(value.GetType(), out var dtype) ? dtype : np.object_;
    }

    /// <summary>Number of code points, as NumPy's U counts them (a surrogate pair is one character).</summary>
    public static int TextLength(string s)
    {
        int n = s.Length;
        foreach (char c in s)
        {
            if (char.IsHighSurrogate(c))
                n--;
        }
        return n;
    }

    /// <summary>A datetime64 or timedelta64 dtype with the given unit.</summary>
    public static DType DateTimeDType(DTypeCode code, DateTimeMetadata unit) => DTypeParser.DateTimeDType(code, unit);
}
