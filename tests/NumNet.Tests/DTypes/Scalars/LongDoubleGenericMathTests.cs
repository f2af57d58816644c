using System.Globalization;
using System.Numerics;

namespace NumNet.Tests.DTypes.Scalars;

/// <summary><see cref="LongDouble"/> through the generic math interfaces it implements.</summary>
public sealed class LongDoubleGenericMathTests
{
    // CreateChecked is a static interface member with a default body, reachable only through a type parameter.
    private static LongDouble FromNumber<TFrom>(TFrom value) where TFrom : INumberBase<TFrom> => Create<LongDouble, TFrom>(value);

    private static T Create<T, TFrom>(TFrom value) where T : INumberBase<T> where TFrom : INumberBase<TFrom> => T.CreateChecked(value);

    private static T SumOfSquares<T>(IEnumerable<T> values) where T : INumberBase<T>
    {
        T sum = T.AdditiveIdentity;
        foreach (T v in values)
        {
            sum += v * v;
        }

        return sum;
    }

    [Fact]
    public void GenericArithmeticKeepsLongDoublePrecision()
    {
        LongDouble tenth = LongDouble.Parse("0.1");
        LongDouble s = SumOfSquares([tenth, LongDouble.One]);
        Assert.Equal((tenth * tenth) + LongDouble.One, s);
        Assert.NotEqual(new LongDouble(1.01), s);
    }

    [Fact]
    public void CreateFromAndToIntegersIsExactOrThrows()
    {
        Assert.Equal(new LongDouble(ulong.MaxValue), FromNumber(ulong.MaxValue));
        Assert.Equal(long.MinValue, long.CreateChecked(new LongDouble(long.MinValue)));
        Assert.Equal(ulong.MaxValue, ulong.CreateChecked(new LongDouble(ulong.MaxValue)));
        Assert.Throws<OverflowException>(() => long.CreateChecked(new LongDouble(ulong.MaxValue)));
        Assert.Throws<OverflowException>(() => int.CreateChecked(LongDouble.NaN));
        Assert.Equal(int.MaxValue, int.CreateSaturating(LongDouble.PositiveInfinity));
        Assert.Equal(0, int.CreateSaturating(LongDouble.NaN));
        Assert.Equal((byte)0, byte.CreateTruncating(-LongDouble.One));
        Assert.Equal(-2, int.CreateTruncating(LongDouble.Parse("-2.9")));
        Assert.Equal(Int128.MaxValue, Int128.CreateSaturating(LongDouble.MaxValue));
        Assert.Equal((UInt128)ulong.MaxValue << 64, UInt128.CreateChecked(new LongDouble(ulong.MaxValue) * new LongDouble(18446744073709551616.0)));
        Assert.Equal(new LongDouble(ulong.MaxValue) * new LongDouble(18446744073709551616.0), FromNumber((UInt128)ulong.MaxValue << 64));
        Assert.Equal(-new LongDouble(170141183460469231731687303715884105728.0), FromNumber(Int128.MinValue));
        Assert.Throws<NotSupportedException>(() => FromNumber(1m));
    }

    [Fact]
    public void ToFloatsRoundOnce()
    {
        LongDouble third = LongDouble.One / new LongDouble(3.0);
        Assert.Equal((double)third, double.CreateChecked(third));
        Assert.Equal((float)third, float.CreateChecked(third));
        Assert.Equal(LongDouble.ToHalfCorrectlyRounded(third), Half.CreateChecked(third));
    }

    [Fact]
    public void PredicatesAndMagnitudes()
    {
        Assert.True(LongDouble.IsEvenInteger(new LongDouble(1e300)));
        Assert.True(LongDouble.IsOddInteger(new LongDouble(9007199254740993UL)));
        Assert.False(LongDouble.IsInteger(LongDouble.Parse("0.5")));
        Assert.True(LongDouble.IsEvenInteger(LongDouble.NegativeZero));
        Assert.False(LongDouble.IsInteger(LongDouble.PositiveInfinity));
        Assert.False(LongDouble.IsCanonical(new LongDouble(LongDouble.IntegerBit, 0)));
        Assert.True(LongDouble.IsCanonical(LongDouble.Epsilon));
        Assert.Equal(LongDouble.NegativeOne * 3, LongDouble.MaxMagnitude(new LongDouble(2.0), new LongDouble(-3.0)));
        Assert.True(LongDouble.IsNaN(LongDouble.MaxMagnitude(LongDouble.NaN, LongDouble.One)));
        Assert.Equal(LongDouble.One, LongDouble.MaxMagnitudeNumber(LongDouble.NaN, LongDouble.One));
        Assert.True(LongDouble.IsNegative(LongDouble.MinMagnitude(LongDouble.One, LongDouble.NegativeOne)));
        Assert.Equal(LongDouble.One, LongDouble.MinMagnitudeNumber(LongDouble.One, LongDouble.NaN));
    }

    [Fact]
    public void FormatsRAndGAndRefusesOthers()
    {
        LongDouble tenth = LongDouble.Parse("0.1");
        Assert.Equal("0.1", tenth.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal("0.1", $"{tenth:G}");
        Span<char> small = stackalloc char[2];
        Assert.False(tenth.TryFormat(small, out int written, "R", null));
        Assert.Equal(0, written);
        Assert.Throws<FormatException>(() => tenth.ToString("F3", null));
        Assert.Throws<ArgumentException>(() => LongDouble.Parse("10", NumberStyles.HexNumber, null));
        Assert.Equal(LongDouble.Parse("0.1"), LongDouble.Parse("0.1", NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
