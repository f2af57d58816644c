namespace NumNet.Tests.Creation;

/// <summary>
/// <see cref="decimal"/> plays Python's <c>decimal.Decimal</c>: an unknown scalar that discovers as object, and
/// converts to numbers as NumPy converts a Decimal, through <c>float()</c> and <c>int()</c>.
/// </summary>
public class DecimalTests
{
    [Fact]
    public void DecimalsDiscoverAsObject()
    {
        // np.asarray([Decimal('1.1')]) is an object array holding the Decimal; so is a 0-d Decimal.
        using var list = np.asarray(new[] { 1.1m, 2.25m });
        Assert.Equal(np.object_, list.DType);
        Assert.Equal(1.1m, list.GetValue(0));
        using var one = np.asarray(1.5m);
        Assert.Equal(np.object_, one.DType);
        Assert.Equal(1.5m, one.Item());
    }

    [Fact]
    public void IntoFloatsThroughFloat()
    {
        using var a = np.asarray(new[] { 1.1m, 2.25m }, dtype: np.float64);
        Assert.Equal([1.1, 2.25], a.ToArray<double>());
        using var b = np.asarray(1.5m, dtype: np.float64);
        Assert.Equal(1.5, b.Item<double>());
        // float(Decimal) is correctly rounded from the decimal digits.
        using var c = np.asarray(new object[] { 0.1m, 79228162514264337593543950335m }, dtype: np.float32);
        Assert.Equal([0.1f, 7.9228163e28f], c.ToArray<float>());
        using var z = np.asarray(new[] { -2.5m }, dtype: np.complex128);
        Assert.Equal(new System.Numerics.Complex(-2.5, 0), z.GetItem<System.Numerics.Complex>(0));
    }

    [Fact]
    public void IntoIntegersThroughInt()
    {
        // int(Decimal) truncates towards zero.
        using var a = np.asarray(new[] { 2.75m, -2.75m, 7m }, dtype: np.int64);
        Assert.Equal([2L, -2, 7], a.ToArray<long>());
        Assert.Throws<OverflowException>(() => np.asarray(new[] { 300m }, dtype: np.int8));
        using var flags = np.asarray(new[] { 0m, 0.5m }, dtype: np.bool_);
        Assert.Equal([false, true], flags.ToArray<bool>());
    }

    [Fact]
    public void ObjectArraysCastAndAssignTheSameWay()
    {
        using var objects = np.asarray(new[] { 1.25m, 3m });
        using var floats = objects.AsType(np.float64);
        Assert.Equal([1.25, 3.0], floats.ToArray<double>());
        using var target = np.zeros(2);
        target.SetValue(0.5m, 1);
        Assert.Equal(0.5, target.GetItem<double>(1));
        using var text = np.asarray(new[] { 1.10m }, dtype: "U");
        Assert.Equal("1.10", text.GetValue(0));
    }
}
