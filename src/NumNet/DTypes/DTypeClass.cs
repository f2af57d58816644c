using NumNet.DTypes.Discovery;
using NumNet.DTypes.Promotion;
using NumNet.DTypes.Text;

namespace NumNet.DTypes;

/// <summary>
/// What all dtypes of one family share: NumPy's DType class. Every dtype-specific behaviour lives here or in a
/// subclass, so callers ask the class instead of switching on <see cref="DTypeCode"/>.
/// </summary>
internal abstract class DTypeClass
{
    protected DTypeClass(DTypeCode code, char kind, char typeChar, string name, int fixedSize, int alignment, Type? elementType)
    {
        Code = code;
        Kind = kind;
        TypeChar = typeChar;
        Name = name;
        FixedSize = fixedSize;
        Alignment = alignment;
        ElementType = elementType;
    }

    /// <summary>The family.</summary>
    public DTypeCode Code { get; }

    /// <summary>NumPy's kind letter: b i u f c O S U V M m.</summary>
    public char Kind { get; }

    /// <summary>NumPy's canonical type character.</summary>
    public char TypeChar { get; }

    /// <summary>The name without size or unit suffix ("float64", "bytes", "datetime64").</summary>
    public string Name { get; }

    /// <summary>Itemsize for fixed-size families, 0 for the flexible ones (S, U, V).</summary>
    public int FixedSize { get; }

    /// <summary>Required alignment in bytes.</summary>
    public int Alignment { get; }

    /// <summary>The CLR type an element is read as, when there is one (null for S, U, V).</summary>
    public Type? ElementType { get; }

    /// <summary>The discovery slots: which .NET types are this class's scalars, and the descriptor a value implies.</summary>
    public required ScalarDiscovery Discovery { get; init; }

    /// <summary>The promotion slots (<c>common_dtype</c>, <c>common_instance</c>); set where the class is registered.</summary>
    public required PromotionRule Promotion { get; init; }

    /// <summary>The text slot: the width of an element's <c>str()</c> when cast or promoted to a string.</summary>
    public required ElementText Text { get; init; }

    /// <summary>True for S, U and V, whose size is a parameter.</summary>
    public bool IsFlexible => FixedSize == 0;

    /// <summary>
    /// Size of the unit a byte swap reverses: the whole element for scalars, each half for complex numbers,
    /// 4 bytes for UCS-4 text, 0 where byte order does not apply.
    /// </summary>
    public abstract int SwapUnit { get; }

    /// <summary>Reads one element, in storage byte order, as a boxed .NET value (NumPy's getitem).</summary>
    public abstract object? GetBoxed(ReadOnlySpan<byte> element, DType dtype);

    /// <summary>Writes a .NET value into one element, in storage byte order (NumPy's setitem).</summary>
    public abstract void SetBoxed(Span<byte> element, object? value, DType dtype);

    /// <summary>Calls the visitor with this family's element type as a generic argument.</summary>
    public abstract TResult Accept<TVisitor, TResult>(ref TVisitor visitor) where TVisitor : struct, IDTypeVisitor<TResult>;

    /// <summary>Reverses every swap unit of an element in place.</summary>
    public void SwapInPlace(Span<byte> element)
    {
        int unit = SwapUnit;
        if (unit <= 1)
            return;
        for (int i = 0; i + unit <= element.Length; i += unit)
            element.Slice(i, unit).Reverse();
    }
}

/// <summary>
/// A computation that needs the element type as a generic parameter. The dtype calls <see cref="Visit{T}"/> once per
/// operation, so the JIT specialises the body for each element type with no boxing in the loop.
/// </summary>
internal interface IDTypeVisitor<out TResult>
{
    /// <summary>Runs the computation for element type <typeparamref name="T"/>.</summary>
    TResult Visit<T>() where T : unmanaged;

    /// <summary>Runs the computation for families without an unmanaged element type (S, U, V, object).</summary>
    TResult VisitOther(DTypeClass dtypeClass);
}
