using NumNet.DTypes;

namespace NumNet.Tests.Casting;

/// <summary>
/// <c>np.result_type</c> with weak Python numbers among several operands, as NumPy 2's <c>PyArray_ResultType</c>
/// does it: the Python numbers take part in the sequence promotion as abstract classes (a Python bool is a strong
/// bool), NumPy scalars count by their dtype, dtypes lead the sequence, and a lone descriptor keeps its byte order.
/// </summary>
public sealed class WeakScalarSequenceTests
{
    [Fact]
    public void PythonIntNeverWidensAnUnsignedResult()
    {
        // The NumPy 1.24 emulation (numpy2_oracle.py) says int64 for both; NumPy 2 says uint32 / uint16.
        Assert.Equal(np.uint32, np.result_type(false, np.uint32, PythonScalar.Int(-5)));
        Assert.Equal(np.uint16, np.result_type(np.bool_, np.uint16, PythonScalar.Int(-191)));
        Assert.Equal(np.uint64, np.result_type(np.bool_, PythonScalar.Int(253), np.uint64));
    }

    [Fact]
    public void PythonFloatKeepsTheComplexPrecisionOfTheStrongOperands()
    {
        Assert.Equal(np.complex64, np.result_type(PythonScalar.Float(-3.0), np.int16, np.complex64));
        Assert.Equal(np.complex64, np.result_type(np.complex64, np.bool_, PythonScalar.Int(4)));
        Assert.Equal(np.float32, np.result_type(np.scalar(-5, np.int8), np.float32, PythonScalar.Float(51.0)));
    }

    [Fact]
    public void PythonComplexMakesTheComplexPartnerOfAFloat()
    {
        Assert.Equal(np.complex64, np.result_type(np.float16, np.int8, PythonScalar.Complex(1)));
        Assert.Equal(np.complex128, np.result_type(np.float64, PythonScalar.Float(1), PythonScalar.Complex(1)));
    }

    [Fact]
    public void NumPyScalarsCountByTheirDType()
    {
        Assert.Equal(np.complex128, np.result_type(np.scalar(new System.Numerics.Complex(0, 2.5), np.complex128), np.float16));
    }

    [Fact]
    public void OnlyPythonNumbersTakeTheirDefaultTypes()
    {
        Assert.Equal(np.int64, np.result_type(PythonScalar.Int(5), PythonScalar.Int(System.Numerics.BigInteger.Pow(2, 70))));
        Assert.Equal(np.float64, np.result_type(PythonScalar.Int(5), PythonScalar.Float(1)));
        Assert.Equal(np.object_, np.result_type(PythonScalar.Int(System.Numerics.BigInteger.Pow(2, 70))));
    }

    [Fact]
    public void ALoneTimedeltaDescriptorKeepsItsByteOrder()
    {
        Assert.Equal(np.dtype(">m8[7M]"), np.result_type(PythonScalar.Int(-2), np.dtype(">m8[7M]")));
        Assert.Equal(np.dtype("<m8[s]"), np.result_type(np.dtype(">m8[s]")));
    }

    [Fact]
    public void DatetimeLeadingObjectStillRefusesANumber()
    {
        // (uint8, object, datetime64): uint8 and datetime64 swap, datetime64 answers object for object, and as the
        // leading class it then refuses uint8. With the datetime given as a dtype it comes second and object leads.
        var objects = np.asarray(new object?[] { null, 1 });
        var week = new DateTime64(5, new DateTimeMetadata(DateTimeUnit.Weeks, 1));
        var e = Assert.Throws<InvalidCastException>(() => np.result_type("u1", objects, week));
        Assert.Contains("uint8", e.Message, StringComparison.Ordinal);
        Assert.Equal(np.object_, np.result_type("u1", objects, np.dtype("M8[W]")));
    }

    [Fact]
    public void PythonNumbersAndTextHaveNoCommonDType()
    {
        Assert.Throws<InvalidCastException>(() => np.result_type(PythonScalar.Complex(1), np.dtype("S3")));
        Assert.Throws<InvalidCastException>(() => np.result_type(np.dtype("U3"), np.int8, PythonScalar.Float(1)));
    }
}
