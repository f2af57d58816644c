namespace NumNet;

/// <summary>
/// A <c>casting</c> argument in either spelling: a <see cref="CastingRule"/> (<c>casting: CastingRule.Safe</c>) or
/// NumPy's text (<c>casting: "same_kind"</c>). Text is checked where it is used, with NumPy's message.
/// </summary>
public readonly struct CastingLike : IEquatable<CastingLike>
{
    private readonly CastingRule? _rule;
    private readonly string? _text;

    private CastingLike(CastingRule? rule, string? text)
    {
        _rule = rule;
        _text = text;
    }

    /// <summary>The rule.</summary>
    /// <exception cref="ArgumentException">Text that is not a rule (NumPy's ValueError).</exception>
    /// <exception cref="ArgumentNullException">A null string.</exception>
    public CastingRule Rule => _rule ?? CastingRules.Parse(_text!);

    /// <summary>The rule as NumPy writes it ("same_kind"), or the text as given.</summary>
    public string? Text => _rule is { } r ? r.ToName() : _text;

    /// <summary>A rule from its enum value.</summary>
    public static implicit operator CastingLike(CastingRule rule) => new(rule, null);

    /// <summary>A rule from NumPy's text: "no", "equiv", "safe", "same_kind" or "unsafe".</summary>
    public static implicit operator CastingLike(string casting) => new(null, casting);

    /// <inheritdoc/>
    public bool Equals(CastingLike other) => _rule == other._rule && _text == other._text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CastingLike other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_rule, _text);

    /// <summary>The rule's text.</summary>
    public override string ToString() => Text ?? "";

    /// <summary>Same rule, spelled the same way.</summary>
    public static bool operator ==(CastingLike a, CastingLike b) => a.Equals(b);

    /// <summary>Another rule or spelling.</summary>
    public static bool operator !=(CastingLike a, CastingLike b) => !a.Equals(b);
}
