using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NumNet.IO;

/// <summary>
/// The temporary files of saves in progress, removed when the process is told to stop (Ctrl+C, SIGTERM, a closed
/// terminal), so an interrupted save leaves neither a partial target nor a stray temporary file.
/// </summary>
/// <remarks>
/// The signal handlers are registered the first time a file is saved and stay for the process's lifetime. They never
/// cancel the signal: when nothing else handles it the process ends as it would have. When the application does cancel
/// it (to shut down gracefully), the interrupted save throws <see cref="OperationCanceledException"/> instead of
/// renaming a file that is gone, so the target is left as it was.
/// </remarks>
internal static class PendingTempFiles
{
    private static readonly ConcurrentDictionary<Pending, byte> InProgress = new();
    private static readonly Lock RegistrationGate = new();
    private static PosixSignalRegistration[]? _registrations;

    /// <summary>One temporary file being written.</summary>
    internal sealed class Pending(string path)
    {
        private volatile string? _signal;

        /// <summary>The temporary file.</summary>
        public string Path { get; } = path;

        /// <summary>The signal that removed the file, or null while it is still wanted.</summary>
        public string? InterruptedBy => _signal;

        /// <summary>Removes the file because <paramref name="signal"/> arrived.</summary>
        public void Interrupt(string signal)
        {
            _signal = signal;
            TryDelete(Path);
        }
    }

    /// <summary>Records <paramref name="path"/> as a temporary file to remove if the process is interrupted.</summary>
    public static Pending Add(string path)
    {
        EnsureHandlers();
        var pending = new Pending(path);
        InProgress.TryAdd(pending, 0);
        return pending;
    }

    /// <summary>Forgets <paramref name="pending"/>: it has been renamed into place or deleted.</summary>
    public static void Remove(Pending pending) => InProgress.TryRemove(pending, out _);

    /// <summary>Deletes <paramref name="path"/> if it exists; a failure to delete is not worth reporting over the cause.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void EnsureHandlers()
    {
        if (Volatile.Read(ref _registrations) is not null)
            return;
        lock (RegistrationGate)
        {
            if (_registrations is not null)
                return;
            var registrations = new List<PosixSignalRegistration>();
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            {
                try
                {
                    registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
                }
                catch (PlatformNotSupportedException)
                {
                    // Browsers and some sandboxes have no signals; saves still clean up on every failure.
                }
            }
            Volatile.Write(ref _registrations, registrations.ToArray());
        }
    }

    private static void OnSignal(PosixSignalContext context) => InterruptAll(context.Signal.ToString());

    /// <summary>What a stop signal does: removes every temporary file in progress and marks its save interrupted.</summary>
    internal static void InterruptAll(string signal)
    {
        foreach (var pending in InProgress.Keys)
            pending.Interrupt(signal);
    }
}
