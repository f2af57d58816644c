using System.Globalization;
using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// The errors for input that changed between the moment discovery measured it and the moment fill read it (a list
/// whose Count lied, a row replaced by another thread): NumPy's "Inconsistent object during array creation", plus
/// what changed and where, so a caller can find the culprit.
/// </summary>
internal static class SourceChanged
{
    /// <summary>NumPy's words, the start of every message here.</summary>
    public const string Prefix = "Inconsistent object during array creation? Content of sequences changed";

    /// <summary>A sequence at <paramref name="index"/> whose length is no longer the one discovered.</summary>
    public static ArgumentException Length(ReadOnlySpan<long> index, long discovered, long now) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix} (length inconsistent): {Where("the sequence", index)} had {discovered} items when its shape was discovered and {now} when it was filled."));

    /// <summary>An element at <paramref name="index"/> that was a sequence (or an array) when discovered and is a scalar now.</summary>
    public static ArgumentException NotASequence(ReadOnlySpan<long> index, object? now) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}: {Where("the element", index)} was a sequence when its shape was discovered and is a {(now is null ? "null" : TypeName(now.GetType()))} when it was filled."));

    /// <summary>
    /// An element of the innermost sequence at <paramref name="rowIndex"/> that was a scalar when discovered and is a
    /// sequence or an array now (only an object array may hold those as elements).
    /// </summary>
    public static ArgumentException NotAScalar(ReadOnlySpan<long> rowIndex, object now) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}: an element of {Where("the sequence", rowIndex)} was a scalar when its shape was discovered and is a {TypeName(now.GetType())} when it was filled."));

    /// <summary>An array at <paramref name="index"/> whose shape is not the one discovered there.</summary>
    public static ArgumentException ArrayShape(ReadOnlySpan<long> index, ReadOnlySpan<long> discovered, ReadOnlySpan<long> now) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}: {Where("the array", index)} has shape {ShapeMath.Format(now)} where {ShapeMath.Format(discovered)} was discovered."));

    /// <summary>A list another thread modified while it was read (its count ran past its storage).</summary>
    public static ArgumentException Concurrently(object list, InvalidOperationException inner) =>
        new($"{Prefix}: a {TypeName(list.GetType())} was modified by another thread while it was read.", inner);

    // List<Object> rather than List`1.
    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    // The path of the node: "the sequence at index (1, 0)", or "the input" at the top.
    private static string Where(string what, ReadOnlySpan<long> index) =>
        index.IsEmpty ? "the input" : $"{what} at index {ShapeMath.Format(index)}";
}
