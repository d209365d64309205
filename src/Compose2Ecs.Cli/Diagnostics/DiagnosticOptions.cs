using System.CommandLine;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Diagnostics;

/// <summary>
/// <c>--warnings-as-errors [CODES]</c>, <c>--ignore-warnings CODES</c> and <c>--diagnostics-format</c>:
/// how diagnostics are filtered and printed, for every command (written before or after it).
/// </summary>
public sealed class DiagnosticOptions
{
    public Option<string[]> WarningsAsErrors { get; } = new("--warnings-as-errors")
    {
        Description = "Fail (exit 1, nothing written) on warnings: all of them, or only the listed codes (C2E3001,C2E3002); notes never fail",
        HelpName = "CODES",
        Arity = ArgumentArity.ZeroOrMore,
        Recursive = true,
    };

    public Option<string[]> IgnoreWarnings { get; } = new("--ignore-warnings")
    {
        Description = "Do not print warnings or notes with these codes (C2E3001,C2E3002); adds to x-mesh.ignore_warnings",
        HelpName = "CODES",
        Arity = ArgumentArity.OneOrMore,
        Recursive = true,
    };

    public Option<string?> Format { get; } = new("--diagnostics-format")
    {
        Description = "How errors, warnings and notes are printed on stderr: text (repeats grouped), json (one object per line), "
            + "github (workflow commands; the default when GITHUB_ACTIONS=true)",
        HelpName = "text|json|github",
        Recursive = true,
    };

    public DiagnosticOptions()
    {
        Format.AcceptOnlyFromAmong("text", "json", "github");
        WarningsAsErrors.Validators.Add(result => CheckCodes(result, "--warnings-as-errors"));
        IgnoreWarnings.Validators.Add(result => CheckCodes(result, "--ignore-warnings"));
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(WarningsAsErrors);
        root.Options.Add(IgnoreWarnings);
        root.Options.Add(Format);
    }

    public DiagnosticPolicy Read(ParseResult result, IReadOnlyDictionary<string, string> environment)
    {
        var format = result.GetValue(Format) switch
        {
            "json" => DiagnosticFormat.Json,
            "github" => DiagnosticFormat.GitHub,
            "text" => DiagnosticFormat.Text,
            _ => environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true" ? DiagnosticFormat.GitHub : DiagnosticFormat.Text,
        };
        var promoted = result.GetResult(WarningsAsErrors) is null ? null : Codes(result.GetValue(WarningsAsErrors));
        return new DiagnosticPolicy(format, promoted, Codes(result.GetValue(IgnoreWarnings)));
    }

    private static HashSet<string> Codes(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);

    private static void CheckCodes(System.CommandLine.Parsing.OptionResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            foreach (var code in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IgnoredWarnings.IsCode(code))
                {
                    result.AddError($"{name}: \"{code}\" is not a warning code; codes are C2E and four digits, as printed at the end of a warning (e.g. {name} C2E3001,C2E3002)");
                }
            }
        }
    }
}
