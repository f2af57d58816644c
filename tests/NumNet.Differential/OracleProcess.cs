using System.Diagnostics;
using System.Text;

namespace NumNet.Differential;

/// <summary>The oracle could not be started or stopped answering; the message says why.</summary>
public sealed class OracleUnavailableException(string message) : Exception(message);

/// <summary>
/// The oracle as a run sees it: a <see cref="OracleProcess"/> that is restarted when NumPy 1.24 itself crashes on a
/// case (it segfaults on some casts of non-contiguous arrays). The case it died on is answered with a skip naming the
/// crash; a process that ends without having answered anything and without a crash is not usable at all.
/// </summary>
public sealed class Oracle : IDisposable
{
    private readonly string _python;
    private readonly string _servePath;
    private OracleProcess _process;

    private Oracle(string python, string servePath)
    {
        _python = python;
        _servePath = servePath;
        _process = OracleProcess.Start(python, servePath);
    }

    /// <summary>Starts the oracle and checks that it answers.</summary>
    /// <exception cref="OracleUnavailableException">Python, NumPy 1.24 or serve.py is missing or broken.</exception>
    public static Oracle Start(string python, string servePath)
    {
        var oracle = new Oracle(python, servePath);
        try
        {
            string probe = oracle.Ask(["""{"id": "probe", "category": "probe", "call": "dtype", "args": {"spec": "f8"}}"""])[0];
            if (!probe.Contains("\"expect\"", StringComparison.Ordinal))
                throw new OracleUnavailableException($"the oracle answered a probe without an expectation: {probe}");
            return oracle;
        }
        catch
        {
            oracle.Dispose();
            throw;
        }
    }

    /// <summary>Times the process was restarted after a crash.</summary>
    public int Restarts { get; private set; }

    /// <summary>The answers to <paramref name="lines"/>, in order; a case the process crashed on is answered with a skip.</summary>
    /// <exception cref="OracleUnavailableException">The process ended without a crash before answering anything.</exception>
    public IReadOnlyList<string> Ask(IReadOnlyList<string> lines)
    {
        var answers = new List<string>(lines.Count);
        while (answers.Count < lines.Count)
        {
            var rest = answers.Count == 0 ? lines : lines.Skip(answers.Count).ToList();
            var got = _process.Ask(rest);
            answers.AddRange(got);
            if (answers.Count == lines.Count)
                break;
            int exit = _process.ExitCode ?? -1;
            string stderr = _process.ErrorOutput;
            bool crashed = exit >= 128 || exit < 0;
            if (!crashed && got.Count == 0)
                throw new OracleUnavailableException($"the oracle ended (exit code {exit}) without answering" + (stderr.Length > 0 ? ": " + stderr : ""));
            string id = IdOf(rest[got.Count]);
            answers.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = id,
                ["skip"] = _process.Hung
                    ? "the oracle spent over a minute on this case (NumPy 1.24 hung) and was killed, so there is no answer"
                    : $"the oracle process died on this case (exit code {exit}): NumPy 1.24 crashed, so there is no answer",
            }.ToJsonString());
            _process.Dispose();
            _process = OracleProcess.Start(_python, _servePath);
            Restarts++;
        }
        return answers;
    }

    private static string IdOf(string line)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(line, new System.Text.Json.JsonDocumentOptions { MaxDepth = 512 });
        return doc.RootElement.GetProperty("id").GetString() ?? "";
    }

    /// <summary>Stops the process.</summary>
    public void Dispose() => _process.Dispose();
}

/// <summary>
/// One long-lived <c>serve.py</c> process (tests/conformance/README.md, "A live oracle"): case lines in, answer lines out,
/// in the same order. Batches are written on a separate task while answers are read, so neither pipe can fill up and
/// stall both sides.
/// </summary>
public sealed class OracleProcess : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private OracleProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stderr)
            {
                if (_stderr.Length < 8000)
                    _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <paramref name="python"/> on <paramref name="servePath"/>.</summary>
    /// <exception cref="OracleUnavailableException">Python or the script is missing, or the process cannot start.</exception>
    public static OracleProcess Start(string python, string servePath)
    {
        if (!File.Exists(python))
            throw new OracleUnavailableException($"no Python at '{python}' (set NUMNET_ORACLE_PYTHON or --python)");
        if (!File.Exists(servePath))
            throw new OracleUnavailableException($"no oracle at '{servePath}' (set NUMNET_ORACLE or --oracle)");
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        info.ArgumentList.Add(servePath);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        // The oracle needs Debian's NumPy 1.24, not whatever a user site or a virtual environment puts first.
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment.Remove("PYTHONPATH");
        try
        {
            return new OracleProcess(Process.Start(info) ?? throw new OracleUnavailableException($"'{python}' did not start"));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OracleUnavailableException($"cannot start '{python}': {e.Message}");
        }
    }

    /// <summary>
    /// Sends <paramref name="lines"/> (one JSON case each) and returns the answer lines in the same order; when the process
    /// ends early, the answers it gave before it ended, and <see cref="ExitCode"/> says how it ended.
    /// </summary>
    public IReadOnlyList<string> Ask(IReadOnlyList<string> lines)
    {
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var line in lines)
                    _process.StandardInput.Write(line + "\n");
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The process died; the reader below reports it with its error output.
            }
        });
        var answers = new List<string>(lines.Count);
        // A hang detector: one answer normally takes milliseconds, so a case NumPy 1.24 spins on for a minute (seen in
        // long runs, busy in a comparison) is given up: the process is killed and the case counts as skipped.
        using var watchdog = new Timer(_ => KillHung(), null, HangLimit, Timeout.InfiniteTimeSpan);
        while (answers.Count < lines.Count)
        {
            string? answer = _process.StandardOutput.ReadLine();
            watchdog.Change(HangLimit, Timeout.InfiniteTimeSpan);
            if (answer is null)
            {
                writer.Wait(TimeSpan.FromSeconds(10));
                if (!_process.WaitForExit(10_000))
                    _process.Kill();
                _process.WaitForExit();
                ExitCode = _process.ExitCode;
                return answers;
            }
            answers.Add(answer);
        }
        writer.Wait();
        return answers;
    }

    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>True when the process was killed for spending longer than the hang limit on one case.</summary>
    public bool Hung { get; private set; }

    private void KillHung()
    {
        try
        {
            Hung = true;
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }

    /// <summary>The exit code once the process has ended early (signals show as 128 + the signal number); null while it runs.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>What the process wrote to its error output (the first 8000 characters).</summary>
    public string ErrorOutput
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString().Trim();
        }
    }

    /// <summary>Closes the oracle's input and waits for it to end (killing it if it does not).</summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
                _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // Its input pipe broke: it is gone.
        }
        _process.Dispose();
    }
}
