using NumNet.Internal;
using NumNet.Layout;

namespace NumNet.Tests.Layout;

/// <summary>
/// Large contiguous copies split across threads (<see cref="BlockCopy"/> over <see cref="SharedChunks"/>): the same
/// bytes at <c>MaxThreads = 1</c> and 2 for every alignment, through the cache and streamed; no split below
/// <see cref="BlockCopy.SplitFrom"/> or at one thread; every chunk done exactly once; and the public paths that end in
/// the block copy (<c>np.copyto</c>, <c>Copy</c>, <c>np.array</c> of a C# array) give the source's values either way.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitCopyTests
{
    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Just above the split size (copied through the cache), and above twice the streaming size (streamed on two threads).
    public static TheoryData<long> Lengths() => [BlockCopy.SplitFrom + 4099, StreamingCast.Threshold * 2 + 12345];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void One_and_two_threads_write_the_same_bytes_at_every_alignment(long length)
    {
        var source = Pattern((int)length + 64, 7);
        foreach ((int srcOffset, int dstOffset) in new[] { (0, 0), (1, 0), (0, 7), (31, 33), (8, 24) })
        {
            int n = (int)length - srcOffset - dstOffset;
            var one = ThreadSettings.At(1, () => CopyInto(source, srcOffset, dstOffset, n));
            var two = ThreadSettings.At(2, () => CopyInto(source, srcOffset, dstOffset, n));
            Assert.True(one.AsSpan().SequenceEqual(two), $"offsets {srcOffset}/{dstOffset}: one and two threads differ");
            Assert.True(source.AsSpan(srcOffset, n).SequenceEqual(two.AsSpan(dstOffset, n)), $"offsets {srcOffset}/{dstOffset}: not the source");
            Assert.All(two[..dstOffset], b => Assert.Equal(0, b));
            Assert.All(two[(dstOffset + n)..], b => Assert.Equal(0, b));
        }
    }

    private static byte[] CopyInto(byte[] source, int srcOffset, int dstOffset, int length)
    {
        var target = new byte[source.Length];
        BlockCopy.Copy(ref source[srcOffset], ref target[dstOffset], length);
        return target;
    }

    [Fact]
    public void Overlapping_runs_above_the_split_size_still_move_as_memmove_does()
    {
        int length = (int)BlockCopy.SplitFrom + 777;
        foreach (int shift in new[] { 1, 300_000, -1, -300_000 })
        {
            var buffer = Pattern(length + 600_000, 3);
            var expected = (byte[])buffer.Clone();
            expected.AsSpan(300_000, length).CopyTo(expected.AsSpan(300_000 + shift, length));
            ThreadSettings.At(2, () =>
            {
                BlockCopy.Copy(ref buffer[300_000], ref buffer[300_000 + shift], length);
                return 0;
            });
            Assert.True(expected.AsSpan().SequenceEqual(buffer), $"shift {shift}");
        }
    }

    [Fact]
    public void Threads_are_one_below_the_split_size_and_at_MaxThreads_one()
    {
        long from = BlockCopy.SplitFrom;
        Assert.Equal(1, ThreadSettings.At(2, () => BlockCopy.Threads(from - 1)));
        Assert.Equal(1, ThreadSettings.At(2, () => BlockCopy.Threads(4096)));
        Assert.Equal(2, ThreadSettings.At(2, () => BlockCopy.Threads(from)));
        Assert.Equal(1, ThreadSettings.At(1, () => BlockCopy.Threads(from * 100)));
        // Never more threads than chunks.
        long chunks = (from + BlockCopy.SplitChunk - 1) / BlockCopy.SplitChunk;
        Assert.Equal(chunks, ThreadSettings.At(1000, () => BlockCopy.Threads(from)));
    }

    [Fact]
    public void On_one_thread_every_chunk_runs_on_the_caller()
    {
        var threads = new int[50];
        SharedChunks.Run(threads.Length, 1, run =>
        {
            while (run.TryClaim(out long chunk))
                threads[chunk] = Environment.CurrentManagedThreadId;
        });
        Assert.All(threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
    }

    [Fact]
    public void Copyto_copy_and_array_of_a_CSharp_array_give_the_source_on_one_and_two_threads()
    {
        const int rows = 1000, columns = 700; // 5.6 MB: above the split size
        var values = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                values[i, j] = i * 1000.5 + j;
        using var expected = np.array(values);
        foreach (int threads in new[] { 1, 2 })
        {
            using var fromArray = ThreadSettings.At(threads, () => np.array(values));
            using var copied = ThreadSettings.At(threads, () => expected.Copy());
            using var target = np.zeros([rows, columns]);
            ThreadSettings.At(threads, () =>
            {
                np.copyto(target, expected);
                return 0;
            });
            foreach (var a in new[] { fromArray, copied, target })
                Assert.True(a.ToArray<double>().AsSpan().SequenceEqual(values.Cast<double>().ToArray()), $"{threads} threads");
        }
    }
}
