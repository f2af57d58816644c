namespace NumNet.DTypes.Text.Digits;

/// <summary>The trimming step shared by the positional and scientific layouts.</summary>
internal static class TrailingZeros
{
    /// <summary>
    /// Removes trailing zeros after the decimal point, then fixes up a bare decimal point according to
    /// <paramref name="trim"/>. Returns the number of digits left after the point.
    /// </summary>
    /// <param name="text">Text ending in the fractional digits; it contains a decimal point.</param>
    /// <param name="fraction">How many characters after the decimal point the text ends with.</param>
    /// <param name="trim">Any mode but <see cref="TrimMode.Keep"/>.</param>
    /// <param name="dropBarePoint">
    /// Whether <see cref="TrimMode.DotAndZeros"/> also removes a point left bare; NumPy's scientific
    /// printer keeps it (<c>"1.e+00"</c>).
    /// </param>
    public static int Trim(ref TextBuilder text, int fraction, TrimMode trim, bool dropBarePoint = true)
    {
        while (text.Last == '0')
        {
            text.Length--;
            fraction--;
        }

        if (text.Last == '.')
        {
            if (trim == TrimMode.Zero)
            {
                text.Append('0');
                fraction++;
            }
            else if (trim == TrimMode.DotAndZeros && dropBarePoint)
            {
                text.Length--;
            }
        }

        return fraction;
    }
}
