using System.Numerics;

namespace NumNet.Internal;

/// <summary>Moves a value shared between threads to the smallest, or the largest, any of them reports.</summary>
internal static class AtomicBound
{
    /// <summary>Sets <paramref name="target"/> to <paramref name="value"/> if that is smaller, however threads interleave.</summary>
    public static void Lower<T>(ref T target, T value) where T : unmanaged, IComparisonOperators<T, T, bool> =>
        Move(ref target, value, lower: true);

    /// <summary>Sets <paramref name="target"/> to <paramref name="value"/> if that is larger, however threads interleave.</summary>
    public static void Raise<T>(ref T target, T value) where T : unmanaged, IComparisonOperators<T, T, bool> =>
        Move(ref target, value, lower: false);

    private static void Move<T>(ref T target, T value, bool lower) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        // A compare-exchange that changes nothing reads the current value atomically.
        T seen = Interlocked.CompareExchange(ref target, default, default);
        while (lower ? value < seen : value > seen)
        {
            T was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }
}
