using System.Text;
using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>The header literal parser accepts what NumPy writes and rejects anything that is not a plain literal.</summary>
public sealed class HeaderTests
{
    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", "<f8", false, new long[] { 3 })]
    [InlineData("{\"descr\":\"|u1\",\"fortran_order\":True,\"shape\":(2,3)}", "|u1", true, new long[] { 2, 3 })]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (), }   \n", "<i4", false, new long[0])]
    [InlineData("{'descr':'>M8[ns]','fortran_order':False,'shape':( 4L , 5L , ),}", ">M8[ns]", false, new long[] { 4, 5 })]
    public void Parses_literals(string text, string descr, bool fortran, long[] shape)
    {
        var d = HeaderLiteral.ParseDict(text);
        Assert.Equal(descr, d["descr"]);
        Assert.Equal(fortran, d["fortran_order"]);
        Assert.Equal(shape, (long[])d["shape"]);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), '__import__': 'os'}", "exactly the keys")]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "exactly the keys")]
    [InlineData("{'descr': __import__('os').system('rm -rf /'), 'fortran_order': False, 'shape': (3,)}", "not a valid literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}", "not a valid literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3)}", "not a tuple")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}", "negative")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "too large")]
    [InlineData("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,)}", "structured")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,)} + {}", "after the closing")]
    [InlineData("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (3,)}", "twice")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,) # comment\n}", "not a valid literal")]
    [InlineData("{'descr': '<f8\\x41', 'fortran_order': False, 'shape': (3,)}", "escape")]
    [InlineData("{'descr': '<f8', 'fortran_order': Falsey, 'shape': (3,)}", "not a valid literal")]
    [InlineData("{'descr': 'float99', 'fortran_order': False, 'shape': (3,)}", "not a dtype")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4)}", "too big")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,)", "expected '}'")]
    public void Rejects_anything_else(string text, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => np.load(new MemoryStream(Npy(text))));
        Assert.True(e is InvalidDataException or NotSupportedException, e.GetType().Name);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Version_follows_the_header_size_and_encoding()
    {
        Assert.Equal(1, NpyFormat.Wrap("{'a': 1}")[6]);
        var big = NpyFormat.Wrap("{" + new string(' ', 70_000) + "}");
        Assert.Equal(2, big[6]);
        Assert.Equal(0, big.Length % 64);
        var utf8 = NpyFormat.Wrap("{'descr': 'é€'}");
        Assert.Equal(3, utf8[6]);
        Assert.Equal(0, utf8.Length % 64);
        Assert.Equal((byte)'\n', utf8[^1]);
        // Latin-1 text that is not ASCII still fits version 1.0, as in NumPy.
        Assert.Equal(1, NpyFormat.Wrap("{'descr': 'é'}")[6]);
    }

    [Fact]
    public void Version_2_and_3_headers_load()
    {
        foreach (int major in new[] { 2, 3 })
        {
            var header = NpyFormat.TryWrap(NpyFormat.DictText(np.int16, [2], false), major)!;
            var bytes = header.Concat(new byte[] { 1, 0, 2, 0 }).ToArray();
            using var a = (NDArray)np.load(new MemoryStream(bytes));
            Assert.Equal(2, a.GetItem<short>(1));
        }
    }

    [Fact]
    public void Unknown_versions_and_magic_are_rejected()
    {
        var good = NpyFormat.Wrap(NpyFormat.DictText(np.int8, [0], false));
        var v4 = (byte[])good.Clone();
        v4[6] = 4;
        Assert.Contains("version 4.0", Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(v4))).Message);
        Assert.Contains("neither", Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream("hello world"u8.ToArray()))).Message);
        Assert.Contains("pickled", Assert.Throws<ArgumentException>(() => np.load(new MemoryStream([0x80, 4, 0x95, 0, 0, 0]))).Message);
    }

    internal static byte[] Npy(string dictText) => NpyFormat.TryWrap(dictText, 1)!;

    [Fact]
    public void Header_length_is_capped()
    {
        var text = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)}" + new string(' ', 20_000);
        var e = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(Npy(text).Concat(new byte[24]).ToArray())));
        Assert.Contains("more than the 10000", e.Message);
        using var a = (NDArray)np.load(new MemoryStream(Npy(text).Concat(new byte[24]).ToArray()), maxHeaderSize: 30_000);
        Assert.Equal([3L], a.Shape);
        _ = Encoding.ASCII;
    }

    [Fact]
    public void A_structured_dtype_is_not_supported_and_named_not_called_damaged()
    {
        // NumPy's own record-array file (np.save of dtype=[('x','<f8'),('y','<i4')]): NotSupportedException naming the
        // descr, not InvalidDataException ("damaged file").
        var e = Assert.Throws<NotSupportedException>(() =>
            np.load(new MemoryStream(Npy("{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (2,), }"))));
        Assert.Contains("structured dtype", e.Message);
        Assert.Contains("[('x', '<f8'), ('y', '<i4')]", e.Message);
        Assert.Throws<InvalidDataException>(() =>
            np.load(new MemoryStream(Npy("{'descr': [('x', '<f8'), 'fortran_order': False, 'shape': (2,)}"))));
    }
}
