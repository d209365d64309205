using System.CommandLine;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// Turns parse errors into short messages that suggest the nearest command or option,
/// as git and kubectl do ("unknown option '--formt'; did you mean '--format'?").
/// </summary>
public static class UsageErrors
{
    public static IEnumerable<string> Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var options = command.Options.Concat(AncestorOptions(result)).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToArray();
        var subcommands = command.Subcommands.Select(c => c.Name).ToArray();
        var afterUnknownOption = false;
        var unknownCommand = false;
        foreach (var token in result.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                var option = token.Split('=')[0];
                afterUnknownOption = !token.Contains('=', StringComparison.Ordinal);
                yield return $"unknown option '{option}' for '{CommandPath(result)}'{Hint(option, options)}";
                continue;
            }

            if (afterUnknownOption)
            {
                // Most likely the value of the unknown option: one message is enough.
                afterUnknownOption = false;
                continue;
            }

            if (subcommands.Length > 0)
            {
                unknownCommand = true;
                yield return $"unknown command '{token}'{Hint(token, subcommands)}";
            }
            else
            {
                yield return $"unexpected argument '{token}'";
            }
        }

        foreach (var error in result.Errors.Where(e => !e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)))
        {
            if (error.Message == "Required command was not provided." && subcommands.Length > 0)
            {
                if (unknownCommand)
                {
                    continue;
                }

                yield return $"a command is required: {string.Join(", ", subcommands.Order(StringComparer.Ordinal))}";
                continue;
            }

            yield return error.Message.TrimEnd('.');
        }
    }

    private static string Hint(string input, IEnumerable<string> candidates) =>
        Suggest.Nearest(input, candidates) is { } nearest ? $"; did you mean '{nearest}'?" : "";

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var symbol = result.CommandResult; symbol is not null; symbol = symbol.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, symbol.Command is RootCommand ? "compose2ecs" : symbol.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static IEnumerable<Option> AncestorOptions(ParseResult result)
    {
        for (var parent = result.CommandResult.Parent as System.CommandLine.Parsing.CommandResult; parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }
}
