using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// The condition every write of the fill stage asserts before it forms a reference into the result's buffer: the
/// bytes it touches lie inside the buffer. Release builds rely on the lengths checked against what discovery
/// allocated; debug builds check the arithmetic too, so the next slip fails a test instead of overwriting the heap.
/// </summary>
internal static class FillBounds
{
    /// <summary>
    /// True when <paramref name="count"/> items of <paramref name="itemSize"/> bytes, the first at
    /// <paramref name="byteOffset"/> and each <paramref name="stride"/> bytes after the last, all lie inside
    /// <paramref name="buffer"/>.
    /// </summary>
    public static bool Within(ArrayBuffer buffer, long byteOffset, long count, long stride, long itemSize)
    {
        if (count == 0)
            return true;
        // Int128: the assertion must hold for wild inputs, not overflow into a false "inside".
        Int128 first = byteOffset, last = byteOffset + (Int128)(count - 1) * stride;
        Int128 low = Int128.Min(first, last), high = Int128.Max(first, last);
        return count > 0 && low >= 0 && high + itemSize <= buffer.ByteLength;
    }

    /// <summary>True when one item of <paramref name="itemSize"/> bytes at <paramref name="byteOffset"/> lies inside <paramref name="buffer"/>.</summary>
    public static bool Within(ArrayBuffer buffer, long byteOffset, long itemSize) => Within(buffer, byteOffset, 1, 0, itemSize);
}
