using NumNet.DTypes.Chrono;

namespace NumNet.DTypes.Text;

/// <summary>
/// The text slot of a dtype class: how many characters (for <c>U</c>) or bytes (for <c>S</c>) NumPy reserves for the
/// <c>str()</c> of any element of a descriptor. It sizes an unsized string target, in casts (<c>astype("U")</c>), in
/// <c>asarray(x, dtype: "U")</c> and in promotion with strings (int64 with <c>U</c> is <c>U21</c>).
/// </summary>
internal abstract class ElementText
{
    /// <summary>The width for <paramref name="dtype"/>, or null when NumPy sizes its text only from the data (object).</summary>
    public abstract int? Width(DType dtype);
}

/// <summary>A width every descriptor of the class shares: the longest <c>str()</c> of a number, a timedelta's int64 count.</summary>
/// <param name="width">The characters reserved.</param>
internal sealed class FixedWidthText(int width) : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => width;
}

/// <summary><c>S</c>, <c>U</c> and <c>V</c>: as many characters as the element is long.</summary>
internal sealed class OwnLengthText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => dtype.Length;
}

/// <summary>datetime64: the length of the ISO text at the descriptor's unit ("2001-01-01" for days is 10).</summary>
internal sealed class IsoDateText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => DateTimes.GetIsoStringLength(dtype.DateTimeMeta!.Value.Unit);
}

/// <summary>object: the width depends on the elements, so only the data can tell.</summary>
internal sealed class DataDependentText : ElementText
{
    /// <inheritdoc/>
    public override int? Width(DType dtype) => null;
}
