using System.Runtime.InteropServices;

namespace NumNet.Tests.Casting;

/// <summary>
/// <c>astype</c> to and from float16 keeps a NaN's payload as NumPy does on x86-64 (its casts use the bit routines of
/// <c>npymath/halffloat.cpp</c>, not the F16C instructions, which quiet a signalling NaN): the bits NumPy 1.24 gives,
/// and NumPy 2's source gives the same, through the contiguous loops and the element-by-element ones (a transposed
/// source).
/// </summary>
public sealed class HalfNaNCastTests
{
    // Eight copies of each value, so a contiguous run reaches the vector loop as well as its tail.
    private static T[] Repeated<T>(T value) => [.. Enumerable.Repeat(value, 24)];

    private static NDArray Transposed(NDArray a) => a.Reshape(4, 6).T;

    private static ushort[] HalfBits(NDArray a) => [.. MemoryMarshal.Cast<Half, ushort>(a.ToArray<Half>())];

    [Theory]
    [InlineData(0x7F80_0001u, (ushort)0x7C01)]
    [InlineData(0xFFA0_0000u, (ushort)0xFD00)]
    [InlineData(0x7F80_2000u, (ushort)0x7C01)]
    [InlineData(0x7FC0_0001u, (ushort)0x7E00)]
    [InlineData(0xFF80_0000u, (ushort)0xFC00)]
    public void Float32_to_float16_keeps_the_top_payload_bits(uint single, ushort expected) =>
        AssertNarrowsTo(np.array<float>(Repeated(BitConverter.UInt32BitsToSingle(single))), expected);

    [Theory]
    [InlineData(0x7FF0_0000_0000_0001ul, (ushort)0x7C01)]
    [InlineData(0xFFF4_0000_0000_0000ul, (ushort)0xFD00)]
    public void Float64_to_float16_keeps_the_top_payload_bits(ulong value, ushort expected) =>
        AssertNarrowsTo(np.array<double>(Repeated(BitConverter.UInt64BitsToDouble(value))), expected);

    // Contiguous (the vector loop and its tail) and transposed (element by element).
    private static void AssertNarrowsTo(NDArray source, ushort expected)
    {
        Assert.All(HalfBits(source.AsType("float16")), bits => Assert.Equal(expected, bits));
        Assert.All(HalfBits(Transposed(source).AsType("float16", order: "C")), bits => Assert.Equal(expected, bits));
    }

    [Theory]
    [InlineData((ushort)0x7C01, 0x7F80_2000u, 0x7FF0_0400_0000_0000ul)]
    [InlineData((ushort)0xFD00, 0xFFA0_0000u, 0xFFF4_0000_0000_0000ul)]
    [InlineData((ushort)0x7E00, 0x7FC0_0000u, 0x7FF8_0000_0000_0000ul)]
    public void Float16_widens_with_its_payload(ushort half, uint single, ulong wide)
    {
        var source = np.array<Half>(Repeated(BitConverter.UInt16BitsToHalf(half)));
        foreach (var a in (NDArray[])[source, Transposed(source)])
        {
            Assert.All(a.AsType("float32", order: "C").ToArray<float>(), x => Assert.Equal(single, BitConverter.SingleToUInt32Bits(x)));
            Assert.All(a.AsType("float64", order: "C").ToArray<double>(), x => Assert.Equal(wide, BitConverter.DoubleToUInt64Bits(x)));
        }
    }
}
