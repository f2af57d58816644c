using System.Numerics;

namespace NumNet.Tests.DTypes;

public class DTypeTests
{
    // name, str, char, kind, itemsize, alignment, byteorder — NumPy 2 on x86-64 Linux.
    public static TheoryData<string, string, string, char, char, int, int, char> Builtins() => new()
    {
        { "bool", "bool", "|b1", '?', 'b', 1, 1, '|' },
        { "int8", "int8", "|i1", 'b', 'i', 1, 1, '|' },
        { "uint8", "uint8", "|u1", 'B', 'u', 1, 1, '|' },
        { "int16", "int16", "<i2", 'h', 'i', 2, 2, '=' },
        { "uint16", "uint16", "<u2", 'H', 'u', 2, 2, '=' },
        { "int32", "int32", "<i4", 'i', 'i', 4, 4, '=' },
        { "uint32", "uint32", "<u4", 'I', 'u', 4, 4, '=' },
        { "int64", "int64", "<i8", 'l', 'i', 8, 8, '=' },
        { "uint64", "uint64", "<u8", 'L', 'u', 8, 8, '=' },
        { "float16", "float16", "<f2", 'e', 'f', 2, 2, '=' },
        { "float32", "float32", "<f4", 'f', 'f', 4, 4, '=' },
        { "float64", "float64", "<f8", 'd', 'f', 8, 8, '=' },
        { "float128", "float128", "<f16", 'g', 'f', 16, 16, '=' },
        { "complex64", "complex64", "<c8", 'F', 'c', 8, 4, '=' },
        { "complex128", "complex128", "<c16", 'D', 'c', 16, 8, '=' },
        { "complex256", "complex256", "<c32", 'G', 'c', 32, 16, '=' },
        { "object", "object", "|O", 'O', 'O', 8, 8, '|' },
        { "S10", "bytes80", "|S10", 'S', 'S', 10, 1, '|' },
        { "U5", "str160", "<U5", 'U', 'U', 20, 4, '=' },
        { "V8", "void64", "|V8", 'V', 'V', 8, 1, '|' },
        { "M8[ns]", "datetime64[ns]", "<M8[ns]", 'M', 'M', 8, 8, '=' },
        { "m8", "timedelta64", "<m8", 'm', 'm', 8, 8, '=' },
        { "m8[25s]", "timedelta64[25s]", "<m8[25s]", 'm', 'm', 8, 8, '=' },
    };

    [Theory]
    [MemberData(nameof(Builtins))]
    public void PropertiesMatchNumPy(string spec, string name, string str, char ch, char kind, int itemsize, int alignment, char byteorder)
    {
        var d = np.dtype(spec);
        Assert.Equal(name, d.Name);
        Assert.Equal(str, d.Str);
        Assert.Equal(ch, d.Char);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(itemsize, d.ItemSize);
        Assert.Equal(alignment, d.Alignment);
        Assert.Equal(byteorder, d.ByteOrder);
        Assert.True(d.IsNative);
    }

    [Theory]
    [InlineData("float32", "float32", "dtype('float32')")]
    [InlineData(">i8", ">i8", "dtype('>i8')")]
    [InlineData("S10", "|S10", "dtype('S10')")]
    [InlineData("S", "|S0", "dtype('S')")]
    [InlineData("U", "<U0", "dtype('<U')")]
    [InlineData("U3", "<U3", "dtype('<U3')")]
    [InlineData("O", "object", "dtype('O')")]
    [InlineData("M8[ns]", "datetime64[ns]", "dtype('<M8[ns]')")]
    [InlineData("bool", "bool", "dtype('bool')")]
    public void StrAndRepr(string spec, string text, string repr)
    {
        Assert.Equal(text, np.dtype(spec).ToString());
        Assert.Equal(repr, np.dtype(spec).Repr());
    }

    [Theory]
    [InlineData("float", "float64")]
    [InlineData("int", "int64")]
    [InlineData("complex", "complex128")]
    [InlineData("str", "str")]
    [InlineData("bytes", "bytes")]
    [InlineData("object", "object")]
    [InlineData("f", "float32")]
    [InlineData("d", "float64")]
    [InlineData("g", "float128")]
    [InlineData("G", "complex256")]
    [InlineData("?", "bool")]
    [InlineData("b", "int8")]
    [InlineData("B", "uint8")]
    [InlineData("e", "float16")]
    [InlineData("<i8", "int64")]
    [InlineData("|i8", "int64")]
    [InlineData("=f8", "float64")]
    [InlineData(">i1", "int8")]
    [InlineData("datetime64[ms]", "datetime64[ms]")]
    [InlineData("m8[D]", "timedelta64[D]")]
    public void SpellingsNumPyAccepts(string spec, string name) => Assert.Equal(name, np.dtype(spec).Name);

    [Theory]
    [InlineData("int0")]
    [InlineData("float_")]
    [InlineData("a5")]
    [InlineData("i3")]
    [InlineData("B1")]
    [InlineData("S-1")]
    [InlineData("M8[xs]")]
    [InlineData("float64 ")]
    [InlineData("<")]
    [InlineData("")]
    public void SpellingsNumPyRejectsQuoteTheSpelling(string spec)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => np.dtype(spec));
        // NumPy quotes the whole spelling, or for a bad datetime unit the bracketed metadata.
        string quoted = spec.Contains('[') ? spec[spec.IndexOf('[')..] : spec.Trim();
        Assert.Contains(quoted, ex.Message);
    }

    [Fact]
    public void DotNetTypesMapToNumPyDTypes()
    {
        Assert.Equal(np.float32, np.dtype(typeof(float)));
        Assert.Equal(np.float64, np.dtype(typeof(double)));
        Assert.Equal(np.int32, np.dtype(typeof(int)));
        Assert.Equal(np.int64, np.dtype(typeof(long)));
        Assert.Equal(np.float16, np.dtype(typeof(Half)));
        Assert.Equal(np.complex128, np.dtype(typeof(Complex)));
        Assert.Equal(np.bool_, np.dtype(typeof(bool)));
        Assert.Equal(np.str_, np.dtype(typeof(string)));
        Assert.Equal(np.object_, np.dtype(typeof(object)));
        Assert.Equal("datetime64[us]", np.dtype(typeof(System.DateTime)).Name);
        Assert.Equal("timedelta64[us]", np.dtype(typeof(TimeSpan)).Name);
        Assert.Throws<ArgumentException>(() => np.dtype(typeof(Uri)));
    }

    [Fact]
    public void EquivalentSpellingsAreEqualAndHashAlike()
    {
        Assert.Equal(np.dtype("<i8"), np.dtype("int64"));
        Assert.Equal(np.dtype("q"), np.dtype("l"));
        Assert.Equal(np.dtype("q").GetHashCode(), np.dtype("l").GetHashCode());
        Assert.Equal('q', np.dtype("q").Char);
        Assert.NotEqual(np.dtype(">i8"), np.dtype("<i8"));
        Assert.NotEqual(np.dtype("M8[s]"), np.dtype("M8[ms]"));
        Assert.NotEqual(np.dtype("S3"), np.dtype("S4"));
    }

    [Fact]
    public void ByteOrderIsARealDType()
    {
        var big = np.dtype(">i4");
        Assert.False(big.IsNative);
        Assert.Equal('>', big.ByteOrder);
        Assert.Equal(np.int32, big.NewByteOrder());
        Assert.Equal(big, np.int32.NewByteOrder());
        // Orderless dtypes ignore byte order.
        Assert.Equal('|', np.dtype(">i1").ByteOrder);
        Assert.Equal(np.dtype("S3"), np.dtype(">S3"));
    }

    [Fact]
    public void BigEndianElementsAreSwappedOnAccess()
    {
        var a = np.zeros([2], np.dtype(">i4"));
        a.SetItem(0x01020304, 0);
        Assert.Equal(0x01020304, a.GetItem<int>(0));
        // The bytes in memory are big-endian.
        var raw = (byte[])((NumNet.Memory.ManagedArrayBuffer)a.Buffer).Array;
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, raw[..4]);
        var view = a.Flatten();
        Assert.Equal(0x01020304, view.GetItem<int>(0));
        a.SetValue(-5, 1);
        Assert.Equal(-5, a.GetValue(1));
        var c = np.zeros([1], np.dtype(">c16"));
        c.SetValue(new Complex(1.5, -2), 0);
        Assert.Equal(new Complex(1.5, -2), c.GetItem<Complex>(0));
        var u = np.zeros([1], np.dtype(">U3"));
        u.SetValue("héj", 0);
        Assert.Equal("héj", u.GetValue(0));
    }

    [Fact]
    public void FlexibleElementsRoundTrip()
    {
        var s = np.zeros([2], np.dtype("S3"));
        s.SetValue(Bytes.FromLatin1("abcdef"), 0);
        Assert.Equal(Bytes.FromLatin1("abc"), s.GetValue(0));
        Assert.Equal(Bytes.FromLatin1(""), s.GetValue(1));
        var u = np.zeros([1], np.dtype("U2"));
        u.SetValue("a😀b", 0);
        Assert.Equal("a😀", u.GetValue(0));
        var o = np.zeros([2], np.object_);
        Assert.Null(o.GetValue(0));
        o.SetValue(new List<int> { 1 }, 1);
        Assert.IsType<List<int>>(o.GetValue(1));
    }

    [Fact]
    public void LongDoubleElementsHoldExactDoubles()
    {
        var a = np.zeros([1], np.float128);
        a.SetValue(0.1, 0);
        Assert.Equal(0.1, (double)a.GetItem<LongDouble>(0));
        Assert.Equal(16, a.ItemSize);
        Assert.True(a.IsAligned);
    }
}
