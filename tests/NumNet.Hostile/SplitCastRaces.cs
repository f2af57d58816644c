using System.Globalization;
using System.Runtime.InteropServices;
using NumNet.Casting;

namespace NumNet.Hostile;

/// <summary>
/// Large numeric casts split into chunks over threads (<see cref="SplitCast"/>) under races: a source another thread
/// rewrites while the chunks are cast, the thread cap changed meanwhile, and many casts at once that starve the thread
/// pool the helpers come from. Every cast must end with values the source held, the same bytes as on one thread when
/// nobody writes, and no crash or hang.
/// </summary>
public static class SplitCastRaces
{
    private const int Elements = 1 << 22; // 4M float64, 32 MB: every other element is 24 MB of cast, above the threshold

    private static int Rounds(string[] args) => args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;

    /// <summary>
    /// <c>cast-race-split-source-written [ROUNDS]</c>: another thread keeps rewriting a float64 source between 1.5 and
    /// -2.5, and switching <see cref="NumNetSettings.MaxThreads"/> between 1 and 2, while every other element is cast to
    /// float32 and to int32: each result element is the cast of one of the two values.
    /// </summary>
    [Scenario("cast-race-split-source-written")]
    public static void SourceWritten(string[] args)
    {
        using var source = np.full([Elements], 1.5, np.float64);
        using var view = source[np.s(step: 2)];
        bool stop = false;
        var writer = new Thread(() =>
        {
            using var lease = source.Lease();
            var values = MemoryMarshal.Cast<byte, double>(lease.Memory.Bytes(0, Elements * sizeof(double)));
            for (int pass = 0; !Volatile.Read(ref stop); pass++)
            {
                NumNetSettings.MaxThreads = 1 + pass % 2;
                values.Fill(pass % 2 == 0 ? -2.5 : 1.5);
            }
        });
        writer.Start();
        try
        {
            for (int round = 0; round < Rounds(args); round++)
            {
                using (var floats = view.AsType(np.float32))
                    AllAmong(floats, [1.5f, -2.5f], round);
                using (var ints = view.AsType(np.int32))
                    AllAmong(ints, [1, -2], round);
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            writer.Join();
        }
    }

    /// <summary>
    /// <c>cast-race-split-many-callers [ROUNDS]</c>: eight threads cast at once (contiguous and every other element),
    /// so the helpers they queue wait behind each other in the thread pool: every result has the one-thread bytes.
    /// </summary>
    [Scenario("cast-race-split-many-callers")]
    public static void ManyCallers(string[] args)
    {
        NumNetSettings.MaxThreads = 2;
        using var source = np.arange(Elements).AsType(np.float64);
        using var every2nd = source[np.s(step: 2)];
        NumNetSettings.MaxThreads = 1;
        byte[] whole = Bytes(source.AsType(np.float32)), strided = Bytes(every2nd.AsType(np.int64));
        NumNetSettings.MaxThreads = 2;
        int rounds = Rounds(args);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var callers = Enumerable.Range(0, 8).Select(k => new Thread(() =>
        {
            try
            {
                for (int round = 0; round < rounds / 4 + 1; round++)
                {
                    bool odd = (k + round) % 2 == 1;
                    var got = odd ? Bytes(every2nd.AsType(np.int64)) : Bytes(source.AsType(np.float32));
                    Expect.That(got.AsSpan().SequenceEqual(odd ? strided : whole), $"caller {k}, round {round}: the bytes differ from one thread's");
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        foreach (var t in callers)
            t.UnsafeStart();
        foreach (var t in callers)
            t.Join();
        if (errors.TryPeek(out var first))
            throw first;
    }

    private static byte[] Bytes(NDArray a)
    {
        using (a)
        using (var lease = a.Lease())
            return lease.Memory.Bytes(a.Offset, checked((int)a.NBytes)).ToArray();
    }

    private static void AllAmong<T>(NDArray a, T[] allowed, int round) where T : unmanaged, IEquatable<T>
    {
        using var lease = a.Lease();
        var values = MemoryMarshal.Cast<byte, T>(lease.Memory.Bytes(a.Offset, checked((int)a.NBytes)));
        for (int i = 0; i < values.Length; i++)
            Expect.That(Array.IndexOf(allowed, values[i]) >= 0, $"round {round}: element {i} is {values[i]}, not one of the source's values");
    }
}
