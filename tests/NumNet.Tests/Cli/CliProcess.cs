using System.Diagnostics;
using System.Runtime.InteropServices;
using NumNet.Tests.Reliability;

namespace NumNet.Tests.Cli;

/// <summary>The numnet tool started as a process of its own, for what only a real process shows: signals and crashes.</summary>
internal static partial class CliProcess
{
    /// <summary>How long a run may take before it is taken as hung: a hang detector, not a speed limit.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    /// <summary>The built tool, from the same configuration as these tests.</summary>
    public static string ToolPath
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = tfmDir.Parent!.Name;
            return Path.Combine(RepoPaths.Root, "src", "NumNet.Cli", "bin", configuration, tfmDir.Name, "NumNet.Cli.dll");
        }
    }

    /// <summary>Starts the tool with <paramref name="arguments"/>, its output captured.</summary>
    public static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + ToolPath);
    }

    /// <summary>Waits for <paramref name="process"/> to end and returns how it ended.</summary>
    public static ChildProcess.Outcome Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ChildProcess.Outcome(-1, stdout.Result, stderr.Result + "\n(killed: hung)");
        }
        return new ChildProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs the tool to its end.</summary>
    public static ChildProcess.Outcome Run(params string[] arguments)
    {
        using var process = Start(arguments);
        return Finish(process);
    }

    /// <summary>Polls until the tool has started writing (a temporary file with bytes in it in <paramref name="folder"/>) or has ended.</summary>
    public static bool WaitForTempFile(string folder, Process process)
    {
        while (!process.HasExited)
        {
            foreach (var temp in Directory.GetFiles(folder, "*.tmp"))
            {
                try
                {
                    if (new FileInfo(temp).Length > 0)
                        return true;
                }
                catch (IOException)
                {
                }
            }
            Thread.Sleep(1);
        }
        return false;
    }

    /// <summary>Runs the tool in-process (no progress bar), returning its exit code and what it wrote.</summary>
    public static (int Code, string Out, string Err) InProcess(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = NumNet.Cli.CommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>
    /// Asserts that an interrupted run ended as the tool promises: a non-zero exit, no unhandled exception, no
    /// temporary file (hidden or not) left in <paramref name="folder"/>, and <paramref name="target"/> as it was before:
    /// holding <paramref name="before"/>, or absent when that is null.
    /// </summary>
    public static void AssertInterruptedCleanly(ChildProcess.Outcome outcome, string folder, string target, string? before)
    {
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.DoesNotContain("Unhandled", outcome.Stderr);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        if (before is null)
            Assert.False(File.Exists(target));
        else
            Assert.Equal(before, File.ReadAllText(target));
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) to <paramref name="process"/>.</summary>
    /// <remarks>
    /// Straight through kill(2): starting kill(1) costs a fork and an exec, long enough on a loaded machine for the
    /// tool to finish its work before the signal arrives.
    /// </remarks>
    public static void Signal(Process process, string signal)
    {
        int number = signal switch
        {
            "INT" => 2,
            "TERM" => 15,
            _ => throw new ArgumentException($"Signal '{signal}' is not one these tests send (INT, TERM).", nameof(signal)),
        };
        if (Kill(process.Id, number) == 0)
            return;
        int errno = Marshal.GetLastPInvokeError();
        // ESRCH: the tool ended on its own between the caller's check and the signal; the caller sees its exit code.
        if (errno != 3)
            throw new InvalidOperationException($"kill({process.Id}, SIG{signal}) failed with errno {errno}.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
