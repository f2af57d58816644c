using System.Globalization;

namespace NumNet.Platform;

/// <summary>
/// How long a lease holder has to answer a break (<c>/proc/sys/fs/lease-break-time</c>), and so how much a broken
/// mapping may copy before the kernel ends the lease itself and lets the other process truncate under it.
/// </summary>
internal static class LeaseBreakTiming
{
    // A conservative rate for reading pages not in the page cache (a slow disk): a copy planned at it ends in time.
    private const long SlowestCopyBytesPerSecond = 64L << 20;
    private const int DefaultBreakSeconds = 45;

    /// <summary>Replaces the computed copy limit (bytes), so tests can reach the path of a mapping too large to copy.</summary>
    internal static long? CopyLimitOverride { get; set; }

    /// <summary>The kernel's break time: how long another process's open waits for a holder that does not answer.</summary>
    public static int BreakSeconds => ReadBreakSeconds();

    /// <summary>How long a mapping too large to copy waits for the accesses running on it: half the break time.</summary>
    public static TimeSpan DrainLimit => TimeSpan.FromSeconds(Math.Max(1, BreakSeconds) / 2.0);

    /// <summary>
    /// True when <paramref name="length"/> bytes can be copied into anonymous memory before half the break time has
    /// passed, even from a slow disk, and without taking more than half the memory the system says is available.
    /// </summary>
    public static bool CanCopyInTime(nuint length)
    {
        if (CopyLimitOverride is { } limit)
            return (ulong)length <= (ulong)limit;
        long byTime = BreakSeconds * SlowestCopyBytesPerSecond / 2;
        long byMemory = AvailableMemoryBytes() / 2;
        return (ulong)length <= (ulong)Math.Min(byTime, byMemory);
    }

    private static int ReadBreakSeconds()
    {
        try
        {
            string text = File.ReadAllText("/proc/sys/fs/lease-break-time").Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) ? seconds : DefaultBreakSeconds;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DefaultBreakSeconds;
        }
    }

    /// <summary>MemAvailable from /proc/meminfo ("MemAvailable:   12345 kB"); without it, what the GC sees as available.</summary>
    internal static long AvailableMemoryBytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                    continue;
                string number = line["MemAvailable:".Length..].Trim().Split(' ')[0];
                if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
                    return kib * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        var info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - info.MemoryLoadBytes);
    }
}
