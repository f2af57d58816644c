using NumNet.DTypes;

namespace NumNet.Tests.Casting;

/// <summary>
/// <see cref="HalfBits"/> against references this file derives on its own: a float16's value from its fields, the
/// nearest float16 of a value by searching the float16 values and comparing with the exact midpoints, and NumPy's NaN
/// rule (payload moved whole when widening, its top ten bits kept, at least one set, when narrowing).
/// </summary>
public sealed class HalfBitsTests
{
    private const ushort Infinity = 0x7C00;

    // The value of a float16 from its fields: subnormals are m·2^-24, normals (1024 + m)·2^(e-25).
    private static double Value(int bits)
    {
        int exponent = (bits >> 10) & 0x1F, significand = bits & 0x3FF;
        double magnitude = exponent == 0 ? Math.ScaleB(significand, -24) : Math.ScaleB(1024 + significand, exponent - 25);
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    // The float16 nearest to a non-NaN value, ties to the even significand; from 65520 (halfway to 65536) infinite.
    private static ushort Nearest(double x)
    {
        ushort sign = (ushort)(double.IsNegative(x) ? 0x8000 : 0);
        double a = Math.Abs(x);
        if (a >= 65520)
            return (ushort)(sign | Infinity);
        int low = 0, high = Infinity;   // Value(low) <= a < Value(high)
        while (high - low > 1)
        {
            int mid = (low + high) / 2;
            if (Value(mid) <= a) low = mid; else high = mid;
        }
        double midpoint = (Value(low) + Value(high)) / 2;   // exact: twelve significant bits
        int nearest = a < midpoint ? low : a > midpoint ? high : (low & 1) == 0 ? low : high;
        return (ushort)(sign | nearest);
    }

    private static ushort NarrowedNaN(uint sign, ulong payloadTopTen) => (ushort)(sign | Infinity | Math.Max(payloadTopTen & 0x3FF, 1UL));

    private static ushort ExpectedFromSingle(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        return float.IsNaN(x) ? NarrowedNaN((bits >> 16) & 0x8000, (bits & 0x7F_FFFF) >> 13) : Nearest(x);
    }

    private static ushort ExpectedFromDouble(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        return double.IsNaN(x) ? NarrowedNaN((uint)(bits >> 48) & 0x8000, (bits & 0xF_FFFF_FFFF_FFFF) >> 42) : Nearest(x);
    }

    private static uint ExpectedSingleBits(ushort half) =>
        (half & 0x7C00) == 0x7C00
            ? (uint)(half & 0x8000) << 16 | 0x7F80_0000 | (uint)(half & 0x3FF) << 13
            : BitConverter.SingleToUInt32Bits((float)Value(half));

    private static ulong ExpectedDoubleBits(ushort half) =>
        (half & 0x7C00) == 0x7C00
            ? (ulong)(half & 0x8000) << 48 | 0x7FF0_0000_0000_0000 | (ulong)(half & 0x3FF) << 42
            : BitConverter.DoubleToUInt64Bits(Value(half));

    private static ushort Bits(Half h) => BitConverter.HalfToUInt16Bits(h);

    private static Half[] EveryHalf()
    {
        var halves = new Half[65_536];
        for (int i = 0; i < halves.Length; i++)
            halves[i] = BitConverter.UInt16BitsToHalf((ushort)i);
        return halves;
    }

    [Fact]
    public void Every_float16_widens_to_float32_exactly_and_keeps_a_NaN_payload()
    {
        var halves = EveryHalf();
        var vector = new float[halves.Length];
        HalfBits.Convert(halves, vector);
        for (int i = 0; i < halves.Length; i++)
        {
            uint expected = ExpectedSingleBits((ushort)i);
            Assert.True(expected == BitConverter.SingleToUInt32Bits(HalfBits.ToSingle(halves[i])), $"scalar 0x{i:X4}");
            Assert.True(expected == BitConverter.SingleToUInt32Bits(vector[i]), $"run 0x{i:X4}: 0x{BitConverter.SingleToUInt32Bits(vector[i]):X8}, expected 0x{expected:X8}");
        }
    }

    [Fact]
    public void Every_float16_widens_to_float64_exactly_and_keeps_a_NaN_payload()
    {
        var halves = EveryHalf();
        var run = new double[halves.Length];
        HalfBits.Convert(halves, run);
        for (int i = 0; i < halves.Length; i++)
        {
            ulong expected = ExpectedDoubleBits((ushort)i);
            Assert.True(expected == BitConverter.DoubleToUInt64Bits(HalfBits.ToDouble(halves[i])), $"scalar 0x{i:X4}");
            Assert.True(expected == BitConverter.DoubleToUInt64Bits(run[i]), $"run 0x{i:X4}");
        }
    }

    // Every float16 value, and for each step to the next one: the midpoint and its neighbours one unit in the last
    // place of TFloat away, with both signs.
    private static List<double> BoundariesAndTies(Func<double, double> below, Func<double, double> above)
    {
        var values = new List<double>();
        for (int k = 0; k < Infinity; k++)
        {
            double midpoint = (Value(k) + Value(k + 1)) / 2;
            foreach (double x in (double[])[Value(k), below(midpoint), midpoint, above(midpoint)])
            {
                values.Add(x);
                values.Add(-x);
            }
        }
        return values;
    }

    private static readonly double[] Extremes =
    [
        0.0, -0.0, 65504, 65519.99, 65520, 65536, 1e5, 3.4028234663852886e38, double.PositiveInfinity, double.NegativeInfinity,
        1.401298464324817e-45, -1.401298464324817e-45, 1.1754942106924411e-38, 2.9802322387695312e-08, 2.98023223876953125e-08 * 1.5,
        5.9604644775390625e-08, 6.103515625e-05, 6.1035156249999993e-05, 6.097555160522461e-05,
    ];

    private static IEnumerable<float> SingleNaNs()
    {
        foreach (uint payload in (uint[])[1, 0x1FFF, 0x2000, 0x2001, 0x3F_FFFF, 0x40_0000, 0x40_0001, 0x40_2000, 0x20_0000, 0x7F_E000, 0x7F_FFFF, 0x15_5555])
        {
            yield return BitConverter.UInt32BitsToSingle(0x7F80_0000 | payload);
            yield return BitConverter.UInt32BitsToSingle(0xFF80_0000 | payload);
        }
    }

    private static IEnumerable<double> DoubleNaNs()
    {
        foreach (ulong payload in (ulong[])[1, 0x3FF_FFFF_FFFF, 0x400_0000_0000, 0x7_FFFF_FFFF_FFFF, 0x8_0000_0000_0000, 0x8_0000_0000_0001, 0x4_0000_0000_0000, 0xF_FFFF_FFFF_FFFF, 0x5_5555_5555_5555])
        {
            yield return BitConverter.UInt64BitsToDouble(0x7FF0_0000_0000_0000 | payload);
            yield return BitConverter.UInt64BitsToDouble(0xFFF0_0000_0000_0000 | payload);
        }
    }

    private static float[] SingleCases()
    {
        var values = BoundariesAndTies(m => MathF.BitDecrement((float)m), m => MathF.BitIncrement((float)m)).Select(x => (float)x).ToList();
        values.AddRange(Extremes.Select(x => (float)x));
        values.AddRange(SingleNaNs());
        // Float32 subnormals, which all round to a signed zero.
        values.AddRange([BitConverter.UInt32BitsToSingle(0x0000_0001), BitConverter.UInt32BitsToSingle(0x807F_FFFF), float.MaxValue, float.MinValue]);
        return [.. values];
    }

    private static double[] DoubleCases()
    {
        var values = BoundariesAndTies(Math.BitDecrement, Math.BitIncrement);
        // Just past a midpoint by less than a float32 step: through float32 these would round to the tie and then to
        // even; rounded once they go to the far side.
        for (int k = 0; k < Infinity; k += 7)
        {
            double midpoint = (Value(k) + Value(k + 1)) / 2;
            double step = Math.ScaleB(Math.Max(midpoint, 1e-300), -30);
            values.AddRange([midpoint + step, midpoint - step, -(midpoint + step)]);
        }
        values.AddRange(Extremes);
        values.AddRange(DoubleNaNs());
        values.AddRange([double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-30]);
        return [.. values];
    }

    [Fact]
    public void Float32_rounds_to_the_nearest_float16_at_every_boundary_and_tie_and_keeps_NaN_payload_bits() =>
        AssertNarrowing(SingleCases(), ExpectedFromSingle, HalfBits.FromSingle, HalfBits.Convert,
            x => $"float32 0x{BitConverter.SingleToUInt32Bits(x):X8} ({x:R})");

    [Fact]
    public void Float64_rounds_once_to_the_nearest_float16_and_keeps_NaN_payload_bits() =>
        AssertNarrowing(DoubleCases(), ExpectedFromDouble, HalfBits.FromDouble, HalfBits.Convert,
            x => $"float64 0x{BitConverter.DoubleToUInt64Bits(x):X16} ({x:R})");

    // Each value one at a time and all of them as one run (the vector loop and its tail) against the reference.
    private static void AssertNarrowing<T>(T[] values, Func<T, ushort> expectedOf, Func<T, Half> one, SpanConversion<T> run, Func<T, string> describe)
    {
        var halves = new Half[values.Length];
        run(values, halves);
        for (int i = 0; i < values.Length; i++)
        {
            ushort expected = expectedOf(values[i]), scalar = Bits(one(values[i]));
            Assert.True(expected == scalar, $"scalar {describe(values[i])}: 0x{scalar:X4}, expected 0x{expected:X4}");
            Assert.True(expected == Bits(halves[i]), $"run {describe(values[i])}: 0x{Bits(halves[i]):X4}, expected 0x{expected:X4}");
        }
    }

    private delegate void SpanConversion<T>(ReadOnlySpan<T> source, Span<Half> destination);

    [Theory]
    [InlineData(0x7F80_0001u, (ushort)0x7C01)]
    [InlineData(0xFFA0_0000u, (ushort)0xFD00)]
    [InlineData(0x7FC0_0000u, (ushort)0x7E00)]
    [InlineData(0x7F80_2000u, (ushort)0x7C01)]
    public void The_NaN_cases_NumPy_gives(uint single, ushort half) =>
        Assert.Equal(half, Bits(HalfBits.FromSingle(BitConverter.UInt32BitsToSingle(single))));

    // Values that exercise every lane case: specials, subnormals, ties, NaNs with payloads.
    private static float[] Mixed(int length, int seed)
    {
        var cases = SingleCases();
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => cases[random.Next(cases.Length)])];
    }

    public static TheoryData<int> Offsets() => [.. Enumerable.Range(0, 16)];

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Runs_of_length_0_to_40_at_every_alignment_match_the_scalar_path_and_write_nothing_past_the_end(int offset)
    {
        for (int length = 0; length <= 40; length++)
        {
            var singles = Mixed(offset + length, length * 31 + offset);
            var halves = new Half[offset + length + 3];
            Array.Fill(halves, BitConverter.UInt16BitsToHalf(0x7E5A));
            HalfBits.Convert(singles.AsSpan(offset), halves.AsSpan(offset));
            for (int i = 0; i < length; i++)
                Assert.Equal(Bits(HalfBits.FromSingle(singles[offset + i])), Bits(halves[offset + i]));
            Assert.All(halves[..offset].Concat(halves[(offset + length)..]), h => Assert.Equal(0x7E5A, Bits(h)));

            var widened = new float[offset + length + 3];
            Array.Fill(widened, 7f);
            HalfBits.Convert(halves.AsSpan(offset, length), widened.AsSpan(offset));
            for (int i = 0; i < length; i++)
                Assert.Equal(BitConverter.SingleToUInt32Bits(HalfBits.ToSingle(halves[offset + i])), BitConverter.SingleToUInt32Bits(widened[offset + i]));
            Assert.All(widened[..offset].Concat(widened[(offset + length)..]), x => Assert.Equal(7f, x));

            var doubles = singles.Select(x => (double)x).ToArray();
            var fromDoubles = new Half[offset + length];
            HalfBits.Convert(doubles.AsSpan(offset), fromDoubles.AsSpan(offset));
            var toDoubles = new double[offset + length];
            HalfBits.Convert(fromDoubles.AsSpan(offset), toDoubles.AsSpan(offset));
            for (int i = offset; i < offset + length; i++)
            {
                Assert.Equal(Bits(HalfBits.FromDouble(doubles[i])), Bits(fromDoubles[i]));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(HalfBits.ToDouble(fromDoubles[i])), BitConverter.DoubleToUInt64Bits(toDoubles[i]));
            }
        }
    }
}
