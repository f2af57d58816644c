using System.Buffers;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// A buffer over native memory that someone else owns (an array interface's pointer). The exporter is kept alive
/// through the array's base and is responsible for the memory outliving it.
/// </summary>
internal sealed unsafe class PointerBuffer : ArrayBuffer
{
    private readonly nint _pointer;
    private readonly long _byteLength;
    private readonly bool _readOnly;

    public PointerBuffer(nint pointer, long byteLength, bool readOnly)
    {
        if (pointer == 0 && byteLength > 0)
            throw new ArgumentException("the array interface gives a null pointer for a non-empty buffer");
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        _pointer = pointer;
        _byteLength = byteLength;
        _readOnly = readOnly;
    }

    public override long ByteLength => _byteLength;

    public override bool IsReadOnly => _readOnly;

    internal override object? MemoryKey => null;

    internal override long KeyOffset => 0;

    internal override nint NativeAddress => _pointer;

    internal override int BaseAlignment => _pointer == 0 ? 64 : (int)Math.Min(64, _pointer & -_pointer);

    private protected override ref byte Origin() => ref *(byte*)_pointer;

    private protected override MemoryHandle Pin() => new((void*)_pointer);
}
