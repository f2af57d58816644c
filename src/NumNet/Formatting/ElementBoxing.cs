using NumNet.Memory;

namespace NumNet.Formatting;

/// <summary>Reads one element at a byte offset as the boxed value <see cref="NDArray.GetValue"/> would return.</summary>
internal static class ElementBoxing
{
    public static object? Get(NDArray array, long byteOffset)
    {
        using var lease = array.Lease();
        if (array.DType.IsObject)
            return lease.Objects[byteOffset / ObjectBuffer.ElementSize];
        return array.DType.Family.GetBoxed(lease.Bytes(byteOffset, array.DType.ItemSize), array.DType);
    }
}
