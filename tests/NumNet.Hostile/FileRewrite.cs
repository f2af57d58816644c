using System.Diagnostics;
using NumNet.Cli;

namespace NumNet.Hostile;

/// <summary>The numnet tool run many times over an input that another writer keeps truncating and rewriting.</summary>
public static class FileRewrite
{
    /// <summary>
    /// Arguments: a folder to work in, the number of runs, and optionally the tool's NumNet.Cli.dll. Each run is
    /// <c>convert</c> or <c>show</c>, in this process or (given the dll) as a child process, while a second thread
    /// truncates the input in place and writes it again, as NumPy's <c>np.save</c> does. A tool that maps its input
    /// dies with SIGBUS; one that reads it must answer 0 or 1 every time, in one line, and leave no temporary file.
    /// </summary>
    [Scenario("file-rewrite-during-cli")]
    public static void RewriteDuringCli(string[] args)
    {
        string dir = args[0];
        int runs = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        string input = Path.Combine(dir, "in.npy"), output = Path.Combine(dir, "out.npy");
        using (var a = np.arange(1_000_000))
            np.save(input, a);
        byte[] content = File.ReadAllBytes(input);
        using var stop = new CancellationTokenSource();
        var rewriter = Task.Run(() => Rewrite(input, content, stop.Token));
        var codes = new int[3];
        string lastRefusal = "";
        try
        {
            for (int i = 0; i < runs; i++)
            {
                string[] command = i % 4 == 3 ? ["show", input] : ["convert", input, output, "--force"];
                var (code, err) = args.Length > 2 ? RunChild(args[2], command) : RunHere(command);
                Expect.That(code is 0 or 1, $"run {i}: exit {code}: {err}");
                Expect.That(!err.Contains("cannot process the input", StringComparison.Ordinal), $"run {i}: an unexpected exception: {err}");
                Expect.That(err.TrimEnd('\n').Split('\n').Length == 1, $"run {i}: more than one line: {err}");
                codes[code]++;
                if (code == 1)
                    lastRefusal = err;
            }
        }
        finally
        {
            stop.Cancel();
            rewriter.Wait();
        }
        Expect.That(Directory.GetFiles(dir, "*.tmp").Length == 0, "a temporary file was left behind");
        Console.WriteLine($"{runs} runs: {codes[0]} converted or shown, {codes[1]} refused as damaged (the last: {lastRefusal.TrimEnd()})");
    }

    private static (int Code, string Err) RunHere(string[] command)
    {
        var err = new StringWriter();
        int code = CommandLine.Run(command, TextWriter.Null, err);
        return (code, err.ToString());
    }

    private static (int Code, string Err) RunChild(string tool, string[] command)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(tool);
        foreach (var a in command)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string err = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, err);
    }

    private static void Rewrite(string path, byte[] content, CancellationToken stop)
    {
        var random = new Random(17);
        while (!stop.IsCancellationRequested)
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            f.SetLength(0);
            f.Write(content, 0, random.Next(content.Length));
            f.Flush();
            f.SetLength(random.Next(2) == 0 ? 0 : content.Length / 2);
            f.Position = 0;
            f.Write(content);
            f.Flush();
            // Whole for a moment, so that some runs read it whole and some are cut off part way.
            Thread.Sleep(random.Next(1, 8));
        }
    }
}
