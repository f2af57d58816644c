using System.Runtime.CompilerServices;

namespace NumNet.Cli;

/// <summary>
/// Batches of records on their way from the reader to the table: the reading thread fills one batch while others
/// are parsed on the thread pool, and parsed batches join the table strictly in file order, so the table, its dtype
/// and the first error reported are those of a sequential read, bit for bit. Sequential mode parses each batch as
/// soon as it is full, on the reading thread.
/// </summary>
internal sealed class CsvPipeline : IDisposable
{
    private readonly Queue<(CsvBatch Batch, Task? Parsing)> _pending = new();
    private readonly Stack<CsvBatch> _spare = new();
    private readonly StrongBox<bool> _abandoned = new();
    private readonly int _width;
    private readonly char _delimiter;
    private readonly int _maxPending;

    /// <summary>
    /// A pipeline for records <paramref name="width"/> cells wide, separated by <paramref name="delimiter"/>, parsing
    /// on <paramref name="threads"/> threads.
    /// </summary>
    public CsvPipeline(int width, int threads, char delimiter = ',')
    {
        _width = width;
        _delimiter = delimiter;
        _maxPending = threads > 1 ? 2 * threads : 0;
        Current = new CsvBatch(width, delimiter);
    }

    /// <summary>After <see cref="Submit"/> or <see cref="Finish"/> returned false: true when a batch held text, false when one was not plain CSV.</summary>
    public bool StoppedOnText { get; private set; }

    /// <summary>The batch being filled.</summary>
    public CsvBatch Current { get; private set; }

    /// <summary>
    /// Sends the current batch to be parsed and starts a new one; joins finished batches to <paramref name="table"/>.
    /// False when a joined batch held text, so the table cannot be numeric, or a block was not plain CSV.
    /// </summary>
    /// <exception cref="InvalidDataException">A cell of a joined batch could not be read.</exception>
    public bool Submit(ICsvTable table)
    {
        var batch = Current;
        // With the queue full and its oldest batch still being parsed, the reading thread parses this one itself
        // rather than wait: on a machine whose cores are busy elsewhere, that keeps it as fast as a sequential read.
        bool inline = _maxPending == 0 || (_pending.Count >= _maxPending && !IsParsed(_pending.Peek()));
        if (inline)
            batch.Parse(_abandoned);
        _pending.Enqueue((batch, inline ? null : Task.Run(() => batch.Parse(_abandoned))));
        Current = _spare.Count > 0 ? _spare.Pop() : new CsvBatch(_width, _delimiter);
        while (_pending.Count > 0 && (_pending.Count > _maxPending + 1 || IsParsed(_pending.Peek())))
        {
            if (!JoinOldest(table))
                return false;
        }
        return true;
    }

    private static bool IsParsed((CsvBatch Batch, Task? Parsing) pending) => pending.Parsing?.IsCompleted ?? true;

    /// <summary>Sends the last batch and joins everything; false when some batch held text.</summary>
    /// <exception cref="InvalidDataException">A cell could not be read.</exception>
    public bool Finish(ICsvTable table)
    {
        if (Current.HasContent && !Submit(table))
            return false;
        while (_pending.Count > 0)
        {
            if (!JoinOldest(table))
                return false;
        }
        return true;
    }

    private bool JoinOldest(ICsvTable table)
    {
        var (batch, parsing) = _pending.Dequeue();
        parsing?.GetAwaiter().GetResult();
        batch.Error?.Throw();
        if (batch.HasText || !batch.IsPlain)
        {
            StoppedOnText = batch.HasText;
            return false;
        }
        table.Append(batch);
        batch.Clear();
        _spare.Push(batch);
        return true;
    }

    /// <summary>Stops batches still being parsed and waits for them, so no thread outlives the read.</summary>
    public void Dispose()
    {
        _abandoned.Value = true;
        foreach (var (_, parsing) in _pending)
        {
            try
            {
                parsing?.Wait();
            }
            catch (AggregateException)
            {
                // The read already ended with its own outcome; an abandoned batch's failure changes nothing.
            }
        }
        _pending.Clear();
    }
}
