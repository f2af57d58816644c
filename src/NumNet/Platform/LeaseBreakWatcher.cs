using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NumNet.Platform;

/// <summary>
/// Hears lease breaks for every <see cref="LeasedFileMapping"/> of the process. The kernel announces a break with
/// SIGIO but .NET does not pass on which descriptor it names, so each signal has every live mapping ask the kernel
/// whether its own lease is breaking (<c>F_GETLEASE</c>), and those that are detach from their files.
/// </summary>
internal static class LeaseBreakWatcher
{
    private static readonly ConcurrentDictionary<LeasedFileMapping, byte> Live = new();
    private static readonly Lock Gate = new();
    private static PosixSignalRegistration? _registration;
    private static bool _unavailable;

    /// <summary>Mappings registered now (for tests and diagnostics).</summary>
    internal static int LiveCount => Live.Count;

    /// <summary>
    /// Installs the SIGIO handler, once. False when signals cannot be had here: no lease may then be taken, since an
    /// unhandled SIGIO ends the process.
    /// </summary>
    public static bool EnsureListening()
    {
        lock (Gate)
        {
            if (_registration is null && !_unavailable && OperatingSystem.IsLinux())
            {
                try
                {
                    _registration = PosixSignalRegistration.Create((PosixSignal)LeaseLibc.SigIo, OnSignal);
                }
                catch (Exception e) when (e is PlatformNotSupportedException or IOException or ArgumentOutOfRangeException)
                {
                    _unavailable = true;
                }
            }
            return _registration is not null;
        }
    }

    /// <summary>Starts watching <paramref name="mapping"/>'s lease.</summary>
    public static void Add(LeasedFileMapping mapping) => Live.TryAdd(mapping, 0);

    /// <summary>Stops watching <paramref name="mapping"/> (it is unmapped).</summary>
    public static void Remove(LeasedFileMapping mapping) => Live.TryRemove(mapping, out _);

    private static void OnSignal(PosixSignalContext context)
    {
        // SIGIO's default action ends the process: a lease break must not.
        context.Cancel = true;
        // Each on its own work item: a mapping too large to copy waits for its running accesses, and must not hold
        // up the others, whose breaking leases keep other processes waiting.
        foreach (var mapping in Live.Keys)
            ThreadPool.UnsafeQueueUserWorkItem(static m => m.DetachIfBreaking(), mapping, preferLocal: false);
    }
}
