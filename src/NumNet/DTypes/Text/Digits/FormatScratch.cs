using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// Per-thread working storage for formatting, so that printing many values reuses the same big-number
/// and character buffers instead of allocating new ones each time.
/// </summary>
internal sealed class FormatScratch
{
    [ThreadStatic]
    private static FormatScratch? t_current;

    private char[] _digits = new char[64];

    /// <summary>The storage belonging to the calling thread.</summary>
    public static FormatScratch Current => t_current ??= new FormatScratch();

    /// <summary>The value being converted, scaled to an integer.</summary>
    public BigNatural Value { get; } = new(40);

    /// <summary>The denominator that turns <see cref="Value"/> back into the value over a power of ten.</summary>
    public BigNatural Scale { get; } = new(40);

    /// <summary>The scaled distance to the rounding boundary below the value.</summary>
    public BigNatural Margin { get; } = new(40);

    /// <summary>Scratch for sums.</summary>
    public BigNatural Temp { get; } = new(40);

    /// <summary>Characters of the output text while it is assembled.</summary>
    public char[] Text { get; } = new char[FormatLimits.MaxLength];

    /// <summary>The digit buffer, grown to hold at least <paramref name="count"/> digits.</summary>
    public char[] EnsureDigitCapacity(int count)
    {
        if (_digits.Length < count)
        {
            _digits = new char[Math.Max(count, _digits.Length * 2)];
        }

        return _digits;
    }

    /// <summary>The digit buffer as last filled by <see cref="DigitGenerator"/>.</summary>
    public char[] Digits => _digits;
}
