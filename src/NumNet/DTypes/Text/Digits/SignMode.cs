namespace NumNet;

/// <summary>
/// Chooses which character, if any, precedes a non-negative number.
/// Negative numbers (including negative zero) always start with <c>'-'</c>.
/// </summary>
public enum SignMode
{
    /// <summary>Only negative values get a sign (NumPy's <c>sign=False</c>, printoptions <c>sign='-'</c>).</summary>
    Minus,

    /// <summary>Non-negative values get a <c>'+'</c> (NumPy's <c>sign=True</c>, printoptions <c>sign='+'</c>).</summary>
    Plus,

    /// <summary>Non-negative values get a space where the sign would be (printoptions <c>sign=' '</c>).</summary>
    Space,
}
