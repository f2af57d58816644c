using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// A buffer over a <see cref="ReadOnlyMemory{T}"/> that is not backed by a managed array (a <c>MemoryManager</c>):
/// every access asks the memory for its span, so the manager stays in charge of pinning and lifetime.
/// </summary>
internal sealed class MemoryBuffer<T> : ArrayBuffer where T : unmanaged
{
    private readonly ReadOnlyMemory<T> _memory;
    private readonly bool _readOnly;

    public MemoryBuffer(ReadOnlyMemory<T> memory, bool readOnly)
    {
        _memory = memory;
        _readOnly = readOnly;
    }

    public override long ByteLength => (long)_memory.Length * Unsafe.SizeOf<T>();

    public override bool IsReadOnly => _readOnly;

    // The buffer itself identifies the memory: views share it, and the manager's own offsets are not visible here.
    internal override object? MemoryKey => this;

    internal override long KeyOffset => 0;

    internal override int BaseAlignment => Unsafe.SizeOf<T>() is var s && (s & (s - 1)) == 0 ? Math.Min(s, 8) : 1;

    private protected override ref byte Origin() =>
        ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(_memory.Span));

    private protected override MemoryHandle Pin() => _memory.Pin();
}
