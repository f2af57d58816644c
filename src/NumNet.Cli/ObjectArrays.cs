using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// Says what happened when an array that .npy stores as a Python pickle (dtype object, or a dtype such as
/// StringDType that NumPy pickles) is about to be written without <c>--allow-pickle</c>: the library's message names
/// NumPy's keyword, the tool's user needs the option.
/// </summary>
internal static class ObjectArrays
{
    private const string Remedy = ".npy stores such arrays as a Python pickle: " + PickleOption.Name + " writes one";

    /// <summary>Throws for an array that would be pickled.</summary>
    /// <exception cref="InputException">The array would be stored as a pickle.</exception>
    public static void ThrowIfAny(NDArray array)
    {
        if (!NpyWriter.IsPickled(array.DType))
            return;
        throw new InputException($"the array has dtype {array.DType}; {Remedy}");
    }
}
