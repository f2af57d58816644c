namespace NumNet.Hostile;

/// <summary>
/// <c>Dispose</c> racing a large contiguous copy that runs on two threads (<c>Layout/BlockCopy.cs</c>: the caller and a
/// pool thread claim 256 KiB chunks in turn): the copy in flight finishes with every value right, including the
/// values on both sides of every chunk boundary, the next call throws <see cref="ObjectDisposedException"/>, and no
/// helper thread reads or writes the memory after the call has returned (a freed block is handed back and scribbled
/// over at once, so a late read shows as -1).
/// </summary>
public static class SplitCopyRaces
{
    private const int Elements = 1 << 20; // 8 MB of float64: above BlockCopy.SplitFrom
    private const int ChunkElements = (256 << 10) / sizeof(double);

    /// <summary><c>lease-dispose-during-split-copy [ROUNDS]</c>: <c>a.Copy()</c> while another thread disposes <c>a</c>.</summary>
    [Scenario("lease-dispose-during-split-copy")]
    public static void CopyOfSource(string[] args)
    {
        NumNetSettings.MaxThreads = 2;
        DisposeRace.Run("split copy", Rounds(args), Arange, a =>
        {
            using var copy = a.Copy();
            CheckChunkEdges(copy, "a.Copy()");
        });
    }

    /// <summary>
    /// <c>lease-dispose-during-split-copyto [ROUNDS]</c>: <c>np.copyto(a, source)</c> while another thread disposes the
    /// destination <c>a</c>; then <c>a</c> is read back (or found disposed).
    /// </summary>
    [Scenario("lease-dispose-during-split-copyto")]
    public static void CopyToDestination(string[] args)
    {
        NumNetSettings.MaxThreads = 2;
        using var source = Arange();
        DisposeRace.Run("split copyto", Rounds(args), () => np.zeros([Elements]), a =>
        {
            np.copyto(a, source);
            CheckChunkEdges(a, "np.copyto's destination");
        });
    }

    private static NDArray Arange() => np.arange(Elements).AsType(np.float64);

    private static int Rounds(string[] args) => args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;

    // The elements either side of every chunk boundary, and Verify's spread sample.
    private static void CheckChunkEdges(NDArray a, string what)
    {
        for (long k = ChunkElements; k < Elements; k += ChunkElements)
        {
            foreach (long at in (ReadOnlySpan<long>)[k - 1, k])
            {
                double value = a.GetItem<double>(at);
                Expect.That(value == at, $"{what}[{at}] is {value}, not {at}");
            }
        }
        Verify.Arange(a, what);
    }
}
