namespace NumNet.DTypes.Promotion;

/// <summary>
/// The promotion slots of one dtype class, as NumPy's <c>DTypeMeta</c> has them: <c>common_dtype</c> with another
/// class, and for parametric classes (sizes, units) <c>common_instance</c> of two descriptors. Every class carries one
/// (<see cref="DTypeClass.Promotion"/>), and <see cref="DTypePromotion"/> is the only code that calls them.
/// </summary>
internal abstract class PromotionRule
{
    /// <param name="typeNumber">NumPy's type number of the class, see <see cref="TypeNumber"/>.</param>
    protected PromotionRule(int typeNumber) => TypeNumber = typeNumber;

    /// <summary>
    /// NumPy's type number of the class (bool 0 … clongdouble 16, object 17, S 18, U 19, V 20, M 21, m 22, float16 23).
    /// The built-in rule lets the class with the larger number decide, so this order is part of the rule, not a label.
    /// </summary>
    public int TypeNumber { get; }

    /// <summary>NumPy's count of its built-in ("legacy") type numbers; a class numbered below it is one of them.</summary>
    public const int BuiltinTypeCount = 24;

    /// <summary>True for NumPy's built-in classes, the ones the abstract Python-number DTypes know.</summary>
    public bool IsBuiltin => TypeNumber < BuiltinTypeCount;

    /// <summary>True when descriptors of the class carry parameters (a length, a unit) that promotion must combine.</summary>
    public virtual bool IsParametric => false;

    /// <summary>
    /// NumPy's <c>common_dtype</c> slot, asked of <paramref name="self"/>: the class both promote to, or null when this
    /// class does not know <paramref name="other"/> (NumPy's <c>NotImplemented</c>; the other class may still know).
    /// </summary>
    public abstract DTypeClass? CommonClass(DTypeClass self, DTypeClass other);

    /// <summary>
    /// The same slot asked about a weak Python number (NumPy's abstract DTypes): the class both promote to, or null
    /// when this class does not know it (then the Python number's own rule is asked, see <see cref="DTypePromotion"/>).
    /// </summary>
    public virtual DTypeClass? CommonClass(DTypeClass self, WeakNumber weak) => null;

    /// <summary>
    /// <paramref name="from"/> as a descriptor of <paramref name="self"/>, the way a cast to the bare class would size
    /// it (int64 to <c>U</c> is <c>U21</c>, <c>m8[D]</c> to <c>M</c> is <c>M8[D]</c>). Only parametric classes need it.
    /// </summary>
    public virtual DType Adapt(DType from, DTypeClass self) => DTypeRegistry.Get(self.Code);

    /// <summary>NumPy's <c>common_instance</c>: one descriptor of this class that holds both (already adapted) ones.</summary>
    /// <exception cref="InvalidCastException">The two have no common instance (NumPy's DTypePromotionError).</exception>
    public virtual DType CommonInstance(DType a, DType b) => a.AsNative();
}
