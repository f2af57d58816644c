using System.CommandLine;
using System.CommandLine.Parsing;
using NumNet.Formatting;
using NumNet.IO;

namespace NumNet.Cli;

/// <summary>
/// A command line the parser rejected, told in the tool's words: the parser's own messages name .NET types and
/// spread over several lines, so the problem is worked out from what the parse found instead.
/// </summary>
internal static class UsageErrors
{
    /// <summary>One line saying what is wrong with the command line that gave <paramref name="result"/>.</summary>
    public static string Describe(ParseResult result, Command root)
    {
        var command = result.CommandResult.Command;
        if (result.UnmatchedTokens.Count > 0)
        {
            string token = result.UnmatchedTokens[0];
            if (token.StartsWith('-'))
                return $"unknown option {PythonRepr.Repr(token)}";
            return command == root ? $"unknown command {PythonRepr.Repr(token)}" : $"unexpected argument {PythonRepr.Repr(token)}";
        }
        foreach (var error in result.Errors)
        {
            if (error.SymbolResult is OptionResult option)
                return $"{option.Option.Name} needs a value";
        }
        foreach (var argument in command.Arguments)
        {
            if (result.GetResult(argument) is not ArgumentResult { Tokens.Count: > 0 })
                return $"missing {argument.Name}";
        }
        // Not reached by any command line the tests know; kept readable all the same.
        return $"the command line cannot be understood ({MessageText.OneLine(result.Errors[0].Message)})";
    }
}
