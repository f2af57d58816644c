namespace NumNet.DTypes;

/// <summary>
/// A dtype class that brings every slot the built-in tables would otherwise hold: NumPy's new-style (non-legacy)
/// DType classes. It names its own spellings, prints its own descriptors, declares its casts with their safety (as
/// NumPy's ArrayMethod does) and carries its parameters in the descriptor. It has no row in the built-in tables
/// indexed by <see cref="DTypeCode"/>: its code is NumPy's type number for it, which has no enum name, so the
/// built-in switches never see it; generic code reaches it only through these slots.
/// </summary>
/// <remarks>Listed in <see cref="DTypeRegistry.Registered"/>, the one line adding such a class costs outside its folder.</remarks>
internal abstract class RegisteredDTypeClass(DTypeCode code, char kind, char typeChar, string name, int fixedSize, int alignment)
    : DTypeClass(code, kind, typeChar, name, fixedSize, alignment, null)
{
    /// <summary>
    /// NumPy's <c>NPY_NEEDS_INIT</c>: new arrays must start zeroed because arbitrary bytes are no valid element (they
    /// would refer to storage that is not there). True unless a class says otherwise.
    /// </summary>
    public virtual bool NeedsInit => true;

    /// <summary>
    /// NumPy's <c>NPY_ITEM_REFCOUNT</c>: elements refer to storage outside the array's bytes, so an array of this class
    /// cannot be made over foreign memory (<c>np.frombuffer</c>). True unless a class says otherwise.
    /// </summary>
    public virtual bool HoldsReferences => true;

    /// <summary>
    /// NumPy's <c>is_known_scalar_type</c> for NumPy scalars: whether this class's setitem takes a scalar of dtype
    /// <paramref name="own"/> itself (when false, the scalar is cast from its own dtype instead). True for every
    /// built-in dtype unless a class says otherwise, as StringDType's <c>stringdtype_is_known_scalar_type</c> answers.
    /// </summary>
    public virtual bool KnowsScalarsOf(DType own) => own.Family is not RegisteredDTypeClass;

    /// <summary>The descriptor a spelling given to <c>np.dtype</c> names, or null when it is not one of this class's.</summary>
    public abstract DType? Parse(string spelling);

    /// <summary>NumPy's <c>repr(dtype)</c> (also its <c>str</c> and what an array's repr shows after <c>dtype=</c>).</summary>
    public abstract string Repr(DType dtype);

    /// <summary>NumPy's <c>dtype.name</c>.</summary>
    public abstract string DescriptorName(DType dtype);

    /// <summary>NumPy's <c>dtype.str</c>, the array-interface typestr.</summary>
    public abstract string TypeStr(DType dtype);

    /// <summary>
    /// The cast between <paramref name="from"/> and <paramref name="to"/> when this class is one of the two and
    /// declares it; null when it defines no such cast.
    /// </summary>
    public abstract DeclaredCast? DeclareCast(DType from, DType to);

    /// <summary>
    /// The module-level Python callable that rebuilds this class's descriptors in a pickle (what the descriptor's
    /// <c>__reduce__</c> names), or null when the class cannot be pickled. Arrays of a class that can are pickled as
    /// NumPy pickles non-legacy dtypes: the descriptor by this call, the elements as a list of what getitem reads.
    /// </summary>
    public virtual (string Module, string Name)? PickleConstructor => null;

    /// <summary>The arguments <see cref="PickleConstructor"/> takes to rebuild <paramref name="dtype"/>.</summary>
    /// <exception cref="NotSupportedException">The class cannot be pickled.</exception>
    public virtual object?[] PickleArguments(DType dtype) =>
        throw new NotSupportedException($"dtype {Repr(dtype)} cannot be pickled");

    /// <summary>The descriptor a pickle's call of <see cref="PickleConstructor"/> with <paramref name="args"/> makes.</summary>
    /// <exception cref="ArgumentException">Arguments the constructor does not take.</exception>
    /// <exception cref="NotSupportedException">The class cannot be pickled.</exception>
    public virtual DType FromPickleArguments(object?[] args) =>
        throw new NotSupportedException($"dtype class {Name} cannot be unpickled");

    /// <summary>
    /// Whether an array of <paramref name="from"/> may be viewed as <paramref name="to"/>: always between built-in
    /// dtypes; with a registered class only when it declares the cast a view (NumPy's <c>_view_is_safe</c>, since its
    /// elements may refer to storage the bytes alone do not carry).
    /// </summary>
    public static bool MayView(DType from, DType to)
    {
        if (from.Family is not RegisteredDTypeClass && to.Family is not RegisteredDTypeClass)
            return true;
        return Declared(from, to) is { Convert: null, Refusal: null };
    }

    /// <summary>
    /// Whether a registered class is one of the two, and if so, whether it allows the cast under <paramref name="rule"/>
    /// (false for a pair it refuses or does not define, as NumPy's <c>can_cast</c> answers); null when neither is registered.
    /// </summary>
    public static bool? Allows(CastingRule rule, DType from, DType to)
    {
        if (from.Family is not RegisteredDTypeClass && to.Family is not RegisteredDTypeClass)
            return null;
        return Declared(from, to) is { Refusal: null } declared && declared.Rule <= rule;
    }

    private static DeclaredCast? Declared(DType from, DType to) =>
        (from.Family as RegisteredDTypeClass)?.DeclareCast(from, to) ?? (to.Family as RegisteredDTypeClass)?.DeclareCast(from, to);

    /// <summary>
    /// The cast a registered class declares between two descriptors (the source's class asked first); null when
    /// neither is a registered class.
    /// </summary>
    /// <exception cref="InvalidCastException">A registered class is involved and refuses the pair (NumPy's TypeError).</exception>
    public static DeclaredCast? Find(DType from, DType to)
    {
        if (from.Family is not RegisteredDTypeClass && to.Family is not RegisteredDTypeClass)
            return null;
        var declared = Declared(from, to)
            ?? throw new InvalidCastException($"Cannot cast array data from {from.Repr()} to {to.Repr()}: NumPy defines no such cast");
        return declared.Refusal is { } refusal ? throw new InvalidCastException(refusal) : declared;
    }
}

/// <summary>
/// One cast a registered class declares, as NumPy's ArrayMethod: its safety, the resolved target (open parameters
/// filled), and how one element converts.
/// </summary>
/// <param name="Rule">The strictest casting rule that allows the cast.</param>
/// <param name="To">The target descriptor, resolved.</param>
/// <param name="Convert">
/// Turns the source element, as the source's getitem reads it, into the value the target's setitem takes; null when
/// the cast is a view (the two descriptors share their storage, so the bytes copy unchanged).
/// </param>
/// <param name="Refusal">NumPy's message when it refuses the pair as given (an unsized target it cannot size).</param>
internal sealed record DeclaredCast(CastingRule Rule, DType To, Func<object?, object?>? Convert, string? Refusal = null)
{
    /// <summary>A refusal with NumPy's message.</summary>
    public static DeclaredCast Refused(DType to, string message) => new(CastingRule.Unsafe, to, null, message);
}
