using System.Numerics;
using NumNet.DTypes;
using NumNet.DTypes.Discovery;

namespace NumNet.Creation;

/// <summary>
/// The dtype NumPy discovers for one scalar leaf when no dtype is requested: .NET numbers map to the NumPy scalar of
/// the same width, <see cref="BigInteger"/> plays Python's int (int64, else uint64, else object), text gives U of its
/// length, <see cref="Bytes"/> S of its length, null gives object.
/// </summary>
internal static class ScalarDTypes
{
    private static readonly BigInteger UInt64Max = ulong.MaxValue;

    private static readonly DType UnsignedLongLong = np.dtype("Q");

    /// <summary>
    /// True when a Python int fits int64: 63 bits besides the sign in two's complement. Asking the length is several
    /// times cheaper than comparing with the bounds, and comparing with a long would allocate a BigInteger for it.
    /// </summary>
    public static bool FitsInt64(in BigInteger value) => value.GetBitLength() <= 63;

    /// <summary>True for the leaf types whose dtype does not depend on the value, so a row of them needs one lookup.</summary>
    public static bool IsValueIndependent(Type type) => ClrScalarTypes.TryGet(type, out _);

    /// <summary>True when <paramref name="value"/> is a scalar NumNet knows (a leaf that is not an object-dtype fallback).</summary>
    public static bool IsKnownScalar(object? value) =>
        value is null or BigInteger or NumPyScalar || ClrScalarTypes.TryGetClass(value.GetType(), out _);

    /// <summary>The discovered dtype of a scalar; object for anything that is not a known scalar.</summary>
    public static DType Of(object? value) => value switch
    {
        null => np.object_,
        // Python's int has no class of its own here (NumPy's abstract PyLongDType): the value picks int64, or above it
        // unsigned long long, 'Q', the same uint64 under another type character (discover_descriptor_from_pylong,
        // abstractdtypes.c), so asarray(that, dtype='u8') is a new view, not the input.
        BigInteger i => FitsInt64(i) ? np.int64 : i.Sign > 0 && i <= UInt64Max ? UnsignedLongLong : np.object_,
        NumPyScalar s => s.DType,
        _ => ClrScalarTypes.TryDiscover(value, out var dtype) ? dtype : np.object_,
    };

    /// <summary>Number of code points, as NumPy's U counts them (a surrogate pair is one character).</summary>
    public static int TextLength(string s) => UnicodeDiscovery.CodePoints(s);

    /// <summary>A datetime64 or timedelta64 dtype with the given unit.</summary>
    public static DType DateTimeDType(DTypeCode code, DateTimeMetadata unit) => DTypeParser.DateTimeDType(code, unit);
}
