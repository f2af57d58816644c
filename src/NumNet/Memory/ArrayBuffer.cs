using System.Buffers;
using System.Diagnostics;

namespace NumNet.Memory;

/// <summary>
/// Where an array's bytes live. A buffer is a flat run of <see cref="ByteLength"/> bytes; arrays lay shapes and
/// strides over it. Views share their base's buffer.
/// </summary>
/// <remarks>
/// <para>
/// A buffer is a leased resource. Every array over it holds a <em>claim</em> (taken when the array is made, given
/// back by its <c>Dispose</c>), and every read or write holds a <em>lease</em> for its duration (<see cref="Lease"/>,
/// the only way to reach the memory). When the last claim is given back the buffer closes: no new claim or lease is
/// granted, and the memory is released as soon as the last lease in flight ends, so a copy that was running finishes
/// on memory that is still there. Memory nobody disposed is released when the garbage collector finds the buffer
/// unreachable. The rules are the same for every size and every kind of memory.
/// </para>
/// <para>
/// Subclasses hold the memory (a managed array of any rank, native memory, an <c>object[]</c>, a memory-mapped file)
/// and say where byte 0 is while a lease is held.
/// </para>
/// </remarks>
public abstract class ArrayBuffer
{
    // Set in _leases once no claim is left: no new lease, and the last lease in flight releases the memory.
    private const long ClosedFlag = 1L << 62;

    // 64 bits because views that are never disposed keep their claim: a long-running program could pass 2^31.
    private long _claims;
    private long _leases;
    private int _released;

    /// <summary>Number of addressable bytes.</summary>
    public abstract long ByteLength { get; }

    /// <summary>True when writes are not allowed (the array's WRITEABLE flag cannot be set).</summary>
    public abstract bool IsReadOnly { get; }

    /// <summary>
    /// True once the buffer is closed: every array over it was disposed (or the buffer itself was), so no access is
    /// granted any more. The memory itself is released when the last access that was running ends.
    /// </summary>
    public bool IsClosed => (Volatile.Read(ref _leases) & ClosedFlag) != 0;

    /// <summary>Claims held now: arrays over this buffer not yet disposed, and retentions (for tests and diagnostics).</summary>
    internal long ClaimCount => Interlocked.Read(ref _claims);

    /// <summary>
    /// Identity of the underlying memory for overlap tests: two buffers overlap only when their keys are the same
    /// object (a managed array) or both null (native addresses, compared by <see cref="NativeAddress"/>).
    /// </summary>
    internal abstract object? MemoryKey { get; }

    /// <summary>Position of byte 0 of this buffer inside the memory named by <see cref="MemoryKey"/>.</summary>
    internal abstract long KeyOffset { get; }

    /// <summary>Absolute address of byte 0 for native buffers, 0 for managed ones.</summary>
    internal virtual nint NativeAddress => 0;

    /// <summary>Alignment guaranteed for byte 0 (managed arrays: 8 on 64-bit; native: 64).</summary>
    internal abstract int BaseAlignment { get; }

    /// <summary>True for the buffer of a dtype-object array, whose elements are references rather than bytes.</summary>
    internal virtual bool HoldsObjects => false;

    /// <summary>
    /// Access to the memory for the duration of one operation: dispose the lease (<c>using var lease = ...</c>) when the
    /// operation ends. Until then the memory stays valid, whatever other threads dispose meanwhile.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The buffer is closed.</exception>
    internal BufferLease Lease()
    {
        AcquireLease();
        try
        {
            return new BufferLease(this, new LeasedMemory(ref Origin(), LeasedObjects, ByteLength));
        }
        catch
        {
            // A memory manager that refuses its span (it was disposed by its owner) must not leave the lease counted.
            ReleaseLease();
            throw;
        }
    }

    /// <summary>A reference to byte 0. Called only while a lease is held, so the memory is there.</summary>
    private protected abstract ref byte Origin();

    /// <summary>For object buffers, the references; null for byte buffers. Read only while a lease is held.</summary>
    private protected virtual object?[]? LeasedObjects => null;

    /// <summary>
    /// The address of byte 0, valid until the handle is disposed (managed memory is pinned until then). Called only
    /// while a lease is held; the caller keeps the lease for as long as it keeps the handle.
    /// </summary>
    /// <exception cref="NotSupportedException">The memory has no address (object arrays).</exception>
    private protected abstract MemoryHandle Pin();

    /// <summary>Releases the memory. Called once: when the buffer closed and its last lease ended, or by a finalizer.</summary>
    /// <param name="finalizing">True when called from a finalizer, where other managed objects may already be finalized.</param>
    private protected virtual void ReleaseMemory(bool finalizing)
    {
    }

    /// <summary>Takes a claim: an array (or a <see cref="MemoryRetention"/>) that may use the memory until it gives the claim back.</summary>
    /// <exception cref="ObjectDisposedException">The buffer is closed.</exception>
    internal void AddClaim()
    {
        Interlocked.Increment(ref _claims);
        if (IsClosed)
        {
            Interlocked.Decrement(ref _claims);
            ThrowClosed();
        }
    }

    /// <summary>Gives a claim back; the last one closes the buffer.</summary>
    internal void ReleaseClaim()
    {
        long left = Interlocked.Decrement(ref _claims);
        Debug.Assert(left >= 0, "a claim was given back twice");
        if (left == 0)
            Close();
    }

    /// <summary>Starts an access; pairs with <see cref="ReleaseLease"/>.</summary>
    /// <exception cref="ObjectDisposedException">The buffer is closed.</exception>
    internal void AcquireLease()
    {
        long state = Volatile.Read(ref _leases);
        while (true)
        {
            if ((state & ClosedFlag) != 0)
                ThrowClosed();
            long seen = Interlocked.CompareExchange(ref _leases, state + 1, state);
            if (seen == state)
                return;
            state = seen;
        }
    }

    /// <summary>Ends an access; the last one after the buffer closed releases the memory.</summary>
    internal void ReleaseLease()
    {
        long state = Interlocked.Decrement(ref _leases);
        Debug.Assert((state & ~ClosedFlag) >= 0, "a lease was ended twice");
        if (state == ClosedFlag)
            ReleaseOnce(finalizing: false);
    }

    /// <summary>
    /// Closes the buffer whatever claims are left: no new access is granted, and the memory is released when the
    /// accesses running now end. Safe to call more than once.
    /// </summary>
    private protected void Close()
    {
        long state = Volatile.Read(ref _leases);
        while ((state & ClosedFlag) == 0)
        {
            long seen = Interlocked.CompareExchange(ref _leases, state | ClosedFlag, state);
            if (seen == state)
            {
                if (state == 0)
                    ReleaseOnce(finalizing: false);
                return;
            }
            state = seen;
        }
    }

    /// <summary>For finalizers: the buffer is unreachable, so no lease can be running; releases the memory if still held.</summary>
    private protected void ReleaseFromFinalizer() => ReleaseOnce(finalizing: true);

    private void ReleaseOnce(bool finalizing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            ReleaseMemory(finalizing);
    }

    /// <summary>The address of byte 0, pinned, for <see cref="MemoryRetention"/>; the caller holds a lease.</summary>
    internal MemoryHandle PinUnderLease() => Pin();

    /// <summary>What an access after the buffer closed is told; a buffer closed for a reason of its own names it.</summary>
    private protected virtual string ClosedMessage => "the array's memory was released: every array over it was disposed, or its buffer was closed";

    private void ThrowClosed() => throw new ObjectDisposedException(nameof(NDArray), ClosedMessage);
}
