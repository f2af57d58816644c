using System.Globalization;
using NumNet.IO;
using System.CommandLine;
using System.CommandLine.Help;

namespace NumNet.Cli;

/// <summary>
/// The numnet tool: <c>tour</c>, <c>show</c> and <c>convert</c>, parsed by System.CommandLine. Exit codes, the same for
/// every command (<see cref="ExitCodes"/>): 0 success, 1 bad input, 2 usage.
/// </summary>
public static class CommandLine
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>
    /// A file could not be used (missing, a directory, unreadable, damaged, hostile, not a valid .npz to add to), a
    /// cast the casting rule forbids, or an output that exists without <c>--force</c>.
    /// </summary>
    public const int BadInput = 1;

    /// <summary>The command line itself is wrong: an unknown command or option, a malformed option value, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The exit-code rule as <c>numnet --help</c> prints it (and the README's <c>numnet</c> section states).</summary>
    public const string ExitCodes = """
        Exit codes:
          0  success
          1  bad input: a file that is missing, a directory, unreadable, damaged or hostile; a cast the casting rule
             forbids; an output that exists without --force
          2  usage: an unknown command or option, a malformed option value, a missing argument
        """;

    /// <summary>Runs the tool with the process's console; a progress bar appears when stderr is a terminal.</summary>
    public static int Run(string[] args) =>
        Run(args, Console.Out, Console.Error, progress: !Console.IsErrorRedirected);

    /// <summary>Runs the tool in-process, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, progress: false);

    /// <summary>Runs the tool; <paramref name="progress"/> allows a progress bar on <paramref name="stderr"/> for long work.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool progress)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Every number the tool prints, in results and in messages from any part of the library, reads the same under
        // any culture: no U+2212 minus (sv-SE) or direction marks (fa-IR). Restored for in-process callers.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return RunInvariant(args, stdout, stderr, progress);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static int RunInvariant(string[] args, TextWriter stdout, TextWriter stderr, bool progress)
    {
        var context = new CliContext(stdout, stderr, progress);
        var root = BuildRoot(context);
        if (args.Length == 0)
        {
            stderr.WriteLine("numnet: no command given. Run 'numnet --help' for the list of commands.");
            return Usage;
        }
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            string command = result.CommandResult.Command == root ? "numnet" : "numnet " + result.CommandResult.Command.Name;
            stderr.WriteLine($"{command}: {UsageErrors.Describe(result, root)}; run '{command} --help' for usage");
            return Usage;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static Command BuildRoot(CliContext context)
    {
        // A plain command rather than RootCommand: the root takes its name from the executable ("NumNet.Cli" under
        // dotnet run) and brings a --version that prints the commit suffix; ours is always "numnet", major.minor.patch.
        var root = new Command("numnet", "numnet: NumPy's n-dimensional array for .NET\n\n" + ExitCodes.TrimEnd());
        root.Options.Add(new HelpOption());
        var version = new Option<bool>("--version") { Description = "Show the version" };
        root.Options.Add(version);
        root.SetAction(r =>
        {
            if (r.GetValue(version))
            {
                context.Out.WriteLine(typeof(np).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return Ok;
            }
            context.Error.WriteLine("numnet: no command given. Run 'numnet --help' for the list of commands.");
            return Usage;
        });

        var tour = new Command("tour", "Walk through what NumNet does, with NumPy-style output");
        tour.SetAction(_ =>
        {
            Tour.Run(context.Out);
            return Ok;
        });
        root.Subcommands.Add(tour);

        var help = new Command("help", "Show this text");
        help.SetAction(_ =>
        {
            return root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        });
        root.Subcommands.Add(help);

        root.Subcommands.Add(ShowCommand.Build(context));
        root.Subcommands.Add(ConvertCommand.Build(context));
        return root;
    }
}
