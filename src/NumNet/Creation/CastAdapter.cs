using System.Numerics;
using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// The seam between creation and the casting engine: <c>CastInto(src, dst)</c> and <c>Cast(src, to, order)</c> hand
/// over to <c>Casting.CastEngine</c>, whose loops do NumPy's value conversions.
/// </summary>
internal static class CastAdapter
{
    /// <summary>Casts every element of <paramref name="src"/> into the same position of <paramref name="dst"/> (same shape).</summary>
    public static void CastInto(NDArray src, NDArray dst) => Casting.CastEngine.CastInto(src, dst);

    /// <summary>A new array of <paramref name="to"/> holding <paramref name="src"/>'s values, laid out for <paramref name="order"/> (K keeps the source's layout).</summary>
    public static NDArray Cast(NDArray src, DType to, MemoryOrder order) => Casting.CastEngine.Cast(src, to, order);
}
