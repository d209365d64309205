using System.CommandLine;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// Turns parse errors into short messages that suggest the nearest command or option,
/// as git and kubectl do ("unknown option '--formt'; did you mean '--format'?").
/// </summary>
public static partial class UsageErrors
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

            yield return Reworded(error.Message, command.Options.Concat(AncestorOptions(result)).ToList(), command.Arguments.FirstOrDefault()?.Name);
        }
    }

    /// <summary>
    /// System.CommandLine's own messages in our words: the option first, then what is wrong and
    /// what would be right ("--mesh: "foo" is not a backend; use one of ..."), as our diagnostics say it.
    /// </summary>
    internal static string Reworded(string message, IReadOnlyList<Option> options, string? argument)
    {
        string Shown(Option o) => o.HelpName is { } help ? $"{o.Name} {help}" : o.Name;
        Option? Named(string name) => options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

        if (NotAmong().Match(message) is { Success: true } choice)
        {
            var value = choice.Groups["value"].Value;
            var choices = Quoted().Matches(choice.Groups["choices"].Value).Select(m => m.Groups[1].Value).ToArray();
            var option = options.FirstOrDefault(o => o.HelpName is { } help && choices.All(c => help.Split('|').Contains(c)));
            var name = option?.Name ?? argument ?? "the value";
            return $"{name}: \"{value}\" is not one of {string.Join(" | ", choices)}{Hint(value, choices)}";
        }

        if (Required().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return Named(name) is { } option ? $"{Shown(option)} is needed: {option.Description}" : $"{name} is needed";
        }

        if (MissingValue().Match(message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return Named(name) is { } option && option.HelpName is { } help ? $"{name}: needs a value, {help}" : $"{name}: needs a value";
        }

        return message.TrimEnd('.');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>.*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex NotAmong();

    [System.Text.RegularExpressions.GeneratedRegex(@"'([^']*)'")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Option '(?<name>[^']+)' is required\.?$")]
    private static partial System.Text.RegularExpressions.Regex Required();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Required argument missing for option: '(?<name>[^']+)'\.?$")]
    private static partial System.Text.RegularExpressions.Regex MissingValue();

    private static string Hint(string input, IEnumerable<string> candidates) => Suggest.DidYouMean(input, candidates, '\'');

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
