namespace NumNet.Hostile;

/// <summary>
/// StringDType elements written and read by several threads at once: every read returns one of the strings written
/// (or, for a slot caught half-written, the dtype's "not a string of its dtype" error), never anything else, and the
/// process does not crash. The strings table is locked, the 16-byte slots are not, as NumPy's are not either.
/// </summary>
public static class StringDTypeRaces
{
    private static readonly string[] Written = ["", "s", "fifteen bytes!!", "sixteen bytes!!!", new string('l', 100), new string('m', 5000), "€😊"];

    [Scenario("stringdtype-concurrent-set-get")]
    public static void ConcurrentSetGet(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        using var a = np.zeros(64, np.dtypes.StringDType(naObject: "hostile-" + Guid.NewGuid()));
        var known = new HashSet<string>(Written);
        int torn = 0;
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            var random = new Random(w);
            for (int i = 0; i < rounds; i++)
                a.SetValue(Written[random.Next(Written.Length)], random.Next(64));
        }));
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var random = new Random(100 + r);
            for (int i = 0; i < rounds; i++)
            {
                try
                {
                    object? value = a.GetValue(random.Next(64));
                    Expect.That(value is string s && known.Contains(s), $"read {value ?? "null"}, which no thread wrote");
                }
                catch (InvalidOperationException e) when (e.Message.Contains("not a string of its dtype", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref torn);
                }
            }
        }));
        Task.WaitAll([.. writers, .. readers]);
        for (int i = 0; i < 64; i++)
            Expect.That(a.GetValue(i) is string s && known.Contains(s), $"element {i} holds no written string after the threads ended");
        Console.WriteLine($"torn reads seen: {torn}");
    }
}
