namespace NumNet.Cli;

/// <summary>
/// A one-line bar redrawn in place on stderr. It is drawn only for work over <see cref="MinBytes"/> and only when
/// stderr is a terminal, so logs and pipes never see carriage returns.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    /// <summary>Work smaller than this finishes too fast for a bar to help.</summary>
    public const long MinBytes = 100L * 1000 * 1000;

    private const int Width = 30;
    private readonly TextWriter _error;
    private readonly string _label;
    private int _shownPercent = -1;

    private ProgressBar(TextWriter error, string label)
    {
        _error = error;
        _label = label;
    }

    /// <summary>A bar for <paramref name="totalBytes"/> of work, or null when none should be drawn.</summary>
    public static ProgressBar? For(CliContext context, long totalBytes, string label) =>
        context.Progress && totalBytes > MinBytes ? new ProgressBar(context.Error, label) : null;

    /// <summary>Redraws at <paramref name="fraction"/> (0 to 1) when the whole percentage changed.</summary>
    public void Report(double fraction)
    {
        int percent = (int)Math.Clamp(fraction * 100, 0, 100);
        if (percent == _shownPercent)
            return;
        _shownPercent = percent;
        int filled = percent * Width / 100;
        _error.Write($"\r{_label} [{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}%");
        _error.Flush();
    }

    /// <summary>Ends the line so later messages start clean.</summary>
    public void Dispose()
    {
        if (_shownPercent >= 0)
            _error.WriteLine();
    }
}

/// <summary>A write-only pass-through that reports how far a known number of bytes has got.</summary>
internal sealed class ProgressStream(Stream inner, long total, Action<double> report) : Stream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Large spans are split so a single 800 MB write still moves the bar.
        const int step = 8 << 20;
        for (int at = 0; at < buffer.Length; at += step)
        {
            var part = buffer.Slice(at, Math.Min(step, buffer.Length - at));
            inner.Write(part);
            _written += part.Length;
            report(total == 0 ? 1 : (double)_written / total);
        }
    }
}
