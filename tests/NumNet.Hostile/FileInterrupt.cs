using NumNet.IO;

namespace NumNet.Hostile;

/// <summary>A save interrupted by a stop signal in a process that keeps running.</summary>
public static class FileInterrupt
{
    /// <summary>
    /// Argument: a folder. While a save writes, the SIGINT handler's work runs (the temporary file removed, the save
    /// marked interrupted); the save must throw OperationCanceledException, leave the old target and no temporary file.
    /// </summary>
    [Scenario("file-save-interrupted")]
    public static void SaveInterrupted(string[] args)
    {
        string path = Path.Combine(args[0], "kept.npz");
        File.WriteAllText(path, "old");
        try
        {
            AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[100_000]);
                PendingTempFiles.InterruptAll("SIGINT");
                stream.Write(new byte[100_000]);
            });
            Expect.That(false, "the interrupted save completed");
        }
        catch (OperationCanceledException e)
        {
            Expect.That(e.Message.Contains("SIGINT", StringComparison.Ordinal), "the message does not name the signal: " + e.Message);
        }
        Expect.That(File.ReadAllText(path) == "old", "the target was changed");
        Expect.That(Directory.GetFileSystemEntries(args[0]).Length == 1, "a temporary file was left behind");
    }
}
