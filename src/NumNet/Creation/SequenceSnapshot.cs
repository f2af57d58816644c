using System.Collections;
using System.Runtime.InteropServices;

namespace NumNet.Creation;

/// <summary>
/// One read of a sequence's items, as NumPy's <c>PySequence_Fast</c> takes: for an <c>object[]</c> the array itself,
/// for a <see cref="List{T}"/> a span over its storage at this moment. Whatever the source does afterwards (another
/// thread adding, removing or resizing), the span keeps its length and its storage stays alive, so a writer bounded by
/// the span's length stays inside what was allocated for it. (The general pipeline goes further for a
/// <c>List&lt;object?&gt;</c>: <see cref="Classifier"/> copies it once, so its two walks see the same values too.)
/// </summary>
internal static class SequenceSnapshot
{
    /// <summary>
    /// The items of <paramref name="items"/> when it is an <c>object[]</c> (or an array of a reference type, read as
    /// objects) or a <c>List&lt;object?&gt;</c>; false for any other list, which is read by index.
    /// </summary>
    public static bool TryItems(IList items, out ReadOnlySpan<object?> span)
    {
        if (items is object?[] array)
        {
            span = array;
            return true;
        }
        if (items is List<object?> list)
        {
            span = Of(list);
            return true;
        }
        span = default;
        return false;
    }

    /// <summary>The items of <paramref name="list"/> now.</summary>
    /// <exception cref="ArgumentException">Another thread is changing the list's size at this moment.</exception>
    public static ReadOnlySpan<T> Of<T>(List<T> list)
    {
        try
        {
            return CollectionsMarshal.AsSpan(list);
        }
        catch (InvalidOperationException e)
        {
            // The runtime refuses a span when the list's count is past its storage: a resize caught half done.
            throw SourceChanged.Concurrently(list, e);
        }
    }
}
