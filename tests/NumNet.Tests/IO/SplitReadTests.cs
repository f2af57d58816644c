using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>
/// Large .npy files read on several threads (<see cref="NpyReader"/> over <c>SharedChunks</c>): the same array at
/// <c>MaxThreads = 1</c> and 2, whatever the data's length against the 4 MiB chunks, in C and F order.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitReadTests
{
    private static long[] Values(NDArray a)
    {
        using var wide = a.AsType("i8");
        return wide.ToArray<long>();
    }

    [Theory]
    [InlineData(1_048_578, "<f8", "C")] // two 4 MiB chunks and a short third (the count is cut to whole rows of 3)
    [InlineData(2_097_153, "<i4", "F")] // two whole chunks and 4 bytes
    [InlineData(3_000_000, "|u1", "C")] // under one chunk
    [InlineData(1_500_000, ">f8", "F")]
    public void One_and_two_threads_read_the_same_array(long count, string dtype, string order)
    {
        using var dir = new TempDir();
        string path = dir.File("big.npy");
        count = count / 3 * 3;
        using (var ints = np.arange(count))
        using (var values = ints.AsType(np.dtype(dtype)))
        using (var shaped = values.Reshape([count / 3, 3]))
        using (var ordered = np.array(shaped, order: order))
            np.save(path, ordered);
        long saved = NpyReader.SplitFrom;
        NpyReader.SplitFrom = 1;
        try
        {
            using var one = ThreadSettings.At(1, () => (NDArray)np.load(path));
            using var two = ThreadSettings.At(2, () => (NDArray)np.load(path));
            Assert.Equal(one.DType, two.DType);
            Assert.Equal(one.Shape, two.Shape);
            Assert.Equal(one.Strides, two.Strides);
            Assert.Equal(Values(one), Values(two));
            using var expected = np.arange(count);
            using var typed = expected.AsType(np.dtype(dtype));
            Assert.Equal(Values(typed), Values(two));
        }
        finally
        {
            NpyReader.SplitFrom = saved;
        }
    }
}
