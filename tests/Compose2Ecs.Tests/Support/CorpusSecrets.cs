using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Testing;

/// <summary>
/// Corpus files that use <c>file:</c> secrets are refused by synth on purpose (the value would
/// land in the template). To check the rest of such a file, tests make those secrets external.
/// </summary>
public static class CorpusSecrets
{
    public static bool IsSecretError(Diagnostic error) =>
        error.Message.Contains("compose2ecs will not put a secret's value into the template", StringComparison.Ordinal);

    public static ComposeProject WithExternalSecrets(ComposeProject project) => project with
    {
        Secrets = [.. project.Secrets.Select(s => s with { External = true, ExternalName = $"/corpus/{s.Name}", File = null, Environment = null, Content = null })],
    };
}
