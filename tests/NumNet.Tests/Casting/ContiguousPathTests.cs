using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting.Loops;

namespace NumNet.Tests.Casting;

/// <summary>
/// Contiguous fast paths against the element-by-element rules they replace: integers to float16 through float32, and
/// byte-order changes done as one swapping copy.
/// </summary>
public sealed class ContiguousPathTests
{
    private static TTo[] Contiguous<TFrom, TTo>(TFrom[] input) where TFrom : unmanaged where TTo : unmanaged
    {
        var output = new TTo[input.Length];
        if (input.Length > 0)
            ContiguousConvert.Run<TFrom, TTo>(ref Unsafe.As<TFrom, byte>(ref input[0]), ref Unsafe.As<TTo, byte>(ref output[0]), input.Length);
        return output;
    }

    [Fact]
    public void Int32ToHalfRoundsThroughFloat()
    {
        var random = new Random(5);
        int[] values =
        [
            .. Enumerable.Range(-70000, 140001), int.MinValue, int.MaxValue, 65504, 65519, 65520, 65535, 2049, 2051, 4097, 16777217,
            .. Enumerable.Range(0, 5000).Select(_ => random.Next(int.MinValue, int.MaxValue)),
        ];
        for (int length = 0; length <= 70; length++)
            Check(values[..length]);
        Check(values);

        static void Check(int[] values)
        {
            var got = Contiguous<int, Half>(values);
            for (int i = 0; i < values.Length; i++)
            {
                var want = NumericConvert.Convert<int, Half>(values[i]);
                if (BitConverter.HalfToUInt16Bits(got[i]) != BitConverter.HalfToUInt16Bits(want))
                    Assert.Fail($"{values[i]} gave {got[i]}, scalar {want}");
            }
        }
    }

    [Fact]
    public void SmallIntegersToHalf()
    {
        short[] shorts = [.. Enumerable.Range(short.MinValue, 65536).Select(i => (short)i)];
        Assert.Equal(shorts.Select(NumericConvert.Convert<short, Half>), Contiguous<short, Half>(shorts));
        byte[] bytes = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
        Assert.Equal(bytes.Select(NumericConvert.Convert<byte, Half>), Contiguous<byte, Half>(bytes));
    }

    public static TheoryData<string> Swappable => ["f8", "f4", "f2", "i8", "u4", "i2", "c16", "c8", "m8[s]", "M8[D]", "u1"];

    [Theory]
    [MemberData(nameof(Swappable))]
    public void ByteOrderChangeIsOneSwap(string kind)
    {
        for (int n = 0; n <= 70; n += n < 20 ? 1 : 17)
        {
            var big = np.dtype(">" + kind);
            var little = np.dtype("<" + kind);
            using var a = np.zeros([n], big);
            var bytes = BytesOf(a);
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)(i * 37 + 11);
            using var toLittle = a.AsType(little);
            using var backToBig = toLittle.AsType(big);
            Assert.Equal(Reversed(bytes.ToArray(), kind.StartsWith('c') ? big.ItemSize / 2 : big.ItemSize), BytesOf(toLittle).ToArray());
            Assert.Equal(bytes.ToArray(), BytesOf(backToBig).ToArray());
        }
    }

    private static byte[] Reversed(byte[] bytes, int part)
    {
        for (int i = 0; i < bytes.Length; i += part)
            Array.Reverse(bytes, i, part);
        return bytes;
    }

    private static Span<byte> BytesOf(NDArray a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref NumNet.Tests.Memory.TestMemory.Origin(a), (nint)a.Offset), (int)a.NBytes);
}
