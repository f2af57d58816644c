using System.Numerics;
using NumNet.DTypes;

namespace NumNet.Tests.DTypes;

/// <summary>
/// One table maps .NET types to dtypes (issue 14): <c>np.dtype(typeof(T))</c> and the dtype <c>np.asarray</c>
/// discovers for a value of <c>T</c> agree for every type whose dtype does not depend on the value.
/// </summary>
public sealed class ClrScalarTypeTests
{
    public static TheoryData<object> Values => new()
    {
        true, (sbyte)1, (byte)1, (short)1, (ushort)1, 1, 1u, 1L, 1UL, (nint)1, (nuint)1, (Half)1, 1f, 1d,
        (LongDouble)1, new Complex64(1, 2), new Complex(1, 2), new Complex256(1, 2), 'x', new System.DateTime(2001, 2, 3),
        new DateTimeOffset(2001, 2, 3, 0, 0, 0, TimeSpan.Zero), new DateOnly(2001, 2, 3), TimeSpan.FromSeconds(3),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void TypeAndValueGiveTheSameDType(object value)
    {
        using var discovered = np.asarray(value);
        Assert.Equal(np.dtype(value.GetType()), discovered.DType);
    }

    [Fact]
    public void TypesWhoseScalarsCarryASizeNameTheUnsizedDType()
    {
        Assert.Equal("<U0", np.dtype(typeof(string)).Str);
        Assert.Equal("|S0", np.dtype(typeof(Bytes)).Str);
        Assert.Equal("<M8", np.dtype(typeof(DateTime64)).Str);
        Assert.Equal("<m8", np.dtype(typeof(TimeDelta64)).Str);
        Assert.Equal(np.object_, np.dtype(typeof(object)));
        Assert.Throws<ArgumentException>(() => np.dtype(typeof(Uri)));
    }

    [Fact]
    public void EveryKnownTypeBelongsToTheClassThatClaimsIt()
    {
        int claimed = 0;
        foreach (var family in DTypeRegistry.Families)
        {
            foreach (var type in family.Discovery.KnownTypes)
            {
                Assert.True(ClrScalarTypes.TryGetClass(type, out var owner));
                Assert.Same(family, owner);
                Assert.Equal(family.Code, np.dtype(type).Code);
                claimed++;
            }
        }
        // Every number class claims its element type; strings, bytes and the time classes their own scalars.
        Assert.True(claimed >= 16 + 2 + 1 + 4 + 2, $"only {claimed} .NET types are claimed");
    }
}
