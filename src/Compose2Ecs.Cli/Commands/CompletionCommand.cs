using System.CommandLine;
using System.Text;

namespace Compose2Ecs.Cli.Commands;

/// <summary>
/// <c>compose2ecs completion bash|zsh|fish</c>: a shell completion script made from the command
/// tree itself, so it never falls behind: commands, each command's options, the choices of an
/// option that has them (<c>--mesh</c>, <c>--format</c>), and file names after file options.
/// </summary>
public static class CompletionCommand
{
    public static Command Create(Console2 console, RootCommand root)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", """
            Print a shell completion script for commands, options and their values.

            Examples:
              source <(compose2ecs completion bash)                       # in ~/.bashrc
              source <(compose2ecs completion zsh)                        # in ~/.zshrc
              compose2ecs completion fish > ~/.config/fish/completions/compose2ecs.fish
            """);
        command.Arguments.Add(shell);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var commands = root.Subcommands.Where(c => !c.Hidden).ToList();
            console.Out.Write(result.GetValue(shell) switch
            {
                "fish" => Fish(root, commands),
                "zsh" => "#compdef compose2ecs\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(root, commands),
                _ => Bash(root, commands),
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IEnumerable<Option> Options(RootCommand root, Command command) =>
        command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden);

    /// <summary>The option's spellings a shell completes: <c>--long</c> and <c>-x</c> (not <c>/h</c>, <c>-?</c>).</summary>
    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name).Distinct()
        .Where(n => n.StartsWith("--", StringComparison.Ordinal) || (n.Length == 2 && n[0] == '-' && char.IsAsciiLetter(n[1])));

    private static string[] Choices(Option option) =>
        option.HelpName is { } help && help.Contains('|', StringComparison.Ordinal) ? help.Split('|') : [];

    private static bool TakesFile(Option option) => option.HelpName is "FILE" or "DIR";

    private static string Bash(RootCommand root, List<Command> commands)
    {
        var text = new StringBuilder();
        text.Append("# compose2ecs completion for bash\n_compose2ecs() {\n");
        text.Append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" w opts\n");
        text.Append($"  local commands=\"{string.Join(' ', commands.Select(c => c.Name))}\"\n");
        text.Append("  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n");
        text.Append("    case \" $commands \" in *\" $w \"*) cmd=\"$w\"; break;; esac\n  done\n");
        text.Append("  case \"$cmd\" in\n");
        foreach (var command in commands)
        {
            text.Append($"    {command.Name})\n      case \"$prev\" in\n");
            foreach (var option in Options(root, command))
            {
                var pattern = string.Join('|', Names(option));
                if (Choices(option) is { Length: > 0 } choices)
                {
                    text.Append($"        {pattern}) COMPREPLY=($(compgen -W \"{string.Join(' ', choices)}\" -- \"$cur\")); return;;\n");
                }
                else if (TakesFile(option))
                {
                    text.Append($"        {pattern}) COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n");
                }
            }

            text.Append("      esac\n");
            var values = command.Arguments.SelectMany(a => a.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label));
            text.Append($"      opts=\"{string.Join(' ', Options(root, command).SelectMany(Names).Concat(values))}\";;\n");
        }

        text.Append($"    *) opts=\"$commands {string.Join(' ', root.Options.SelectMany(Names))}\";;\n  esac\n");
        text.Append("  COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n}\ncomplete -F _compose2ecs compose2ecs\n");
        return text.ToString();
    }

    private static string Fish(RootCommand root, List<Command> commands)
    {
        var text = new StringBuilder("# compose2ecs completion for fish\ncomplete -c compose2ecs -f\n");
        foreach (var command in commands)
        {
            text.Append($"complete -c compose2ecs -n __fish_use_subcommand -a {command.Name} -d {Quote(FirstLine(command.Description))}\n");
            foreach (var option in Options(root, command))
            {
                text.Append($"complete -c compose2ecs -n '__fish_seen_subcommand_from {command.Name}'");
                foreach (var name in Names(option))
                {
                    text.Append(name.StartsWith("--", StringComparison.Ordinal) ? $" -l {name[2..]}" : $" -s {name[1..]}");
                }

                if (Choices(option) is { Length: > 0 } choices)
                {
                    text.Append($" -x -a {Quote(string.Join(' ', choices))}");
                }
                else if (TakesFile(option))
                {
                    text.Append(" -r -F");
                }
                else if (option.Arity.MinimumNumberOfValues > 0)
                {
                    text.Append(" -x");
                }

                text.Append($" -d {Quote(FirstLine(option.Description))}\n");
            }

            foreach (var argument in command.Arguments)
            {
                var values = argument.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList();
                if (values.Count > 0)
                {
                    text.Append($"complete -c compose2ecs -n '__fish_seen_subcommand_from {command.Name}' -a {Quote(string.Join(' ', values))}\n");
                }
            }
        }

        return text.ToString();
    }

    private static string FirstLine(string? text)
    {
        var line = (text ?? "").Split('\n')[0].Trim();
        return line.Length > 80 ? line[..77] + "..." : line;
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
