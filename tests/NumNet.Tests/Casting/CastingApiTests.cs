using System.Numerics;

namespace NumNet.Tests.Casting;

public sealed class CastingApiTests
{
    [Fact]
    public void CanCastRefusesScalarsAndTakesArrays()
    {
        Assert.Throws<ArgumentException>(() => np.can_cast(1, np.int8));
        Assert.Throws<ArgumentException>(() => np.can_cast(PythonScalar.Int(1), np.int8));
        Assert.True(np.can_cast(np.zeros([2], np.int16), np.int32));
        Assert.False(np.can_cast((object)"f8", np.int64, "same_kind"));
        Assert.Throws<ArgumentException>(() => np.can_cast(np.int8, np.int16, "sometimes"));
    }

    [Fact]
    public void ResultTypeTreatsNetScalarsAsNumPyScalarsAndPythonScalarsAsWeak()
    {
        Assert.Equal(np.float32, np.result_type(np.float32, PythonScalar.Float(1.0)));
        Assert.Equal(np.float64, np.result_type(np.float32, 1.0));
        Assert.Equal(np.int8, np.result_type(np.int8, new BigInteger(300)));
        Assert.Equal(np.int64, np.result_type(np.int8, 5L));
        Assert.Equal(np.complex64, np.result_type(np.float16, PythonScalar.Complex(Complex.ImaginaryOne)));
        Assert.Equal(np.timedelta64.Code, np.result_type(np.dtype("m8[s]"), PythonScalar.Int(1)).Code);
        Assert.Throws<InvalidCastException>(() => np.result_type(np.dtype("M8[s]"), PythonScalar.Int(1)));
        Assert.Throws<ArgumentException>(() => np.result_type());
    }

    [Fact]
    public void MinScalarTypeIsValueBased()
    {
        Assert.Equal(np.uint8, np.min_scalar_type(10));
        Assert.Equal(np.int8, np.min_scalar_type(-10));
        Assert.Equal(np.uint16, np.min_scalar_type(300));
        Assert.Equal(np.object_, np.min_scalar_type(BigInteger.Pow(2, 64)));
        Assert.Equal(np.float16, np.min_scalar_type(1.0));
        Assert.Equal(np.float32, np.min_scalar_type(1e5));
        Assert.Equal(np.float64, np.min_scalar_type(1e300));
        Assert.Equal(np.complex64, np.min_scalar_type(new Complex(1, 2)));
        Assert.Equal(np.bool_, np.min_scalar_type(true));
        Assert.Equal(np.int64, np.min_scalar_type(np.zeros([3], np.int64)));
    }

    [Fact]
    public void CommonTypeFollowsNumPy()
    {
        Assert.Equal(np.float64, np.common_type(np.zeros([1], np.int8), np.zeros([1], np.float16)));
        Assert.Equal(np.float16, np.common_type(np.zeros([1], np.float16)));
        Assert.Equal(np.complex128, np.common_type(np.zeros([1], np.float32), np.zeros([1], np.complex128)));
        Assert.Equal(np.complex64, np.common_type(np.zeros([1], np.complex64), np.zeros([1], np.float32)));
        Assert.Throws<ArgumentException>(() => np.common_type(np.zeros([1], np.bool_)));
    }

    [Fact]
    public void PromoteTypesCanonicalisesByteOrder()
    {
        Assert.Equal("<i4", np.promote_types(np.dtype(">i4"), np.dtype(">i4")).Str);
        Assert.Equal(np.float64, np.promote_types(np.uint64, np.int64));
        Assert.Throws<InvalidCastException>(() => np.promote_types(np.dtype("m8[s]"), np.float64));
    }

    [Fact]
    public void AsTypeWithoutCopyReturnsTheArrayWhenNothingChanges()
    {
        var a = np.zeros([2, 3], np.float64);
        Assert.Same(a, a.AsType(np.dtype("d"), copy: false));
        Assert.NotSame(a, a.AsType(np.float64));
        Assert.NotSame(a, a.AsType(np.float64, MemoryOrder.F, copy: false));
        Assert.NotSame(a, a.AsType(np.dtype(">f8"), copy: false));
    }

    [Fact]
    public void ForbiddenCastNamesBothDTypesAndTheRule()
    {
        var a = np.zeros([2], np.float64);
        var e = Assert.Throws<InvalidCastException>(() => a.AsType(np.int64, casting: "safe"));
        Assert.Equal("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'", e.Message);
    }

    [Fact]
    public void ComplexToRealWarns()
    {
        var a = np.zeros([2], np.complex128);
        a.SetValue(new Complex(1.5, 2), 0);
        using var capture = Warnings.Capture();
        var r = a.AsType(np.float32);
        Assert.Equal(1.5f, r.GetItem<float>(0));
        Assert.Contains(capture.Warnings, w => w.Kind == NumPyWarningKind.ComplexWarning);
        using var none = Warnings.Capture();
        a.AsType(np.bool_);
        Assert.Empty(none.Warnings);
    }

    [Fact]
    public void CastIntoLeavesTheTargetUntouchedWhenAValueFails()
    {
        var src = np.zeros([3], np.dtype("U5"));
        src.SetValue("1", 0);
        src.SetValue("2", 1);
        src.SetValue("x", 2);
        var dst = np.zeros([3], np.int64);
        dst.SetItem(7L, 0);
        Assert.Throws<ArgumentException>(() => NumNet.Casting.CastEngine.CastInto(src, dst));
        Assert.Equal(7L, dst.GetItem<long>(0));
        Assert.Equal(0L, dst.GetItem<long>(1));
    }

    [Fact]
    public void CastIntoHandlesStridedAndSwappedTargets()
    {
        var src = np.arange(0, 12).Reshape(3, 4);
        var dst = np.zeros([4, 3], np.dtype(">f4")).T;
        NumNet.Casting.CastEngine.CastInto(src, dst);
        Assert.Equal(11f, (float)dst.GetValue(2, 3)!);
        Assert.Equal(6f, (float)dst.GetValue(1, 2)!);
    }

    [Fact]
    public void StringsRoundTripThroughBytesAndRefuseNonAscii()
    {
        var u = np.zeros([2], np.dtype("U3"));
        u.SetValue("abc", 0);
        u.SetValue("é", 1);
        Assert.Throws<ArgumentException>(() => u.AsType(np.dtype("S")));
        var s = u[np.s(0, 1)].AsType(np.dtype("S2"));
        Assert.Equal(Bytes.FromLatin1("ab"), s.GetValue(0));
        var c = np.zeros([2], np.complex64);
        c.SetValue(new Complex(1, 2), 0);
        var text = c.AsType(np.str_);
        Assert.Equal("<U64", text.DType.Str);
        Assert.Equal("(1+2j)", text.GetValue(0));
        Assert.Equal("0j", text.GetValue(1));
    }

    [Fact]
    public void TextParsesAsComplex()
    {
        var u = np.zeros([3], np.dtype("U10"));
        u.SetValue("1+2j", 0);
        u.SetValue(" (3-1j) ", 1);
        u.SetValue("2.5", 2);
        var c = u.AsType(np.complex128);
        Assert.Equal(new Complex(1, 2), c.GetValue(0));
        Assert.Equal(new Complex(3, -1), c.GetValue(1));
        Assert.Equal(new Complex(2.5, 0), c.GetValue(2));
    }
}
