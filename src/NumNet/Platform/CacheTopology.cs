using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace NumNet.Platform;

/// <summary>
/// The last-level cache this process can count on, read once: its size, and how many logical processors share it.
/// From it comes the one size from which copies, casts and transposes write with non-temporal (streaming) stores.
/// </summary>
/// <remarks>
/// Streaming stores pay off only when the result would not stay in cache anyway; below that they force a trip to
/// DRAM that an ordinary store would not need (an 8 MB copy on a 32 MiB L3 ran at 0.68× NumPy's memcpy with a fixed
/// 4 MiB limit). Sources, in order: Linux's sysfs description of cpu0's caches, then CPUID (leaf 4 on Intel,
/// 0x8000001D on AMD), then a conservative default.
/// </remarks>
internal static class CacheTopology
{
    /// <summary>Streaming limit used when nothing describes the cache (the limit this library used before it read the cache).</summary>
    internal const long DefaultStreamingThreshold = 4L << 20;

    /// <summary>The smallest limit ever chosen: below it the per-call cost of fencing outweighs any saving.</summary>
    internal const long MinimumStreamingThreshold = 1L << 20;

    /// <summary>The last-level cache found, or null when none could be read.</summary>
    public static CacheLevel? LastLevel { get; } = Read();

    /// <summary>
    /// Result size, in bytes, from which stores bypass the cache: three quarters of this processor's share of the
    /// last-level cache. A result that large would evict the source it is being made from, so keeping it in cache
    /// gains nothing; smaller results are written through the cache, where the next reader finds them.
    /// </summary>
    public static long StreamingThreshold { get; } = ThresholdFor(LastLevel);

    /// <summary>The streaming limit for a given cache (null: unknown).</summary>
    internal static long ThresholdFor(CacheLevel? cache)
    {
        if (cache is not { SizeBytes: > 0 } c)
            return DefaultStreamingThreshold;
        long share = c.SizeBytes / Math.Max(1, c.SharingProcessors);
        return Math.Max(MinimumStreamingThreshold, share / 4 * 3);
    }

    private static CacheLevel? Read()
    {
        try
        {
            return FromSysfs("/sys/devices/system/cpu/cpu0/cache") ?? FromCpuid();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return FromCpuid();
        }
    }

    /// <summary>Reads the highest-level data or unified cache listed under <paramref name="cacheDir"/> (Linux sysfs layout).</summary>
    internal static CacheLevel? FromSysfs(string cacheDir)
    {
        if (!Directory.Exists(cacheDir))
            return null;
        CacheLevel? best = null;
        foreach (string index in Directory.EnumerateDirectories(cacheDir, "index*"))
        {
            string? type = ReadText(index, "type");
            if (type is not ("Data" or "Unified"))
                continue;
            if (!int.TryParse(ReadText(index, "level"), NumberStyles.None, CultureInfo.InvariantCulture, out int level))
                continue;
            long size = ParseSize(ReadText(index, "size"));
            if (size <= 0)
                continue;
            int sharing = CountCpuList(ReadText(index, "shared_cpu_list"));
            if (best is null || level > best.Level)
                best = new CacheLevel(level, size, Math.Max(1, sharing), "sysfs");
        }
        return best;
    }

    /// <summary>Parses sysfs sizes such as "32768K", "1M" or "512".</summary>
    internal static long ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        long unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1 };
        var digits = unit == 1 ? text.AsSpan() : text.AsSpan(0, text.Length - 1);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= long.MaxValue / unit ? n * unit : 0;
    }

    /// <summary>Counts the processors in a sysfs CPU list such as "0-1", "0,2,4-7"; 0 when it cannot be read.</summary>
    internal static int CountCpuList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
            return 0;
        int count = 0;
        foreach (string part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    return 0;
                count++;
            }
            else if (int.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int lo)
                     && int.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int hi) && hi >= lo)
            {
                count += hi - lo + 1;
            }
            else
            {
                return 0;
            }
        }
        return count;
    }

    /// <summary>Walks the deterministic cache parameters leaf (4 on Intel, 0x8000001D on AMD) for the highest level.</summary>
    private static CacheLevel? FromCpuid()
    {
        if (!X86Base.IsSupported)
            return null;
        (int maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        (int maxBasic, int vendorB, int vendorC, int vendorD) = X86Base.CpuId(0, 0);
        bool amd = vendorB == 0x68747541 && vendorD == 0x69746E65 && vendorC == 0x444D4163; // "AuthenticAMD"
        int leaf = amd ? unchecked((int)0x8000001D) : 4;
        if (amd ? (uint)maxExtended < 0x8000001D : maxBasic < 4)
            return null;
        CacheLevel? best = null;
        for (int sub = 0; sub < 16; sub++)
        {
            (int eax, int ebx, int ecx, _) = X86Base.CpuId(leaf, sub);
            int type = eax & 0x1F;
            if (type == 0)
                break;
            if (type == 2) // instruction cache
                continue;
            int level = (eax >> 5) & 0x7;
            long ways = ((ebx >> 22) & 0x3FF) + 1, partitions = ((ebx >> 12) & 0x3FF) + 1, line = (ebx & 0xFFF) + 1;
            long sets = (uint)ecx + 1L;
            int sharing = ((eax >> 14) & 0xFFF) + 1;
            if (best is null || level > best.Level)
                best = new CacheLevel(level, ways * partitions * line * sets, sharing, "cpuid");
        }
        Debug.Assert(best is null || best.SizeBytes > 0);
        return best;
    }

    private static string? ReadText(string dir, string name)
    {
        string path = Path.Combine(dir, name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

/// <summary>One cache level as read from the machine.</summary>
/// <param name="Level">1, 2, 3 …</param>
/// <param name="SizeBytes">Capacity in bytes.</param>
/// <param name="SharingProcessors">Logical processors that share it.</param>
/// <param name="Source">Where it was read: "sysfs" or "cpuid".</param>
internal sealed record CacheLevel(int Level, long SizeBytes, int SharingProcessors, string Source);
