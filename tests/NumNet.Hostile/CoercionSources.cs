using System.Collections;
using NumNet.Creation;

namespace NumNet.Hostile;

/// <summary>
/// Sources that change between the moment <c>np.asarray</c> measures them and the moment it fills the result: the
/// value at index <c>i</c> is always <c>i + 0.5</c>, so any other value in a result is memory NumNet never wrote.
/// </summary>
public static class CoercionSources
{
    /// <summary>The value every lying source holds at <paramref name="index"/>.</summary>
    public static double ValueAt(long index) => index + 0.5;

    /// <summary>A list whose Count changes after it is first asked.</summary>
    public interface ILying
    {
        /// <summary>How many times Count was asked: a result built while the answers differed used one of them blindly.</summary>
        int CountCalls { get; }
    }

    /// <summary>
    /// A non-generic list whose <c>Count</c> is <c>before</c> on its first call and <c>after</c> on every later one
    /// (discovery asks once; a fill that asks again sees the other answer).
    /// </summary>
    public sealed class LyingList(int before, int after) : IList, ILying
    {
        private int _countCalls;

        public int CountCalls => _countCalls;
        public int Count => _countCalls++ == 0 ? before : after;
        public object? this[int index] { get => ValueAt(index); set => throw new NotSupportedException(); }
        public bool IsFixedSize => false;
        public bool IsReadOnly => true;
        public bool IsSynchronized => false;
        public object SyncRoot => this;
        public int Add(object? value) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(object? value) => throw new NotSupportedException();
        public int IndexOf(object? value) => throw new NotSupportedException();
        public void Insert(int index, object? value) => throw new NotSupportedException();
        public void Remove(object? value) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
        public void CopyTo(Array array, int index) => throw new NotSupportedException();

        public IEnumerator GetEnumerator()
        {
            int count = Count;
            for (int i = 0; i < count; i++)
                yield return ValueAt(i);
        }
    }

    /// <summary>
    /// The same lie through both <see cref="IList{T}"/> and <see cref="IList"/>, as <see cref="List{T}"/> implements
    /// both: <c>T</c> = double takes the typed path, <c>T</c> = object the general one.
    /// </summary>
    public sealed class LyingTypedList<T>(int before, int after, Func<long, T> value) : LyingGenericOnlyList<T>(before, after, value), IList
    {
        object? IList.this[int index] { get => this[index]; set => throw new NotSupportedException(); }
        public bool IsFixedSize => false;
        public bool IsSynchronized => false;
        public object SyncRoot => this;
        int IList.Add(object? item) => throw new NotSupportedException();
        bool IList.Contains(object? item) => throw new NotSupportedException();
        int IList.IndexOf(object? item) => throw new NotSupportedException();
        void IList.Insert(int index, object? item) => throw new NotSupportedException();
        void IList.Remove(object? item) => throw new NotSupportedException();
        void ICollection.CopyTo(Array array, int index) => throw new NotSupportedException();
    }

    /// <summary>An <see cref="IList{T}"/> only (no non-generic IList): NumNet reads it as an enumerable.</summary>
    public class LyingGenericOnlyList<T>(int before, int after, Func<long, T> value) : IList<T>, ILying
    {
        private int _countCalls;

        public int CountCalls => _countCalls;
        public int Count => _countCalls++ == 0 ? before : after;
        public T this[int index] { get => value(index); set => throw new NotSupportedException(); }
        public bool IsReadOnly => true;
        public int IndexOf(T item) => throw new NotSupportedException();
        public void Insert(int index, T item) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
        public void Add(T item) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(T item) => throw new NotSupportedException();
        public bool Remove(T item) => throw new NotSupportedException();

        // A liar, not a thrower: it fills what it now claims to hold, as far as the array goes.
        public void CopyTo(T[] array, int arrayIndex)
        {
            int count = Math.Min(Count, array.Length - arrayIndex);
            for (int i = 0; i < count; i++)
                array[arrayIndex + i] = value(i);
        }

        public IEnumerator<T> GetEnumerator()
        {
            int count = Count;
            for (int i = 0; i < count; i++)
                yield return value(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>An enumerable that yields <c>first</c> items on its first enumeration and <c>later</c> on every other.</summary>
    public sealed class ChangingEnumerable(int first, int later) : IEnumerable<double>
    {
        private int _enumerations;

        public IEnumerator<double> GetEnumerator()
        {
            int count = _enumerations++ == 0 ? first : later;
            for (int i = 0; i < count; i++)
                yield return ValueAt(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// An array-like whose conversion (which discovery asks for) runs <c>sideEffect</c> first: the way a single thread
    /// can change a source between discovery and fill.
    /// </summary>
    public sealed class Trigger(Action sideEffect, double value) : IArrayConvertible
    {
        public NDArray ToNDArray(DType? dtype, bool? copy)
        {
            sideEffect();
            return np.asarray(value);
        }
    }

    /// <summary>
    /// Allocates and frees arrays of <paramref name="bytes"/> filled with a marker, so that a result NumNet leaves
    /// partly unwritten shows the marker instead of zeros (the allocator hands freed blocks out again).
    /// </summary>
    public static void DirtyFreedMemory(long bytes)
    {
        const double Marker = -7.25e300;
        long count = Math.Max(1, bytes / sizeof(double));
        var arrays = new List<NDArray>();
        for (int i = 0; i < 4; i++)
            arrays.Add(np.full([count], Marker));
        foreach (var a in arrays)
            a.Dispose();
    }
}
