using NumNet.DTypes.Chrono;

namespace NumNet.Tests.Casting;

/// <summary>
/// NumPy ≥ 2.5 raises OverflowError when a timedelta64 unit conversion leaves int64 (numpy#31085), and names the type
/// by the path: an array cast goes through the loop timedeltas share with datetimes
/// (<c>_strided_to_strided_datetime_cast</c>, <c>dtype_transfer.c</c>: "datetime64"), a scalar stored as an item through
/// <c>cast_timedelta_to_timedelta</c> (<c>datetime.c</c>: "timedelta64"). Found by the differential run of seed 424242
/// (<c>array:9PAeit_oKpZf</c>).
/// </summary>
public sealed class TimeUnitOverflowMessageTests
{
    private static readonly DateTimeMetadata Seconds = new(DateTimeUnit.Seconds, 1);

    [Fact]
    public void An_array_cast_of_timedeltas_names_datetime64()
    {
        // np.array([1, 2**62], dtype='m8[s]').astype('m8[ns]'), and np.array(that, dtype='m8[ns]')
        using var a = np.asarray(new long[] { 1, 1L << 62 }).AsType("m8[s]");
        var cast = Assert.Throws<OverflowException>(() => a.AsType("m8[ns]"));
        Assert.Equal("Overflow when converting between datetime64 units", cast.Message);
        var copy = Assert.Throws<OverflowException>(() => np.asarray(a, np.dtype("m8[ns]")));
        Assert.Equal("Overflow when converting between datetime64 units", copy.Message);
    }

    [Fact]
    public void A_timedelta64_scalar_stored_as_an_item_names_timedelta64()
    {
        // np.array([np.timedelta64(2**62, 's')], dtype='m8[ns]')
        var e = Assert.Throws<OverflowException>(() => np.asarray(new object[] { new TimeDelta64(1L << 62, Seconds) }, np.dtype("m8[ns]")));
        Assert.Equal("Overflow when converting between timedelta64 units", e.Message);
    }

    [Fact]
    public void The_boundary_is_NumPys()
    {
        // INT64_MAX // 10**9 seconds fit in nanoseconds, one more does not (numpy/_core/tests/test_datetime.py).
        using var fits = np.asarray(new long[] { 9223372036, -9223372036 }).AsType("m8[s]").AsType("m8[ns]");
        Assert.Equal(new[] { 9223372036000000000, -9223372036000000000 }, fits.AsType("i8").ToArray<long>());
        using var over = np.asarray(new long[] { 9223372037 }).AsType("m8[s]");
        Assert.Throws<OverflowException>(() => over.AsType("m8[ns]"));
    }
}
