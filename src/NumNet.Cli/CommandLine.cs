namespace NumNet.Cli;

/// <summary>The numnet tool's commands, usage text and exit codes (0 ok, 1 bad input, 2 usage).</summary>
public static class CommandLine
{
    private const string Usage = """
        numnet: NumPy's n-dimensional array for .NET

        usage: numnet <command> [options]

        commands:
          tour        walk through what NumNet does, with NumPy-style output
          help        show this text

        options:
          -h, --help  show this text
          --version   show the version
        """;

    /// <summary>Runs the tool; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        switch (args[0])
        {
            case "-h" or "--help" or "help":
                stdout.WriteLine(Usage);
                return 0;
            case "--version":
                stdout.WriteLine(typeof(np).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return 0;
            case "tour":
                if (args.Length > 1)
                {
                    stderr.WriteLine($"numnet tour: unexpected argument '{args[1]}'");
                    return 2;
                }
                Tour.Run(stdout);
                return 0;
            default:
                stderr.WriteLine($"numnet: unknown command '{args[0]}'. Run 'numnet --help' for the list of commands.");
                return 2;
        }
    }
}
