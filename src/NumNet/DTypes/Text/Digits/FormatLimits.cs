namespace NumNet.DTypes.Text.Digits;

/// <summary>Size limits inherited from NumPy's fixed formatting buffer.</summary>
internal static class FormatLimits
{
    /// <summary>
    /// The longest text NumPy can return (its buffer holds 16384 characters including the terminator).
    /// It also bounds how many digits are generated, which only matters for extended-precision types.
    /// </summary>
    public const int MaxLength = 16383;
}
