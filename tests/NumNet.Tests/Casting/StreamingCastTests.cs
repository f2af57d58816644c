using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting.Loops;
using NumNet.Layout;

namespace NumNet.Tests.Casting;

/// <summary>
/// Casts whose result is large enough for non-temporal stores (<see cref="StreamingCast.Threshold"/>), against the
/// per-element rules, so the streaming path and its tail are checked as well as the cached one.
/// </summary>
public sealed class StreamingCastTests
{
    private static Span<T> Items<T>(NDArray a) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref NumNet.Tests.Memory.TestMemory.Origin(a), (nint)a.Offset), (int)a.NBytes));

    private static void Check<TFrom, TTo>(DType from, DType to, Func<Random, TFrom> value)
        where TFrom : unmanaged where TTo : unmanaged, IEquatable<TTo>
    {
        int n = (int)(StreamingCast.Threshold / Unsafe.SizeOf<TTo>()) + 45;
        var random = new Random(n);
        using var a = np.empty([n], from);
        var input = Items<TFrom>(a);
        for (int i = 0; i < n; i++)
            input[i] = value(random);
        using var b = a.AsType(to);
        var output = Items<TTo>(b);
        for (int i = 0; i < n; i++)
        {
            // double → uint32 follows NumPy's blocks of four, then its scalar rule for the last n % 4.
            TTo want = typeof(TTo) == typeof(uint) && i < (n & ~3)
                ? (TTo)(object)X86Truncation.ToUInt32Vectorised(Convert.ToDouble(input[i]))
                : NumericConvert.Convert<TFrom, TTo>(input[i]);
            if (!output[i].Equals(want))
                Assert.Fail($"{from} → {to} at {i} of {n}: {input[i]} gave {output[i]}, expected {want}");
        }
    }

    private static double AnyDouble(Random r) => r.Next(3) switch
    {
        0 => BitConverter.Int64BitsToDouble(r.NextInt64()),
        1 => (r.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1 + r.NextDouble(), r.Next(-3, 70)),
        _ => r.Next(4) switch { 0 => double.NaN, 1 => double.NegativeInfinity, 2 => -0.0, _ => 9223372036854775808.0 },
    };

    [Fact]
    public void FloatToInteger()
    {
        Check<double, long>(np.float64, np.int64, AnyDouble);
        Check<double, ulong>(np.float64, np.uint64, AnyDouble);
        Check<double, int>(np.float64, np.int32, AnyDouble);
        Check<double, uint>(np.float64, np.uint32, AnyDouble);
        Check<double, short>(np.float64, np.int16, AnyDouble);
        Check<double, byte>(np.float64, np.uint8, AnyDouble);
        Check<float, sbyte>(np.float32, np.int8, r => (float)AnyDouble(r));
    }

    [Fact]
    public void ExactConversions()
    {
        Check<double, float>(np.float64, np.float32, AnyDouble);
        Check<float, double>(np.float32, np.float64, r => (float)AnyDouble(r));
        Check<long, double>(np.int64, np.float64, r => r.NextInt64(long.MinValue, long.MaxValue) >> r.Next(64));
        Check<int, double>(np.int32, np.float64, r => r.Next(int.MinValue, int.MaxValue));
        Check<int, long>(np.int32, np.int64, r => r.Next(int.MinValue, int.MaxValue));
    }

    [Fact]
    public void ByteSwap()
    {
        foreach (var (big, part) in new[] { (">f8", 8), (">c8", 4), (">i2", 2) })
        {
            var dtype = np.dtype(big);
            int n = (int)(StreamingCast.Threshold / dtype.ItemSize) + 7;
            using var a = np.empty([n], dtype);
            var bytes = Items<byte>(a);
            new Random(n).NextBytes(bytes);
            using var b = a.AsType(dtype.NewByteOrder('<'));
            var swapped = Items<byte>(b);
            for (int i = 0; i < bytes.Length; i++)
            {
                if (swapped[i] != bytes[i / part * part + part - 1 - i % part])
                    Assert.Fail($"{big} byte {i} of {bytes.Length}");
            }
        }
    }

    /// <summary>
    /// <paramref name="from"/>[::2] cast to <paramref name="to"/> for a view of <paramref name="n"/> elements, over a buffer
    /// whose last element is the view's last one (an odd length) or one past it.
    /// </summary>
    private static void CheckEveryOther<TFrom, TTo>(DType from, DType to, int n, Func<Random, TFrom> value)
        where TFrom : unmanaged where TTo : unmanaged, IEquatable<TTo>
    {
        var random = new Random(n);
        foreach (int length in new[] { 2 * n - 1, 2 * n })
        {
            if (length <= 0)
                continue;
            using var a = np.empty([length], from);
            var input = Items<TFrom>(a);
            for (int i = 0; i < length; i++)
                input[i] = value(random);
            using var b = a[np.s(null, null, 2)].AsType(to);
            var output = Items<TTo>(b);
            Assert.Equal(n, output.Length);
            for (int i = 0; i < n; i++)
            {
                TTo want = NumericConvert.Convert<TFrom, TTo>(input[2 * i]);
                if (!output[i].Equals(want))
                    Assert.Fail($"{from}[::2] → {to} at {i} of {n} (buffer of {length}): {input[2 * i]} gave {output[i]}, expected {want}");
            }
        }
    }

    [Fact]
    public void EveryOtherElementAtEveryLengthAndAcrossTheStreamingThreshold()
    {
        int streaming = (int)(StreamingCast.Threshold / sizeof(float)) + 13;
        foreach (int n in Enumerable.Range(0, 70).Append(1000).Append(streaming))
        {
            CheckEveryOther<double, float>(np.float64, np.float32, n, AnyDouble);
            CheckEveryOther<long, double>(np.int64, np.float64, n, r => r.NextInt64(long.MinValue, long.MaxValue) >> r.Next(64));
        }
    }
}
