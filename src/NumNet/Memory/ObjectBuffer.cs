using System.Buffers;

namespace NumNet.Memory;

/// <summary>
/// The buffer of a dtype-object array: an <c>object?[]</c>. Strides stay in bytes with an 8-byte element, as NumPy
/// reports them, and element <c>i</c> of the byte view is reference <c>i / 8</c>.
/// </summary>
public sealed class ObjectBuffer : ArrayBuffer
{
    private readonly object?[] _items;
    private readonly bool _readOnly;

    /// <summary>Wraps <paramref name="items"/> without copying.</summary>
    public ObjectBuffer(object?[] items, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        _readOnly = readOnly;
    }

    /// <summary>Size in bytes as NumPy counts it: 8 per reference.</summary>
    public override long ByteLength => (long)_items.Length * ElementSize;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    /// <summary>Bytes per element, as NumPy reports for dtype object on 64-bit machines.</summary>
    public const int ElementSize = 8;

    internal override object? MemoryKey => _items;

    internal override long KeyOffset => 0;

    internal override int BaseAlignment => ElementSize;

    internal override bool HoldsObjects => true;

    private protected override object?[]? LeasedObjects => _items;

    // The references are reached through LeasedObjects; there are no bytes to point at.
    private protected override ref byte Origin() => ref System.Runtime.CompilerServices.Unsafe.NullRef<byte>();

    private protected override MemoryHandle Pin() =>
        throw new NotSupportedException("an object array holds references, which have no address to share");
}
