namespace NumNet.DTypes.Strings;

/// <summary>
/// Where the strings too long for their 16-byte slot live: an append-only table of immutable .NET strings, owned by
/// one StringDType descriptor and shared by every array (and view) of it. A slot holds an index into it, checked
/// against the table on every read, so bytes that are not a slot of this table raise instead of reading anything
/// else. Entries are never changed or removed, so copying a slot within the descriptor never aliases mutable state;
/// the table (and every string in it) is collected with the last descriptor that references it.
/// </summary>
internal sealed class StringArena
{
    private readonly Lock _gate = new();
    private readonly List<string> _strings = [];

    /// <summary>Stores <paramref name="text"/> and returns its index.</summary>
    public long Add(string text)
    {
        lock (_gate)
        {
            _strings.Add(text);
            return _strings.Count - 1;
        }
    }

    /// <summary>The string at <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">No string of this table has that index.</exception>
    public string Get(long index)
    {
        lock (_gate)
        {
            if ((ulong)index >= (ulong)_strings.Count)
                throw PackedString.Corrupt();
            return _strings[(int)index];
        }
    }

    /// <summary>How many strings the table holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _strings.Count;
        }
    }

    /// <summary>The UTF-16 characters all its strings hold, for measuring memory use.</summary>
    public long Characters
    {
        get
        {
            lock (_gate)
                return _strings.Sum(s => (long)s.Length);
        }
    }
}
