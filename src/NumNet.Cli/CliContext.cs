using NumNet.IO;

namespace NumNet.Cli;

/// <summary>Where a command writes, and whether it may draw a progress bar.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Diagnostics and the progress bar.</param>
/// <param name="Progress">True when <paramref name="Error"/> is a terminal, so a redrawn bar makes sense.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Progress)
{
    /// <summary>
    /// Runs a command body, turning the errors that mean "this input cannot be used" into one line on stderr and exit
    /// code 1. Nothing reaches the user as a stack trace.
    /// </summary>
    public int Guard(string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            Report(command, CliMessage.Of(e));
            return CommandLine.Usage;
        }
        catch (Exception e) when (e is InputException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException
            or InvalidCastException or OverflowException or FormatException or KeyNotFoundException or ReadOnlyArrayException)
        {
            Report(command, CliMessage.Of(e));
            return CommandLine.BadInput;
        }
        catch (Exception e) when (e is OutOfMemoryException or InsufficientExecutionStackException)
        {
            Report(command, $"the input is too large to process here ({CliMessage.Of(e)})");
            return CommandLine.BadInput;
        }
        catch (Exception e)
        {
            // Still one line and no stack trace: whatever the input provoked, the user learns what and where.
            Report(command, $"cannot process the input: {CliMessage.Of(e)}");
            return CommandLine.BadInput;
        }
    }

    // One line whatever the message quotes: the runtime's own messages hold paths unquoted, so a control character
    // left in one is escaped here rather than reaching the terminal or starting a second line.
    private void Report(string command, string message) => Error.WriteLine($"numnet {command}: {MessageText.OneLine(message)}");

}

/// <summary>A command line that parsed but asks for something impossible (an unknown extension or dtype).</summary>
internal sealed class UsageException(string message) : Exception(message);
