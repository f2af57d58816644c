using NumNet.DTypes.Text;

namespace NumNet.Tests.DTypes.Text;

/// <summary>Python's strict UTF-8 decoding and its UnicodeDecodeError text (every message is CPython 3.11's).</summary>
public class PythonUtf8Tests
{
    [Theory]
    [InlineData(new byte[] { 0xFF }, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [InlineData(new byte[] { 0xC0, 0x80 }, "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte")]
    [InlineData(new byte[] { 0x61, 0xE4, 0xB8 }, "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data")]
    [InlineData(new byte[] { 0xE4 }, "'utf-8' codec can't decode byte 0xe4 in position 0: unexpected end of data")]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 }, "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data")]
    [InlineData(new byte[] { 0xE4, 0xB8, 0x78 }, "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte")]
    [InlineData(new byte[] { 0xE4, 0x78 }, "'utf-8' codec can't decode byte 0xe4 in position 0: invalid continuation byte")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")]
    [InlineData(new byte[] { 0xF4, 0x90 }, "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte")]
    public void BadBytesRaisePythonsDecodeError(byte[] bytes, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => PythonUtf8.Decode(bytes)).Message);

    [Fact]
    public void WellFormedBytesDecode()
    {
        Assert.Equal("", PythonUtf8.Decode([]));
        Assert.Equal("2001-\u00e9\u4e2d\U0001F600", PythonUtf8.Decode("2001-\u00e9\u4e2d\U0001F600"u8));
    }
}
