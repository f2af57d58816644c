using System.Numerics;

namespace NumNet.Internal;

/// <summary>Lowers a value shared between threads to the smallest any of them reports.</summary>
internal static class AtomicMinimum
{
    /// <summary>Sets <paramref name="target"/> to <paramref name="value"/> if that is smaller, however threads interleave.</summary>
    public static void Lower<T>(ref T target, T value) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        // A compare-exchange that changes nothing reads the current value atomically.
        T seen = Interlocked.CompareExchange(ref target, default, default);
        while (value < seen)
        {
            T was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }
}
