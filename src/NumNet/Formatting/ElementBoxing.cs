using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Memory;

namespace NumNet.Formatting;

/// <summary>Reads one element at a byte offset as the boxed value <see cref="NDArray.GetValue"/> would return.</summary>
internal static class ElementBoxing
{
    public static object? Get(NDArray array, long byteOffset)
    {
        if (array.Buffer.Objects is { } objects)
            return objects[byteOffset / ObjectBuffer.ElementSize];
        ref byte at = ref Unsafe.Add(ref array.Buffer.GetReference(), (nint)byteOffset);
        return array.DType.Family.GetBoxed(MemoryMarshal.CreateReadOnlySpan(ref at, array.DType.ItemSize), array.DType);
    }
}
