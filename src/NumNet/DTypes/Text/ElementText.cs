using System.Globalization;
using NumNet.DTypes.Chrono;

namespace NumNet.DTypes.Text;

/// <summary>
/// The text slot of a dtype class: the <c>str()</c> of one of its scalars, and how many characters (for <c>U</c>) or
/// bytes (for <c>S</c>) NumPy reserves for the <c>str()</c> of any element of a descriptor. The width sizes an unsized
/// string target in casts (<c>astype("U")</c>), in <c>asarray(x, dtype: "U")</c> and in promotion with strings (int64
/// with <c>U</c> is <c>U21</c>); the text is what printing a 0-d array, casts to strings and stores into string
/// arrays write (<see cref="ScalarStr"/> dispatches to it).
/// </summary>
internal abstract class ElementText
{
    /// <summary>The width for <paramref name="dtype"/>, or null when NumPy sizes its text only from the data (object).</summary>
    public abstract int? Width(DType dtype);

    /// <summary>NumPy's <c>str()</c> of <paramref name="value"/>, a value of one of the class's scalar types.</summary>
    public abstract string Str(object value);

    /// <summary>The invariant text of a value the class knows but prints no differently from .NET.</summary>
    protected static string Invariant(object value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
}

/// <summary>Bool and the numbers: one width for every descriptor, and the text of the class's element type.</summary>
/// <param name="width">The longest <c>str()</c> of a value: sign and digits, NumPy's 32 for floats, 64 for complex.</param>
/// <param name="str">The <c>str()</c> of an element value.</param>
internal sealed class NumberText<T>(int width, Func<T, string> str) : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => width;

    /// <inheritdoc/>
    public override string Str(object value) => value is T t ? str(t) : Invariant(value);
}

/// <summary><c>S</c>, <c>U</c> and <c>V</c>: as many characters as the element is long; text is itself.</summary>
internal sealed class OwnLengthText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => dtype.Length;

    /// <inheritdoc/>
    public override string Str(object value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        _ => Invariant(value),
    };
}

/// <summary>datetime64: the length of the ISO text at the descriptor's unit; a value prints as that ISO text.</summary>
internal sealed class IsoDateText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => DateTimes.GetIsoStringLength(dtype.DateTimeMeta!.Value.Unit);

    /// <inheritdoc/>
    public override string Str(object value) => value is DateTime64 t ? DateTimes.Format(t.Value, t.Unit) : Invariant(value);
}

/// <summary>timedelta64: sized like its int64 count; a value prints as its count and unit name ("5 seconds").</summary>
internal sealed class TimeDeltaText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => 21;

    /// <inheritdoc/>
    public override string Str(object value) => value is TimeDelta64 t ? ScalarStr.TimeDelta(t) : Invariant(value);
}

/// <summary>object: the width depends on the elements, so only the data can tell; it has no scalars of its own.</summary>
internal sealed class DataDependentText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => null;

    /// <inheritdoc/>
    public override string Str(object value) => Invariant(value);
}
