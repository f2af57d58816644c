using System.Collections;
using System.Numerics;

namespace NumNet.Tests.Creation;

/// <summary>Every kind of input asarray classifies, with the dtype and shape NumPy gives the Python equivalent.</summary>
public class ClassificationTests
{
    public static TheoryData<object?, string> Scalars() => new()
    {
        { 1, "<i4" }, { 1L, "<i8" }, { (short)1, "<i2" }, { (sbyte)1, "|i1" }, { (byte)1, "|u1" }, { 1u, "<u4" },
        { 1UL, "<u8" }, { 1f, "<f4" }, { 1.0, "<f8" }, { (Half)1, "<f2" }, { new Complex(1, 2), "<c16" },
        { new Complex64(1, 2), "<c8" }, { true, "|b1" }, { 'x', "<U1" }, { "abc", "<U3" }, { "", "<U1" },
        { Bytes.FromLatin1("ab"), "|S2" }, { null, "|O" }, { new BigInteger(5), "<i8" },
        { BigInteger.Pow(2, 63), "<u8" }, { BigInteger.Pow(2, 64), "|O" }, { -BigInteger.Pow(2, 63) - 1, "|O" },
        { new DateTime(2003, 10, 2), "<M8[us]" }, { new DateOnly(2003, 10, 2), "<M8[D]" }, { TimeSpan.FromSeconds(1), "<m8[us]" },
        { 1.5m, "|O" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void ScalarsBecomeZeroDimensional(object? value, string typestr)
    {
        var a = np.asarray(value);
        Assert.Equal(0, a.NDim);
        Assert.Equal(typestr, a.DType.Str);
    }

    [Fact]
    public void LongDoubleAndComplex256KeepTheirDTypes()
    {
        Assert.Equal(np.float128, np.asarray(LongDouble.One).DType);
        Assert.Equal(np.complex256, np.asarray(new Complex256(LongDouble.One, LongDouble.Zero)).DType);
    }

    [Fact]
    public void DateTimeRecordsKeepTheirUnit()
    {
        var unit = new DateTimeMetadata(DateTimeUnit.Hours, 1);
        Assert.Equal("<M8[h]", np.asarray(new DateTime64(5, unit)).DType.Str);
        Assert.Equal("<m8[h]", np.asarray(new TimeDelta64(5, unit)).DType.Str);
    }

    [Fact]
    public void UnknownObjectsAreObjectScalars()
    {
        var o = new object();
        var a = np.asarray(o);
        Assert.Equal(0, a.NDim);
        Assert.Same(o, a.Item());
        var dict = new Dictionary<string, int> { ["a"] = 1 };
        Assert.Same(dict, np.asarray(dict).Item());
    }

    [Fact]
    public void SequencesOfEveryKind()
    {
        Assert.Equal([2L, 2], np.asarray(new List<object?> { new object?[] { 1.0, 2.0 }, new List<double> { 3, 4 } }).Shape);
        Assert.Equal([3L], np.asarray(Enumerable.Range(0, 3)).Shape);
        Assert.Equal(np.int32, np.asarray(Enumerable.Range(0, 3)).DType);
        Assert.Equal([2L], np.asarray((1, 2.5)).Shape);
        Assert.Equal(np.float64, np.asarray((1, 2.5)).DType);
        Assert.Equal([2L, 3], np.asarray(new double[][] { [1, 2, 3], [4, 5, 6] }).Shape);
        Assert.Equal([2L, 2], np.asarray(new string[,] { { "a", "bb" }, { "c", "d" } }).Shape);
        Assert.Equal("<U2", np.asarray(new string[] { "a", "bb" }).DType.Str);
        Assert.Equal([2L], np.asarray(new ArrayList { 1, 2 }).Shape);
        IReadOnlyList<long> ro = new[] { 1L, 2L }.AsReadOnly();
        Assert.Equal(np.int64, np.asarray(ro).DType);
    }

    [Fact]
    public void EnumerablesAreEnumeratedOnce()
    {
        int calls = 0;
        IEnumerable<double> Source()
        {
            calls++;
            yield return 1;
            yield return 2;
        }
        var a = np.asarray(new object[] { Source(), Source() });
        Assert.Equal([2L, 2], a.Shape);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void ArraysNestedInListsAreCopiedWithPromotion()
    {
        var a = np.asarray(new object[] { new float[] { 1, 2 }, new object[] { 3.0, 4.0 } });
        Assert.Equal(np.float64, a.DType);
        Assert.Equal(4.0, a.GetItem<double>(1, 1));
        var b = np.asarray(new object[] { np.asarray(new sbyte[] { 1, 2 }), np.asarray(new byte[] { 3, 4 }) });
        Assert.Equal(np.int16, b.DType);
    }

    [Fact]
    public void ConvertibleIsAskedForTheDType()
    {
        var conv = new Convertible();
        var a = np.asarray(conv, np.float32);
        Assert.Equal(np.float32, conv.AskedFor);
        Assert.Equal(np.float32, a.DType);
        Assert.Equal([2L], np.asarray(new object[] { conv, conv }).Shape[..1]);
    }

    [Fact]
    public void LikeForwardsToTheBackend()
    {
        var backend = new Backend();
        var a = np.asarray(new[] { 1, 2 }, like: backend);
        Assert.Equal("asarray", backend.Called);
        Assert.Equal(np.float32, a.DType);
        np.array(new[] { 1 }, like: backend);
        Assert.Equal("array", backend.Called);
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { 1 }, like: 5));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { 1 }, like: new List<int> { 1 }));
        Assert.Equal(np.int32, np.asarray(new[] { 1 }, like: np.asarray(1.0)).DType);
    }

    [Fact]
    public void DeviceMustBeCpu()
    {
        Assert.Equal(2, np.asarray(new[] { 1, 2 }, device: "cpu").Size);
        var ex = Assert.Throws<ArgumentException>(() => np.asarray(new[] { 1 }, device: "cuda"));
        Assert.Contains("cpu", ex.Message);
    }

    private sealed class Convertible : IArrayConvertible
    {
        public DType? AskedFor { get; private set; }

        public NDArray ToNDArray(DType? dtype, bool? copy)
        {
            AskedFor = dtype;
            return np.asarray(new double[] { 1, 2 }, dtype);
        }
    }

    private sealed class Backend : IArrayFunction
    {
        public string? Called { get; private set; }

        public object? ArrayFunction(string name, IReadOnlyDictionary<string, object?> arguments)
        {
            Called = name;
            return np.asarray(arguments.ContainsKey("a") ? arguments["a"] : arguments["object"], np.float32);
        }
    }
}
