using System.Numerics;

namespace NumNet.Cli;

/// <summary>
/// Says what happened when an object array is about to be written to .npy or .npz. NumPy would pickle it; the tool
/// never writes pickles, and the library's message about pickles does not tell a user who converted a CSV that one
/// column held a number too large for any integer dtype.
/// </summary>
internal static class ObjectArrays
{
    /// <summary>Throws for an object array, naming the first cell that made it one when it is an integer.</summary>
    /// <exception cref="InputException">The array has dtype object.</exception>
    public static void ThrowIfAny(NDArray array)
    {
        if (!array.DType.IsObject)
            return;
        const string why = ".npy cannot store Python objects without pickling, which NumNet does not do";
        if (FirstHugeInteger(array) is { } where)
            throw new InputException($"{where} holds integers too large for int64/uint64; {why}");
        throw new InputException($"the array has dtype object; {why}");
    }

    /// <summary>"column N" (1-based) of a 2-d array, "element N" of a 1-d one, for the first integer no integer dtype holds.</summary>
    private static string? FirstHugeInteger(NDArray array)
    {
        long[] shape = array.Shape;
        long columns = array.NDim == 2 ? shape[1] : 1;
        if (array.NDim is not (1 or 2))
            return null;
        for (long i = 0; i < array.Size; i++)
        {
            object? cell = array.NDim == 2 ? array.GetValue(i / columns, i % columns) : array.GetValue(i);
            if (cell is BigInteger n && (n < long.MinValue || n > ulong.MaxValue))
                return array.NDim == 2 ? $"column {i % columns + 1}" : $"element {i}";
        }
        return null;
    }
}
