namespace NumNet.DTypes.Discovery;

/// <summary>
/// The discovery slots of one dtype class, as NumPy's <c>DTypeMeta</c> has them: which .NET types are its scalars
/// (<c>is_known_scalar_type</c>) and the descriptor a value of one implies (<c>discover_descr_from_pyobject</c>).
/// <see cref="ClrScalarTypes"/> builds its one table from these, so a new class claims its .NET types here.
/// </summary>
internal abstract class ScalarDiscovery
{
    /// <summary>The .NET types whose values are scalars of this class; no two classes may claim the same type.</summary>
    public abstract IReadOnlyList<Type> KnownTypes { get; }

    /// <summary>The descriptor of every value of <paramref name="type"/> when the type alone decides it; null when the value does.</summary>
    public abstract DType? DescriptorOfType(Type type, DTypeClass self);

    /// <summary>The descriptor <paramref name="value"/> (of one of <see cref="KnownTypes"/>) implies.</summary>
    public virtual DType Discover(object value, DTypeClass self) =>
        DescriptorOfType(value.GetType(), self) ?? throw new InvalidOperationException($"{GetType().Name} must discover values of {value.GetType()}");
}

/// <summary>Numbers and bool: each of their .NET types is the class's default descriptor, whatever the value.</summary>
/// <param name="types">The element type, and any other .NET type NumPy maps to the class (nint for int64).</param>
internal sealed class FixedDiscovery(params Type[] types) : ScalarDiscovery
{
    /// <inheritdoc/>
    public override IReadOnlyList<Type> KnownTypes => types;

    /// <inheritdoc/>
    public override DType? DescriptorOfType(Type type, DTypeClass self) => DTypeRegistry.Get(self.Code);
}

/// <summary>Classes that have no scalars of their own (object holds any value; void holds raw bytes).</summary>
internal sealed class NoDiscovery : ScalarDiscovery
{
    /// <inheritdoc/>
    public override IReadOnlyList<Type> KnownTypes => [];

    /// <inheritdoc/>
    public override DType? DescriptorOfType(Type type, DTypeClass self) => null;
}

/// <summary><c>U</c>: a string is as long as its code points (a surrogate pair is one), a char is <c>U1</c>.</summary>
internal sealed class UnicodeDiscovery : ScalarDiscovery
{
    /// <inheritdoc/>
    public override IReadOnlyList<Type> KnownTypes => [typeof(string), typeof(char)];

    /// <inheritdoc/>
    public override DType? DescriptorOfType(Type type, DTypeClass self) =>
        type == typeof(char) ? DTypeRegistry.Get(self.Code).WithLength(1) : null;

    /// <inheritdoc/>
    public override DType Discover(object value, DTypeClass self) =>
        value is string s ? DTypeRegistry.Get(self.Code).WithLength(CodePoints(s)) : base.Discover(value, self);

    /// <summary>Number of code points, as NumPy's U counts them (a surrogate pair is one character).</summary>
    public static int CodePoints(string s)
    {
        int n = s.Length;
        foreach (char c in s)
        {
            if (char.IsHighSurrogate(c))
                n--;
        }
        return n;
    }
}

/// <summary><c>S</c>: a <see cref="Bytes"/> value is as long as its bytes.</summary>
internal sealed class BytesDiscovery : ScalarDiscovery
{
    /// <inheritdoc/>
    public override IReadOnlyList<Type> KnownTypes => [typeof(Bytes)];

    /// <inheritdoc/>
    public override DType? DescriptorOfType(Type type, DTypeClass self) => null;

    /// <inheritdoc/>
    public override DType Discover(object value, DTypeClass self) => DTypeRegistry.Get(self.Code).WithLength(((Bytes)value).Length);
}

/// <summary>
/// <c>M8</c> and <c>m8</c>: NumNet's own scalars carry their unit; the .NET date and time types map to the unit of
/// their resolution as NumPy maps Python's (<c>DateTime</c> and <c>TimeSpan</c> to microseconds, <c>DateOnly</c> to days).
/// </summary>
/// <param name="ownScalar">DateTime64 or TimeDelta64, whose values name their unit.</param>
/// <param name="byType">The .NET types whose unit is fixed, with that unit.</param>
internal sealed class TimeDiscovery(Type ownScalar, params (Type Type, DateTimeUnit Unit)[] byType) : ScalarDiscovery
{
    private readonly Type[] _known = [ownScalar, .. byType.Select(t => t.Type)];

    /// <inheritdoc/>
    public override IReadOnlyList<Type> KnownTypes => _known;

    /// <inheritdoc/>
    public override DType? DescriptorOfType(Type type, DTypeClass self)
    {
        foreach (var (t, unit) in byType)
        {
            if (t == type)
                return DTypeParser.DateTimeDType(self.Code, new DateTimeMetadata(unit, 1));
        }
        return null;
    }

    /// <inheritdoc/>
    public override DType Discover(object value, DTypeClass self) => value switch
    {
        DateTime64 d => DTypeParser.DateTimeDType(self.Code, d.Unit),
        TimeDelta64 t => DTypeParser.DateTimeDType(self.Code, t.Unit),
        _ => base.Discover(value, self),
    };
}
