using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Interpolation of an env file's value. The interpolator quotes the text it could not read,
/// which is right for a compose file but not for an env file, whose values are often secrets:
/// its errors are reported here by key and line, without the value.
/// </summary>
internal static class EnvFileInterpolation
{
    public static string? Substitute(IReadOnlyDictionary<string, string> variables, string text, SourceLocation location, string key, DiagnosticBag diagnostics)
    {
        var scratch = new DiagnosticBag();
        var result = new Interpolator(variables, scratch).Substitute(text, location);
        foreach (var finding in scratch.Items)
        {
            diagnostics.Add(finding.Code == ComposeDiagnosticCodes.InputBound
                ? Diagnostic.Error(location, ComposeDiagnosticCodes.InputBound, $"line {location.Line}: the value of {key}: {finding.Message}")
                : finding.Severity == Severity.Error
                ? Diagnostic.Error(location, ComposeDiagnosticCodes.EnvFileInterpolation,
                    $"line {location.Line}: the value of {key} has an invalid interpolation (a \"${{\" never closed, or a bad ${{NAME...}} form); close it with \"}}\", or write $$ for a literal $")
                : finding);
        }

        return result;
    }
}
