using System.CommandLine;

namespace Compose2Ecs.Cli;

/// <summary>
/// The command line as docker compose users type it: <c>compose2ecs -f x.yml -p shop synth</c>
/// (options before the command), <c>compose2ecs help synth</c> and <c>compose2ecs version</c>.
/// Rewritten to the form the parser knows (<c>synth -f x.yml -p shop</c>) before parsing.
/// </summary>
public static class ArgumentOrder
{
    public static string[] Normalize(RootCommand root, string[] args)
    {
        if (args is ["help", .. var topic])
        {
            return [.. topic, "--help"];
        }

        if (args is ["version"])
        {
            return ["--version"];
        }

        var commands = root.Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var options = root.Subcommands.SelectMany(c => c.Options).Concat(root.Options)
            .SelectMany(o => o.Aliases.Prepend(o.Name).Select(name => (name, o)))
            .GroupBy(x => x.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().o, StringComparer.Ordinal);

        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (commands.Contains(token))
            {
                return i == 0 ? args : [token, .. args[..i], .. args[(i + 1)..]];
            }

            if (!token.StartsWith('-') || token == "-" || !options.TryGetValue(token.Split('=')[0], out var option))
            {
                // Not ours to reorder: the parser says what is wrong with it.
                return args;
            }

            if (!token.Contains('=', StringComparison.Ordinal) && TakesNext(option, i + 1 < args.Length ? args[i + 1] : null, commands))
            {
                i++;
            }
        }

        return args;
    }

    private static bool TakesNext(Option option, string? next, HashSet<string> commands)
    {
        if (next is null || option.Arity.MaximumNumberOfValues == 0)
        {
            return false;
        }

        // "-f -" is stdin; an optional value is not the command that follows it.
        return option.Arity.MinimumNumberOfValues > 0 || (!next.StartsWith('-') && !commands.Contains(next));
    }
}
