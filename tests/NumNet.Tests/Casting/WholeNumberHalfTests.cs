using NumNet.DTypes;

namespace NumNet.Tests.Casting;

/// <summary>
/// <see cref="HalfBits"/>' float32 loop on whole numbers (an integer source's path to float16), bit for bit what .NET's
/// IEEE conversion gives (no NaN among them, where the two differ), for every integer up to beyond float16's range, the
/// ties on both sides of each rounding step, and the extremes an integer source can hold, in runs whose lengths leave
/// every remainder for the one-at-a-time tail.
/// </summary>
public sealed class WholeNumberHalfTests
{
    private static void AssertSameAsIeee(float[] values)
    {
        var halves = new Half[values.Length];
        HalfBits.Convert(values, halves);
        for (int i = 0; i < values.Length; i++)
        {
            ushort expected = BitConverter.HalfToUInt16Bits((Half)values[i]);
            ushort actual = BitConverter.HalfToUInt16Bits(halves[i]);
            Assert.True(expected == actual, $"{values[i]}: 0x{actual:X4}, IEEE gives 0x{expected:X4}");
        }
    }

    [Fact]
    public void Every_integer_from_minus_70000_to_70000()
    {
        var values = new float[140_001];
        for (int i = 0; i < values.Length; i++)
            values[i] = i - 70_000;
        AssertSameAsIeee(values);
    }

    [Fact]
    public void The_extremes_of_every_integer_source()
    {
        AssertSameAsIeee([
            0f, 65504f, 65505f, 65519f, 65520f, 65521f, -65519f, -65520f, 2047f, 2048f, 2049f, 2050f, 2051f, 4097f, 4098f,
            4099f, 16_777_215f, 16_777_216f, -16_777_216f, int.MaxValue, int.MinValue, short.MinValue, short.MaxValue,
            ushort.MaxValue, sbyte.MinValue, byte.MaxValue, 1f, -1f,
        ]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    public void Runs_of_any_length_convert_every_element_and_write_no_further(int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
            values[i] = 2039 + 3 * i;
        var halves = new Half[length + 3];
        Array.Fill(halves, Half.NaN);
        HalfBits.Convert(values, halves);
        for (int i = 0; i < length; i++)
            Assert.Equal((Half)values[i], halves[i]);
        Assert.All(halves[length..], h => Assert.True(Half.IsNaN(h)));
    }
}
