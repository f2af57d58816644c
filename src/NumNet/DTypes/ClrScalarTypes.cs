using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NumNet.DTypes;

/// <summary>
/// The .NET types NumNet knows as scalars of a dtype class (NumPy's <c>is_known_scalar_type</c>), in one table built
/// once from every class's <see cref="DTypeClass.Discovery"/> slot. <c>np.dtype(Type)</c> and discovery in
/// <c>np.asarray</c> both read it, so they cannot disagree.
/// </summary>
internal static class ClrScalarTypes
{
    // Runtime types are unique objects, so identity is equality; the default Type comparer costs far more per lookup.
    private static readonly Dictionary<Type, DTypeClass> Owners = Build();

    /// <summary>The class whose scalars <paramref name="type"/>'s values are.</summary>
    public static bool TryGetClass(Type type, [NotNullWhen(true)] out DTypeClass? owner) => Owners.TryGetValue(type, out owner);

    /// <summary>
    /// The dtype of every value of <paramref name="type"/>, when the type alone decides it (numbers, bool, char and the
    /// .NET date and time types); false for types whose dtype depends on the value or that are not scalars.
    /// </summary>
    public static bool TryGet(Type type, [NotNullWhen(true)] out DType? dtype)
    {
        dtype = Owners.TryGetValue(type, out var owner) ? owner.Discovery.DescriptorOfType(type, owner) : null;
        return dtype is not null;
    }

    /// <summary>The descriptor a known scalar implies (NumPy's <c>discover_descr_from_pyobject</c>); false for other values.</summary>
    public static bool TryDiscover(object value, [NotNullWhen(true)] out DType? dtype)
    {
        dtype = Owners.TryGetValue(value.GetType(), out var owner) ? owner.Discovery.Discover(value, owner) : null;
        return dtype is not null;
    }

    private static Dictionary<Type, DTypeClass> Build()
    {
        var table = new Dictionary<Type, DTypeClass>(TypeIdentity.Instance);
        foreach (var family in DTypeRegistry.Families)
        {
            foreach (var type in family.Discovery.KnownTypes)
            {
                if (!table.TryAdd(type, family))
                    throw new InvalidOperationException($"{type} is claimed as a scalar by both {table[type].Name} and {family.Name}");
            }
        }
        return table;
    }

    private sealed class TypeIdentity : IEqualityComparer<Type>
    {
        public static readonly TypeIdentity Instance = new();

        public bool Equals(Type? x, Type? y) => ReferenceEquals(x, y);

        public int GetHashCode(Type obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
