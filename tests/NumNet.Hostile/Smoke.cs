namespace NumNet.Hostile;

/// <summary>Scenarios that check the runner itself.</summary>
public static class Smoke
{
    /// <summary>Creates an array and reads it back: the child process starts and finds NumNet.</summary>
    [Scenario("smoke")]
    public static void Run()
    {
        using var a = np.arange(6);
        Expect.That(a.Size == 6, "arange(6) has " + a.Size + " elements");
    }
}
