using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NumNet.Casting.Loops;

namespace NumNet.Tests.Casting;

/// <summary>
/// The AVX2 float-to-integer kernels against the scalar rules they must reproduce bit for bit (<see cref="X86Truncation"/>,
/// the ones NumPy's sweep checks), on edge values and random ones, at every length from 0 to 70 so each vector width's
/// tail is covered, from an unaligned start.
/// </summary>
public sealed class VectorTruncationTests
{
    private const double TwoPow63 = 9223372036854775808.0;

    private static readonly double[] Edges =
    [
        double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), double.PositiveInfinity, double.NegativeInfinity,
        0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, -2.2250738585072014e-308, 0.5, -0.5, 0.99, -0.99,
        1.5, -1.5, 127.5, 128, -128.9, -129, 255.9, 256, 257.3, 32767.9, 32768, -32768.5, -32769, 65535.7, 65536, 65537,
        2147483647.0, 2147483647.9, 2147483648.0, 2147483649.0, -2147483648.0, -2147483648.9, -2147483649.0,
        4294967295.0, 4294967295.5, 4294967296.0, 4294967297.0, -4294967296.0, 1e10, -1e10,
        4503599627370495.5, 4503599627370496.0, 4503599627370497.0, 9007199254740993.0, -9007199254740993.0,
        TwoPow63, -TwoPow63, Math.BitDecrement(TwoPow63), Math.BitIncrement(-TwoPow63), Math.BitIncrement(TwoPow63),
        18446744073709551616.0, Math.BitDecrement(18446744073709551616.0), 3 * TwoPow63, 1e19, -1e19, 1e300, -1e300,
        double.MaxValue, double.MinValue,
    ];

    private static double[] Values(int seed, int count)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(4) switch
            {
                0 => Edges[random.Next(Edges.Length)],
                1 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                // Magnitudes around every integer width's limits.
                _ => (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1 + random.NextDouble(), random.Next(-3, 70)),
            };
        }
        return values;
    }

    private static void Check<TFrom, TTo>(Func<TFrom, int, int, TTo> reference, Func<double, TFrom> source)
        where TFrom : unmanaged where TTo : unmanaged, IEquatable<TTo>
    {
        if (!VectorTruncation.Handles<TFrom, TTo>())
            return;
        for (int seed = 0; seed < 8; seed++)
        {
            for (int n = 0; n <= 70; n++)
            {
                // One element in, so loads and stores are unaligned.
                var input = Values(seed * 100 + n, n + 1).Select(source).ToArray();
                var got = new TTo[n + 1];
                VectorTruncation.Run<TFrom, TTo>(ref Unsafe.As<TFrom, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(input), 1)),
                    ref Unsafe.As<TTo, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(got), 1)), n);
                Assert.Equal(default, got[0]);
                for (int i = 0; i < n; i++)
                {
                    var want = reference(input[i + 1], i, n);
                    if (!got[i + 1].Equals(want))
                        Assert.Fail($"{typeof(TFrom).Name} → {typeof(TTo).Name}, n={n}, i={i}: {input[i + 1]:R} gave {got[i + 1]}, scalar {want}");
                }
            }
        }
    }

    private static TTo Scalar<TFrom, TTo>(TFrom x, int i, int n) where TFrom : unmanaged where TTo : unmanaged =>
        NumericConvert.Convert<TFrom, TTo>(x);

    // NumPy's contiguous loop converts whole blocks of four with gcc's vector code and the rest with its scalar code.
    private static uint UInt32<TFrom>(TFrom x, int i, int n) where TFrom : unmanaged
    {
        double d = typeof(TFrom) == typeof(double) ? Unsafe.As<TFrom, double>(ref x) : Unsafe.As<TFrom, float>(ref x);
        return i < (n & ~3) ? X86Truncation.ToUInt32Vectorised(d) : X86Truncation.ToUInt32(d);
    }

    [Fact]
    public void AvailableHere() => Assert.True(Avx2.IsSupported || !VectorTruncation.Handles<double, long>());

    [Fact]
    public void DoubleTargets()
    {
        static double Same(double d) => d;
        Check<double, long>(Scalar<double, long>, Same);
        Check<double, ulong>(Scalar<double, ulong>, Same);
        Check<double, int>(Scalar<double, int>, Same);
        Check<double, uint>(UInt32, Same);
        Check<double, short>(Scalar<double, short>, Same);
        Check<double, ushort>(Scalar<double, ushort>, Same);
        Check<double, sbyte>(Scalar<double, sbyte>, Same);
        Check<double, byte>(Scalar<double, byte>, Same);
    }

    [Fact]
    public void FloatTargets()
    {
        static float Narrow(double d) => (float)d;
        Check<float, long>(Scalar<float, long>, Narrow);
        Check<float, ulong>(Scalar<float, ulong>, Narrow);
        Check<float, int>(Scalar<float, int>, Narrow);
        Check<float, uint>(UInt32, Narrow);
        Check<float, short>(Scalar<float, short>, Narrow);
        Check<float, ushort>(Scalar<float, ushort>, Narrow);
        Check<float, sbyte>(Scalar<float, sbyte>, Narrow);
        Check<float, byte>(Scalar<float, byte>, Narrow);
    }

    [Fact]
    public void UInt32KeepsTheBlockSplitThroughAstype()
    {
        // 5e9 is where the rules part: 0 in a block of four, its low 32 bits (705032704) in the tail.
        double[] values = [5e9, -1.0, 3e9, 1.5, 5e9, 5e9, 5e9];
        using var a = np.array(values);
        using var b = a.AsType(np.uint32);
        var got = MemoryMarshal.Cast<byte, uint>(MemoryMarshal.CreateSpan(ref NumNet.Tests.Memory.TestMemory.Origin(b), 28)).ToArray();
        for (int i = 0; i < values.Length; i++)
            Assert.Equal(i < 4 ? X86Truncation.ToUInt32Vectorised(values[i]) : X86Truncation.ToUInt32(values[i]), got[i]);
    }
}
