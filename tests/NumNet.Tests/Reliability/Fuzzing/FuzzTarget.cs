namespace NumNet.Tests.Reliability.Fuzzing;

/// <summary>
/// One thing to fuzz: how to make a random input, how to run it, and how to write it down so that a crash can be
/// committed as a regression input and replayed later. Inputs are generated from a <see cref="Random"/> seeded per
/// input, so any input is reproducible from (seed, index) alone.
/// </summary>
internal abstract class FuzzTarget<TInput>
{
    /// <summary>Short name used by tests/fuzz.sh, the corpus file names and reports.</summary>
    public abstract string Name { get; }

    /// <summary>A random input.</summary>
    public abstract TInput Generate(Random rng);

    /// <summary>Runs the library on <paramref name="input"/> and checks what it returned; throws on a broken invariant.</summary>
    public abstract void Execute(TInput input);

    /// <summary>The input as one line of text (JSON), for the corpus and failure reports.</summary>
    public abstract string Encode(TInput input);

    /// <summary>The inverse of <see cref="Encode"/>.</summary>
    public abstract TInput Decode(string line);

    /// <summary>
    /// Whether the library may throw <paramref name="e"/> for this target. The default admits NumPy's error classes as
    /// the conformance README maps them; targets whose API documents more (IO's InvalidDataException) widen it.
    /// </summary>
    public virtual bool IsDocumented(Exception e) => ExceptionPolicy.IsDocumentedCore(e);

    /// <summary>
    /// Most bytes (managed plus native) that running one input may allocate. An input the library rejects must be
    /// rejected before it allocates what the input claims, so this bound is small.
    /// </summary>
    public virtual long AllocationLimit => 64L << 20;

    /// <summary>
    /// Inputs a CI run tries: a fixed count (a few seconds' worth), so every machine runs exactly the same inputs and a
    /// faster machine cannot reach one that a slower one never saw.
    /// </summary>
    public virtual long CiInputs => 5_000;
}

/// <summary>
/// The exception contract every fuzz target shares. Bugs show up as exceptions the library never documents:
/// NullReferenceException, an IndexOutOfRangeException from a CLR bounds check, InvalidOperationException, and so on.
/// </summary>
internal static class ExceptionPolicy
{
    /// <summary>
    /// NumPy's ValueError/TypeError/OverflowError/IndexError mapped to .NET (IndexError is an
    /// ArgumentOutOfRangeException, an ArgumentException); an IndexOutOfRangeException can only be the runtime's own
    /// bounds check, so it is a bug.
    /// </summary>
    public static bool IsDocumentedCore(Exception e) => e switch
    {
        // ArgumentNullException only comes from inputs the fuzzers build, which never pass null where it is forbidden.
        ArgumentNullException => false,
        ArgumentException or InvalidCastException or OverflowException => true,
        _ => false,
    };
}

/// <summary>A fuzz target found the library's answer wrong (as opposed to an exception escaping the library).</summary>
internal sealed class InvariantException(string message) : Exception(message);
