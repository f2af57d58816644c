namespace NumNet.DTypes.Text.Digits;

/// <summary>What a digit-count cutoff (precision or minimum digits) counts.</summary>
internal enum CutoffMode
{
    /// <summary>The count is of significant digits, starting at the first non-zero digit.</summary>
    TotalLength,

    /// <summary>The count is of digits after the decimal point, leading zeros included.</summary>
    FractionLength,
}
