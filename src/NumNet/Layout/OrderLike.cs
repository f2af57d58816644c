namespace NumNet;

/// <summary>
/// An <c>order</c> argument in either spelling: a <see cref="MemoryOrder"/> (<c>order: MemoryOrder.F</c>) or NumPy's
/// text (<c>order: "F"</c>, any case). Text is kept as written and checked where it is used, so an invalid order
/// (<c>"X"</c>, <c>""</c>) fails with NumPy's error at the point NumPy would raise it.
/// </summary>
public readonly struct OrderLike : IEquatable<OrderLike>
{
    private readonly MemoryOrder? _order;
    private readonly string? _text;

    private OrderLike(MemoryOrder? order, string? text)
    {
        _order = order;
        _text = text;
    }

    /// <summary>The order as NumPy's text: "C", "F", "A" or "K" for an enum value; a string as given (null when none).</summary>
    public string? Text => _order is { } o ? o.ToString() : _text;

    /// <summary>The order, with <paramref name="whenNone"/> for none given.</summary>
    /// <exception cref="ArgumentException">Text that is not an order.</exception>
    public MemoryOrder Resolve(MemoryOrder whenNone) => _order ?? MemoryOrders.Parse(_text, whenNone);

    /// <summary>An order from its enum value.</summary>
    public static implicit operator OrderLike(MemoryOrder order) => new(order, null);

    /// <summary>An order from NumPy's text ("C", "F", "A", "K" in either case); null means the function's default.</summary>
    public static implicit operator OrderLike(string? order) => new(null, order);

    /// <inheritdoc/>
    public bool Equals(OrderLike other) => _order == other._order && _text == other._text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OrderLike other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_order, _text);

    /// <summary>The order's text, or "None".</summary>
    public override string ToString() => Text ?? "None";

    /// <summary>Same order, spelled the same way.</summary>
    public static bool operator ==(OrderLike a, OrderLike b) => a.Equals(b);

    /// <summary>Another order or spelling.</summary>
    public static bool operator !=(OrderLike a, OrderLike b) => !a.Equals(b);
}
