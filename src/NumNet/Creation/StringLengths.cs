namespace NumNet.Creation;

/// <summary>
/// How many characters NumPy reserves for the <c>str()</c> of any value of a dtype, used when numbers are cast or
/// promoted to an unsized S or U (int64 → U21, float64 → U32, bool → U5).
/// </summary>
internal static class StringLengths
{
    /// <summary>The length for <paramref name="dtype"/>; null for dtypes that have none (datetimes, void, object).</summary>
    public static int? For(DType dtype) => dtype.Code switch
    {
        DTypeCode.Bool => 5,
        DTypeCode.Int8 => 4,
        DTypeCode.UInt8 => 3,
        DTypeCode.Int16 => 6,
        DTypeCode.UInt16 => 5,
        DTypeCode.Int32 => 11,
        DTypeCode.UInt32 => 10,
        DTypeCode.Int64 => 21,
        DTypeCode.UInt64 => 20,
        DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64 => 32,
        DTypeCode.Float128 => 48,
        DTypeCode.Complex64 or DTypeCode.Complex128 => 64,
        DTypeCode.Complex256 => 96,
        DTypeCode.Unicode or DTypeCode.Bytes => dtype.Length,
        _ => null,
    };
}
