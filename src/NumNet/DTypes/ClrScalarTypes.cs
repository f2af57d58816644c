using System.Runtime.CompilerServices;

namespace NumNet.DTypes;

/// <summary>
/// The .NET types NumNet knows as scalars of a dtype (NumPy's <c>is_known_scalar_type</c>), in one table built once
/// from the registry: each number class's element type, plus the .NET types NumPy's Python counterparts map to
/// (<c>nint</c> as int64, <c>char</c> as <c>U1</c>, <c>DateTime</c> as <c>M8[us]</c>, <c>TimeSpan</c> as
/// <c>m8[us]</c>). Used by <c>np.dtype(Type)</c> and by discovery, so both read the same answer.
/// </summary>
internal static class ClrScalarTypes
{
    // Runtime types are unique objects, so identity is equality; the default Type comparer costs far more per lookup.
    private static readonly Dictionary<Type, DType> ValueIndependent = Build();

    /// <summary>
    /// The dtype of every value of <paramref name="type"/>, when the type alone decides it (numbers, bool, char and the
    /// .NET date and time types); false for types whose dtype depends on the value or that are not scalars.
    /// </summary>
    public static bool TryGet(Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DType? dtype) =>
        ValueIndependent.TryGetValue(type, out dtype);

    private static Dictionary<Type, DType> Build()
    {
        var table = new Dictionary<Type, DType>(TypeIdentity.Instance);
        foreach (var family in DTypeRegistry.Families)
        {
            if (NumericTraits.IsNumeric(family.Code))
                table.Add(family.ElementType!, DTypeRegistry.Get(family.Code));
        }
        table.Add(typeof(nint), DTypeRegistry.Get(DTypeCode.Int64));
        table.Add(typeof(nuint), DTypeRegistry.Get(DTypeCode.UInt64));
        table.Add(typeof(char), DTypeRegistry.Get(DTypeCode.Unicode).WithLength(1));
        var microseconds = new DateTimeMetadata(DateTimeUnit.Microseconds, 1);
        table.Add(typeof(DateTime), DTypeParser.DateTimeDType(DTypeCode.DateTime64, microseconds));
        table.Add(typeof(DateTimeOffset), DTypeParser.DateTimeDType(DTypeCode.DateTime64, microseconds));
        table.Add(typeof(DateOnly), DTypeParser.DateTimeDType(DTypeCode.DateTime64, new DateTimeMetadata(DateTimeUnit.Days, 1)));
        table.Add(typeof(TimeSpan), DTypeParser.DateTimeDType(DTypeCode.TimeDelta64, microseconds));
        return table;
    }

    private sealed class TypeIdentity : IEqualityComparer<Type>
    {
        public static readonly TypeIdentity Instance = new();

        public bool Equals(Type? x, Type? y) => ReferenceEquals(x, y);

        public int GetHashCode(Type obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
