using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// Appends characters into a fixed buffer, failing the way NumPy 2 does when a result would not fit
/// in its formatting buffer.
/// </summary>
internal struct TextBuilder
{
    private readonly char[] _buffer;

    /// <summary>Writes into <paramref name="buffer"/> from its start.</summary>
    public TextBuilder(char[] buffer)
    {
        _buffer = buffer;
        Length = 0;
    }

    /// <summary>Number of characters written; may be lowered to drop characters from the end.</summary>
    public int Length { get; set; }

    /// <summary>The last character written.</summary>
    public readonly char Last => _buffer[Length - 1];

    /// <summary>The characters written so far.</summary>
    public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, Length);

    /// <summary>Appends one character.</summary>
    public void Append(char c)
    {
        Reserve(1);
        _buffer[Length++] = c;
    }

    /// <summary>Appends a run of characters.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="c"/>; nothing when count is not positive.</summary>
    public void Append(char c, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Reserve(count);
        _buffer.AsSpan(Length, count).Fill(c);
        Length += count;
    }

    /// <summary>Builds the final string with <paramref name="leftPad"/> spaces in front of the written text.</summary>
    public readonly string ToString(int leftPad)
    {
        leftPad = Math.Max(leftPad, 0);
        if ((long)leftPad + Length > _buffer.Length)
        {
            throw TooLarge();
        }

        if (leftPad == 0)
        {
            return new string(Written);
        }

        return string.Create(leftPad + Length, (_buffer, leftPad), static (span, state) =>
        {
            span[..state.leftPad].Fill(' ');
            state._buffer.AsSpan(0, span.Length - state.leftPad).CopyTo(span[state.leftPad..]);
        });
    }

    /// <inheritdoc/>
    public override readonly string ToString() => ToString(0);

    private readonly void Reserve(int count)
    {
        if (count > _buffer.Length - Length)
        {
            throw TooLarge();
        }
    }

    private static InvalidOperationException TooLarge() =>
        new("Float formatting result too large");
}
