using NumNet.Memory;

namespace NumNet.Casting.Loops;

/// <summary>
/// The cast of one line of elements between two fixed dtypes: <c>count</c> elements read at
/// <c>srcOffset + i * srcStride</c> and written at <c>dstOffset + i * dstStride</c> (bytes). The engine calls it once
/// per innermost line of the simplified iteration, so per-call work here is paid per line, not per element.
/// </summary>
internal abstract class CastLoop
{
    /// <summary>True when values can make the cast fail half-way (text that does not parse, None into an integer).</summary>
    public virtual bool CanFail => false;

    /// <summary>
    /// Elements at whose multiples (counted from a line's start) a line may be cut into runs that threads cast
    /// separately with the same bytes as one call; 0 when the loop is not cut (it works per element, fails, or its
    /// results depend on where a run ends).
    /// </summary>
    public virtual int SplitGranule => 0;

    public abstract void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count);
}

/// <summary>A loop over raw bytes, for dtypes whose elements live in the buffer (everything but object).</summary>
internal abstract class ByteCastLoop : CastLoop
{
    public sealed override void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count) =>
        RunBytes(ref src.At(srcOffset), (nint)srcStride, ref dst.At(dstOffset), (nint)dstStride, (nint)count);

    /// <summary>The same line cast over raw references, for callers whose source is not an <see cref="ArrayBuffer"/> (a row of a .NET collection).</summary>
    public void RunLine(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count) =>
        RunBytes(ref src, srcStride, ref dst, dstStride, count);

    protected abstract void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count);
}
