namespace NumNet.Formatting;

/// <summary>
/// A reusable character buffer holding the text of one element while the line layout decides where it goes, so
/// formatting an element needs no string of its own.
/// </summary>
internal sealed class WordBuffer
{
    private char[] _chars = new char[64];

    /// <summary>Number of characters written.</summary>
    public int Length { get; private set; }

    /// <summary>The characters written.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    /// <summary>The characters written, for in-place edits.</summary>
    public Span<char> WritableSpan => _chars.AsSpan(0, Length);

    /// <summary>Forgets the contents.</summary>
    public void Clear() => Length = 0;

    /// <summary>Appends one character.</summary>
    public void Append(char c)
    {
        Reserve(1);
        _chars[Length++] = c;
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="c"/> (nothing when count is not positive).</summary>
    public void Append(char c, int count)
    {
        if (count <= 0)
            return;
        Reserve(count);
        _chars.AsSpan(Length, count).Fill(c);
        Length += count;
    }

    /// <summary>Appends a run of characters.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>A span of <paramref name="count"/> characters to write into, committed by <see cref="Commit"/>.</summary>
    public Span<char> Reserve(int count)
    {
        if (_chars.Length - Length < count)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
        return _chars.AsSpan(Length, count);
    }

    /// <summary>Marks <paramref name="count"/> characters of the last <see cref="Reserve"/> as written.</summary>
    public void Commit(int count) => Length += count;

    /// <summary>Inserts <paramref name="count"/> spaces in front of the text from <paramref name="start"/> on.</summary>
    public void PadLeftFrom(int start, int count)
    {
        if (count <= 0)
            return;
        Reserve(count);
        _chars.AsSpan(start, Length - start).CopyTo(_chars.AsSpan(start + count));
        _chars.AsSpan(start, count).Fill(' ');
        Length += count;
    }

    /// <inheritdoc/>
    public override string ToString() => new(Span);
}
