using System.IO.Compression;
using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>The CRC-32 that checks .npz members agrees with the one zip writers record.</summary>
public class ZipCrc32Tests
{
    [Fact]
    public void KnownValues()
    {
        Assert.Equal(0u, ZipCrc32.Append(0, []));
        Assert.Equal(0xCBF43926u, ZipCrc32.Append(0, "123456789"u8));
        Assert.Equal(0x414FA339u, ZipCrc32.Append(0, "The quick brown fox jumps over the lazy dog"u8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1000)]
    [InlineData(65_537)]
    public void MatchesWhatTheZipWriterRecordsInAnyChunking(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        var archive = new MemoryStream();
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("m").Open();
            s.Write(data);
        }
        archive.Position = 0;
        using var read = new ZipArchive(archive);
        uint recorded = read.Entries[0].Crc32;
        Assert.Equal(recorded, ZipCrc32.Append(0, data));
        uint chunked = 0;
        for (int at = 0; at < length; at += 13)
            chunked = ZipCrc32.Append(chunked, data.AsSpan(at, Math.Min(13, length - at)));
        Assert.Equal(recorded, chunked);
    }

    [Fact]
    public void EveryLengthAndAlignmentAgreesWithTheBitwiseDefinition()
    {
        var data = new byte[1200];
        new Random(5).NextBytes(data);
        for (int start = 0; start < 3; start++)
        {
            for (int length = 0; length <= data.Length - start; length += length < 300 ? 1 : 97)
            {
                var slice = data.AsSpan(start, length);
                Assert.Equal(Bitwise(0, slice), ZipCrc32.Append(0, slice));
                Assert.Equal(Bitwise(0x12345678, slice), ZipCrc32.Append(0x12345678, slice));
            }
        }
    }

    // CRC-32 straight from its definition, one bit at a time.
    private static uint Bitwise(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (byte b in data)
        {
            c ^= b;
            for (int i = 0; i < 8; i++)
                c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320 : c >> 1;
        }
        return ~c;
    }
}
