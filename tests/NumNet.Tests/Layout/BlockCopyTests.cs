using NumNet.Casting.Loops;
using NumNet.Layout;

namespace NumNet.Tests.Layout;

/// <summary>
/// Contiguous byte copies: through the cache a page at a time, above the streaming threshold, or streamed as part of a
/// larger split result; every head and tail alignment of each path, and overlapping runs, which must move like
/// <c>memmove</c>.
/// </summary>
public class BlockCopyTests
{
    private static readonly int Large = (int)StreamingCast.Threshold + 4099;

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Copies <paramref name="length"/> bytes of <paramref name="source"/> from <paramref name="srcOffset"/> into a zeroed
    /// array of <paramref name="targetLength"/> at <paramref name="dstOffset"/>: every byte arrives, and none outside the run.
    /// </summary>
    private static void AssertCopiesExactly(byte[] source, int srcOffset, int dstOffset, int length, int targetLength, string what)
    {
        var target = new byte[targetLength];
        BlockCopy.Copy(ref source[srcOffset], ref target[dstOffset], length);
        Assert.True(source.AsSpan(srcOffset, length).SequenceEqual(target.AsSpan(dstOffset, length)), what);
        Assert.All(target[..dstOffset], b => Assert.Equal(0, b));
        Assert.All(target[(dstOffset + length)..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void EveryAlignmentOfSourceAndDestination()
    {
        var source = Pattern(Large + 64, 1);
        foreach (int srcOffset in new[] { 0, 1, 8, 31, 32 })
        {
            foreach (int dstOffset in new[] { 0, 1, 7, 24, 33 })
            {
                AssertCopiesExactly(source, srcOffset, dstOffset, Large - srcOffset - dstOffset, Large + 64,
                    $"source offset {srcOffset}, destination offset {dstOffset}");
            }
        }
    }

    [Fact]
    public void RunsThroughTheCacheCopyEveryByteAtEveryAlignmentAndLength()
    {
        // Around the shortest run copied a page at a time (16 KiB) and with tails of every kind: none, one byte, most of
        // a page; a run of one page less than the shortest goes through memmove.
        const int page = 4096;
        var source = Pattern((1 << 20) + 3 * page, 5);
        foreach (int length in new[] { 3 * page, 4 * page - 1, 4 * page, 4 * page + 1, 5 * page + 31, (1 << 20) + 4095 })
        {
            foreach ((int srcOffset, int dstOffset) in new[] { (0, 0), (1, 0), (0, 1), (40, 8), (31, 33), (4095, 4064) })
                AssertCopiesExactly(source, srcOffset, dstOffset, length, length + 2 * page, $"length {length}, offsets {srcOffset}/{dstOffset}");
        }
    }

    [Fact]
    public void ShortRunsOfALargerSplitResultStreamAtEveryAlignment()
    {
        // A split cast sets StreamsAll on its threads, and a same-dtype run then streams however short it is.
        const int length = (256 << 10) + 77;
        var source = Pattern(length + 64, 4);
        bool before = StreamingCast.StreamsAll;
        try
        {
            StreamingCast.StreamsAll = true;
            foreach ((int srcOffset, int dstOffset) in new[] { (0, 0), (1, 0), (0, 7), (31, 33), (8, 24) })
                AssertCopiesExactly(source, srcOffset, dstOffset, length - srcOffset - dstOffset, length + 64, $"offsets {srcOffset}/{dstOffset}");
        }
        finally
        {
            StreamingCast.StreamsAll = before;
        }
    }

    [Fact]
    public void OverlappingRunsMoveAsMemmoveDoes()
    {
        foreach (int shift in new[] { 1, 64, 4096, -1, -64, -4096 })
        {
            var buffer = Pattern(Large + 8192, 2);
            var expected = (byte[])buffer.Clone();
            int from = 4096, to = 4096 + shift, length = Large;
            expected.AsSpan(from, length).CopyTo(expected.AsSpan(to, length));
            BlockCopy.Copy(ref buffer[from], ref buffer[to], length);
            Assert.True(expected.AsSpan().SequenceEqual(buffer), $"shift {shift}");
        }
    }

    [Fact]
    public void ChunkedMemmoveOfOverlappingRunsKeepsEveryByte()
    {
        // Copies of more than one chunk (1 GiB in use, 1000 bytes here) that overlap in either direction.
        foreach (int shift in new[] { 1, 999, 1000, 2500, -1, -999, -2500 })
        {
            var buffer = Pattern(20_000, 3);
            var expected = (byte[])buffer.Clone();
            int from = 5_000, to = 5_000 + shift, length = 9_999;
            expected.AsSpan(from, length).CopyTo(expected.AsSpan(to, length));
            BlockCopy.Memmove(ref buffer[from], ref buffer[to], length, chunk: 1000);
            Assert.True(expected.AsSpan().SequenceEqual(buffer), $"shift {shift}");
        }
    }
}
