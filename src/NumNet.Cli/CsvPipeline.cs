using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using NumNet.Internal;

namespace NumNet.Cli;

/// <summary>
/// Batches of records on their way from the reader to the table: the reading thread fills one batch while others are
/// parsed, and parsed batches join the table strictly in file order, so the table, its dtype and the first error
/// reported are those of a sequential read, bit for bit. Sequential mode parses each batch as soon as it is full, on
/// the reading thread.
/// </summary>
/// <remarks>
/// On <c>threads</c> threads the parsers are the reading thread and at most <c>threads - 1</c> helpers, never more: a
/// batch waits in a queue until a helper or the reading thread claims it, and the reading thread claims the oldest one
/// itself whenever it holds as many batches as it may. With one pool task per batch, as before, up to a pool thread per
/// core parsed beside the reading thread; three parsers on two cores left the cores idle 15-20 % of a 1 GB convert
/// while the pool's batches waited for the reading thread's own (docs/performance.md).
/// </remarks>
internal sealed class CsvPipeline : IDisposable
{
    private readonly Queue<Pending> _pending = new();
    private readonly ConcurrentQueue<Pending> _unclaimed = new();
    private readonly Stack<CsvBatch> _spare = new();
    private readonly StrongBox<bool> _abandoned = new();
    private readonly List<Task> _helpers = [];
    private readonly int _width;
    private readonly char _delimiter;
    private readonly int _maxPending;
    private readonly int _maxHelpers;
    private int _running;
    private int _parsing;
    private int _peakParsing;

    /// <summary>
    /// A pipeline for records <paramref name="width"/> cells wide, separated by <paramref name="delimiter"/>, parsing
    /// on <paramref name="threads"/> threads.
    /// </summary>
    public CsvPipeline(int width, int threads, char delimiter = ',')
    {
        _width = width;
        _delimiter = delimiter;
        _maxPending = threads > 1 ? 2 * threads : 0;
        _maxHelpers = threads - 1;
        Current = new CsvBatch(width, delimiter);
    }

    /// <summary>After <see cref="Submit"/> or <see cref="Finish"/> returned false: true when a batch held text, false when one was not plain CSV.</summary>
    public bool StoppedOnText { get; private set; }

    /// <summary>The batch being filled.</summary>
    public CsvBatch Current { get; private set; }

    /// <summary>Batches being parsed at this moment, by any thread.</summary>
    internal int Parsing => Volatile.Read(ref _parsing);

    /// <summary>The most batches parsed at once so far: at most the thread count.</summary>
    internal int PeakParsing => Volatile.Read(ref _peakParsing);

    /// <summary>
    /// Sends the current batch to be parsed and starts a new one; joins finished batches to <paramref name="table"/>.
    /// False when a joined batch held text, so the table cannot be numeric, or a block was not plain CSV.
    /// </summary>
    /// <exception cref="InvalidDataException">A cell of a joined batch could not be read.</exception>
    public bool Submit(ICsvTable table)
    {
        var pending = new Pending(Current);
        _pending.Enqueue(pending);
        if (_maxPending == 0)
        {
            Parse(pending);
        }
        else
        {
            _unclaimed.Enqueue(pending);
            StartHelper();
        }
        Current = _spare.Count > 0 ? _spare.Pop() : new CsvBatch(_width, _delimiter);
        return JoinParsed(table, all: false);
    }

    /// <summary>Sends the last batch and joins everything; false when some batch held text.</summary>
    /// <exception cref="InvalidDataException">A cell could not be read.</exception>
    public bool Finish(ICsvTable table)
    {
        if (Current.HasContent && !Submit(table))
            return false;
        return JoinSent(table);
    }

    /// <summary>
    /// Joins every batch already sent, leaving the one being filled: before the reader's own error is raised, so that a
    /// bad cell in an earlier batch is reported first, as a sequential read reports it. False when a batch held text.
    /// </summary>
    /// <exception cref="InvalidDataException">A cell of a sent batch could not be read.</exception>
    public bool JoinSent(ICsvTable table) => JoinParsed(table, all: true);

    // Joins batches from the oldest while they are parsed. Until at most _maxPending are held (or none, for `all`),
    // the reading thread parses the oldest unclaimed batch itself, and waits for a helper only when every held batch is
    // claimed: so it reads ahead while the helpers keep up and parses while they do not.
    private bool JoinParsed(ICsvTable table, bool all)
    {
        while (_pending.TryPeek(out var oldest))
        {
            if (oldest.IsParsed)
            {
                if (!Join(_pending.Dequeue(), table))
                    return false;
            }
            else if (!all && _pending.Count <= _maxPending)
            {
                return true;
            }
            else if (_unclaimed.TryDequeue(out var unclaimed))
            {
                Parse(unclaimed);
            }
            else
            {
                oldest.WaitParsed();
            }
        }
        return true;
    }

    private bool Join(Pending pending, ICsvTable table)
    {
        var batch = pending.Batch;
        pending.Failure?.Throw();
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

    private void Parse(Pending pending)
    {
        AtomicBound.Raise(ref _peakParsing, Interlocked.Increment(ref _parsing));
        try
        {
            pending.Parse(_abandoned);
        }
        finally
        {
            // Counted out before the batch shows as parsed, so once Finish has seen every batch parsed, none is counted.
            Interlocked.Decrement(ref _parsing);
            pending.MarkParsed();
        }
    }

    // Starts a helper when fewer than _maxHelpers run. A helper parses unclaimed batches until there are none.
    private void StartHelper()
    {
        if (!TryTakeHelperPlace())
            return;
        _helpers.RemoveAll(static t => t.IsCompleted);
        _helpers.Add(Task.Run(Help));
    }

    // Counts one more helper running, unless _maxHelpers already run.
    private bool TryTakeHelperPlace()
    {
        int running = Volatile.Read(ref _running);
        while (running < _maxHelpers)
        {
            int was = Interlocked.CompareExchange(ref _running, running + 1, running);
            if (was == running)
                return true;
            running = was;
        }
        return false;
    }

    private void Help()
    {
        while (true)
        {
            while (!Volatile.Read(ref _abandoned.Value) && _unclaimed.TryDequeue(out var pending))
                Parse(pending);
            Interlocked.Decrement(ref _running);
            // A batch queued after the last look but before the decrement saw every helper running and started none:
            // take it up again if a helper's place is still free.
            if (Volatile.Read(ref _abandoned.Value) || _unclaimed.IsEmpty || !TryTakeHelperPlace())
                return;
        }
    }

    /// <summary>Stops batches still being parsed and waits for the helpers, so no thread outlives the read.</summary>
    public void Dispose()
    {
        _abandoned.Value = true;
        foreach (var helper in _helpers)
            helper.Wait();
        _helpers.Clear();
        _pending.Clear();
        _unclaimed.Clear();
    }

    /// <summary>A submitted batch, parsed by whichever thread claims it first from the queue.</summary>
    private sealed class Pending(CsvBatch batch)
    {
        private readonly ManualResetEventSlim _parsed = new();

        public CsvBatch Batch { get; } = batch;

        /// <summary>An exception other than a bad cell (which the batch records itself), raised when the batch is joined.</summary>
        public ExceptionDispatchInfo? Failure { get; private set; }

        public bool IsParsed => _parsed.IsSet;

        /// <summary>Parses the batch; any exception is kept for the join. <see cref="MarkParsed"/> must follow.</summary>
        public void Parse(StrongBox<bool> abandoned)
        {
            try
            {
                Batch.Parse(abandoned);
            }
            catch (Exception e)
            {
                Failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        /// <summary>Publishes the parse to the joining thread and wakes it if it waits.</summary>
        public void MarkParsed() => _parsed.Set();

        public void WaitParsed() => _parsed.Wait();
    }
}
