using System;
using System.Collections.Generic;
using NumNet.DTypes.Text.Digits;
using NumNet.Formatting;
using Xunit;

namespace NumNet.Tests.Formatting;

/// <summary>
/// Sweeps <see cref="FastDigits"/> (digits from .NET's shortest round-trip formatting) against the exact Dragon4
/// generator it stands in for, over random bit patterns, every float16, values next to short decimals (where
/// round-trip boundaries and ties live) and powers of two (unequal margins). A value tagged
/// <see cref="BinaryFloatFormat.Other"/> always takes the Dragon4 path, which gives the reference.
/// </summary>
public class FastDigitsTests
{
    private const int RandomCount = 200_000;
    private const int ExtendedCount = 20_000;

    /// <summary>Every finite float16, in every layout array printing and the scalar formatters use.</summary>
    [Fact]
    public void EveryHalf()
    {
        var values = new List<BinaryFloat>();
        for (int bits = 0; bits < 65536; bits++)
            values.Add(BinaryFloat.FromHalf(BitConverter.UInt16BitsToHalf((ushort)bits)));
        var stats = Sweep(values, extended: true);
        Assert.Equal(63486, stats.Shortest);
    }

    /// <summary>Random float64 bit patterns: every exponent equally likely, subnormals included.</summary>
    [Fact]
    public void RandomDoubleBits()
    {
        var random = new Random(20261122);
        var values = new List<BinaryFloat>();
        while (values.Count < RandomCount)
            values.Add(BinaryFloat.FromDouble(BitConverter.UInt64BitsToDouble((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63))));
        Sweep(values, extended: false);
        Sweep(values.GetRange(0, ExtendedCount), extended: true);
    }

    /// <summary>Random float32 bit patterns.</summary>
    [Fact]
    public void RandomSingleBits()
    {
        var random = new Random(20261123);
        var values = new List<BinaryFloat>();
        while (values.Count < RandomCount)
            values.Add(BinaryFloat.FromSingle(BitConverter.UInt32BitsToSingle((uint)random.NextInt64())));
        Sweep(values, extended: false);
        Sweep(values.GetRange(0, ExtendedCount), extended: true);
    }

    /// <summary>
    /// Values of the magnitudes arrays usually hold (1e-5 to 1e9), where the fast path must be the one taken.
    /// </summary>
    [Fact]
    public void OrdinaryMagnitudes()
    {
        var random = new Random(7);
        var doubles = new List<BinaryFloat>();
        var singles = new List<BinaryFloat>();
        for (int i = 0; i < RandomCount; i++)
        {
            double x = random.NextDouble() * Math.Pow(10, random.Next(-5, 10));
            doubles.Add(BinaryFloat.FromDouble(i % 3 == 0 ? i / 7.0 : x));
            singles.Add(BinaryFloat.FromSingle((float)x));
        }

        foreach (var values in new[] { doubles, singles })
        {
            var stats = Sweep(values, extended: false);
            // Only exact ties at the cutoff, and a shortest of 1 that is not a power of ten, need Dragon4.
            Assert.True(stats.FastPositional >= values.Count * 0.99, $"fast positional {stats.FastPositional} of {values.Count}: " + string.Join("; ", stats.Slow));
            Assert.True(stats.FastScientific >= values.Count * 0.99, $"fast scientific {stats.FastScientific} of {values.Count}");
            Sweep(values.GetRange(0, ExtendedCount), extended: true);
        }
    }

    /// <summary>
    /// The neighbours of short decimals (up to four digits, 1e-40 to 1e40): where a round-trip boundary or a
    /// rounding tie can fall exactly on a decimal.
    /// </summary>
    [Fact]
    public void NeighboursOfShortDecimals()
    {
        var random = new Random(11);
        var doubles = new List<BinaryFloat>();
        var singles = new List<BinaryFloat>();
        var halves = new List<BinaryFloat>();
        for (int i = 0; i < 25_000; i++)
        {
            double d = random.Next(1, 10_000) * Math.Pow(10, random.Next(-40, 41));
            d = double.Parse(d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            ulong db = BitConverter.DoubleToUInt64Bits(d);
            float f = (float)d;
            uint fb = BitConverter.SingleToUInt32Bits(f);
            ushort hb = BitConverter.HalfToUInt16Bits((Half)d);
            for (int delta = -2; delta <= 2; delta++)
            {
                doubles.Add(BinaryFloat.FromDouble(BitConverter.UInt64BitsToDouble((ulong)((long)db + delta))));
                if (float.IsFinite(f))
                    singles.Add(BinaryFloat.FromSingle(BitConverter.UInt32BitsToSingle((uint)((long)fb + delta))));
                if (i < 2000)
                    halves.Add(BinaryFloat.FromHalf(BitConverter.UInt16BitsToHalf((ushort)(hb + delta))));
            }
        }

        Sweep(doubles, extended: false);
        Sweep(singles, extended: false);
        Sweep(doubles.GetRange(0, ExtendedCount), extended: true);
        Sweep(singles.GetRange(0, ExtendedCount), extended: true);
        Sweep(halves, extended: true);
    }

    /// <summary>Every power of two of float64 and float32 and its neighbours (unequal round-trip margins).</summary>
    [Fact]
    public void PowersOfTwo()
    {
        var values = new List<BinaryFloat>();
        for (int k = -1074; k <= 1023; k++)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(Math.ScaleB(1.0, k));
            for (int delta = -1; delta <= 1; delta++)
                values.Add(BinaryFloat.FromDouble(BitConverter.UInt64BitsToDouble((ulong)((long)bits + delta))));
        }

        for (int k = -149; k <= 127; k++)
        {
            uint bits = BitConverter.SingleToUInt32Bits(MathF.ScaleB(1f, k));
            for (int delta = -1; delta <= 1; delta++)
                values.Add(BinaryFloat.FromSingle(BitConverter.UInt32BitsToSingle((uint)((long)bits + delta))));
        }

        Sweep(values, extended: true);
    }

    /// <summary>Counts of values for which the fast path answered by itself.</summary>
    private sealed class Stats
    {
        public int Shortest;
        public int FastPositional;
        public int FastScientific;
        public List<string> Slow = new();
    }

    private static Stats Sweep(List<BinaryFloat> values, bool extended)
    {
        var stats = new Stats();
        var failures = new List<string>();
        var scratch = FormatScratch.Current;
        Span<char> digits = stackalloc char[64];
        foreach (BinaryFloat value in values)
        {
            if (value.Kind != BinaryFloatKind.Finite || value.Significand == UInt128.Zero)
                continue;

            BinaryFloat slow = value with { Format = BinaryFloatFormat.Other };
            ShortestDecimal shortest = ShortestDecimal.Of(value);
            int count = DigitGenerator.Generate(slow, DigitMode.Unique, CutoffMode.TotalLength, -1, -1, 100, scratch, out int exponent);
            string expected = new string(scratch.Digits, 0, count) + "e" + exponent;
            if (shortest.IsKnown)
            {
                shortest.CopyDigitsTo(digits);
                string actual = new string(digits[..shortest.Count]) + "e" + shortest.Exponent;
                if (actual == expected)
                    stats.Shortest++;
                else if (failures.Count < 100)
                    failures.Add($"{Describe(value)}: shortest {actual}, Dragon4 {expected}");
            }
            else if (!value.UnequalMargins)
            {
                // Only a power of two may be refused, when .NET's digits for it do not read back.
                failures.Add($"{Describe(value)}: no shortest digits");
            }

            if (FastDigits.TryGenerate(value, shortest, CutoffMode.FractionLength, 8, -1, 16383, true, digits, out _, out _))
                stats.FastPositional++;
            else if (stats.Slow.Count < 30)
                stats.Slow.Add(Describe(value) + " " + FloatFormatCore.Positional(value, -1, true, true, TrimMode.Dot, SignMode.Minus, -1, -1, -1));
            if (FastDigits.TryGenerate(value, shortest, CutoffMode.TotalLength, 9, -1, 16383, true, digits, out _, out _))
                stats.FastScientific++;

            // The layouts array printing uses in its two passes, and the scalar defaults.
            Compare(value, slow, failures, v => FloatFormatCore.Positional(v, 8, true, true, TrimMode.Dot, SignMode.Minus, -1, -1, -1));
            Compare(value, slow, failures, v => FloatFormatCore.Scientific(v, 8, true, TrimMode.Dot, SignMode.Minus, -1, -1, -1));
            Compare(value, slow, failures, v => FloatFormatCore.Positional(v, -1, true, true, TrimMode.Dot, SignMode.Minus, -1, -1, -1));
            if (extended)
            {
                foreach (int p in new[] { 0, 2, 3, 4, 6, 7, 8, 9, 12, 15, 16, 17, 20 })
                    Compare(value, slow, failures, v => FloatFormatCore.Scientific(v, p, true, TrimMode.Keep, SignMode.Minus, 3, 3, p));
                foreach (int p in new[] { 1, 3, 8, 16, 25 })
                {
                    Compare(value, slow, failures, v => FloatFormatCore.Positional(v, p, true, true, TrimMode.Keep, SignMode.Plus, 4, p, p));
                    Compare(value, slow, failures, v => FloatFormatCore.Positional(v, p + 2, true, true, TrimMode.Keep, SignMode.Minus, -1, -1, p));
                    Compare(value, slow, failures, v => FloatFormatCore.Positional(v, p + 1, true, false, TrimMode.Keep, SignMode.Minus, -1, -1, p));
                    Compare(value, slow, failures, v => FloatFormatCore.Positional(v, -1, true, true, TrimMode.Zero, SignMode.Minus, -1, -1, p));
                    Compare(value, slow, failures, v => FloatFormatCore.Scientific(v, -1, true, TrimMode.DotAndZeros, SignMode.Minus, -1, -1, p));
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} differences, e.g.\n" + string.Join("\n", failures.GetRange(0, Math.Min(20, failures.Count))));
        return stats;
    }

    private static void Compare(BinaryFloat value, BinaryFloat slow, List<string> failures, Func<BinaryFloat, string> format)
    {
        string fast = format(value);
        string exact = format(slow);
        if (fast != exact && failures.Count < 100)
            failures.Add($"{Describe(value)}: fast [{fast}], Dragon4 [{exact}]");
    }

    private static string Describe(BinaryFloat value) =>
        $"{value.Format} {(value.Negative ? "-" : "")}{value.Significand}*2^{value.Exponent}";
}
