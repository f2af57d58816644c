using NumNet.DTypes.Strings;

namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// Memory does not grow with the longest string (NEP 55): each element is a 16-byte slot, short strings live in it,
/// and only strings over 15 UTF-8 bytes take room of their own, once each.
/// </summary>
public sealed class StringDTypeMemoryTests
{
    // 1 000 000 strings, one of them 10 000 characters: as U that is 10 000 x 4 x 10^6 bytes (40 GB); here 16 MB of
    // slots and one 10 000-character string (docs/architecture.md has the measured figure).
    [Fact]
    public void OneLongStringCostsItsOwnLengthOnce()
    {
        var items = new string[1_000_000];
        Array.Fill(items, "short");
        items[123_456] = new string('w', 10_000);
        // A descriptor no other test uses: equal descriptors share one string table.
        using var a = np.asarray(items, dtype: np.dtypes.StringDType(naObject: "memory-test-" + Guid.NewGuid()));
        Assert.Equal(16_000_000L, a.NBytes);
        var arena = StringDTypeClass.Of(a.DType).Arena;
        Assert.Equal(1, arena.Count);
        Assert.Equal(10_000L, arena.Characters);
        Assert.Equal(new string('w', 10_000), a.GetValue(123_456));
        Assert.Equal("short", a.GetValue(999_999));
        Assert.True(np.dtype("U10000").ItemSize * 1_000_000L == 40_000_000_000L);
    }
}
