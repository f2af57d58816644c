using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// Stage 4 of the coercion pipeline: the new array for discovered input. Nested input has no layout of its own, so
/// order F gives a Fortran-ordered array and every other order a C-ordered one.
/// </summary>
internal static class Allocate
{
    /// <summary>An uninitialised array of the discovered shape and dtype (object arrays start as nulls).</summary>
    public static NDArray For(Discovered discovered, MemoryOrder order) =>
        NDArray.Allocate(discovered.DType, discovered.Shape, order == MemoryOrder.F ? MemoryOrder.F : MemoryOrder.C, zero: false);
}
