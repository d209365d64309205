using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Warns about likely secrets in a service's final environment (its <c>environment</c> and the
/// <c>env_file</c> files folded into it): every value there is written into the template in
/// clear text, readable by anyone who can read the stack. Found by the variable's name
/// (<c>*PASSWORD*</c>, <c>*SECRET*</c>, <c>*TOKEN*</c>, <c>*_KEY</c>, …) or by the value's shape
/// (AWS access key ids, GitHub tokens, private keys, JWTs, URLs with a password). The message
/// names the variable and the kind of value, never the value.
/// </summary>
internal static partial class ClearTextSecrets
{
    /// <summary>Name words that say the value is a secret.</summary>
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "APIKEY", "PASSPHRASE",
        "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY",
    };

    /// <summary>Name words that say the value is about a secret but is not one (a path, a name, a length, a switch).</summary>
    private static readonly HashSet<string> NotSecretWords = new(StringComparer.Ordinal)
    {
        "FILE", "PATH", "DIR", "ARN", "NAME", "ID", "IDS", "URL", "URI", "ENDPOINT", "HOST", "PORT", "LENGTH", "LEN", "SIZE",
        "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "TIMEOUT", "LIFETIME", "AGE", "HEADER", "TYPE", "ALGORITHM", "ALG", "REGION",
        "ENABLED", "ENABLE", "DISABLED", "DISABLE", "REQUIRED", "POLICY", "METHOD", "MODE", "ROTATION", "VERSION", "KEYS",
        "ISSUER", "AUDIENCE", "USER", "USERNAME", "LOGIN", "FORMAT", "PREFIX", "STORE", "BACKEND", "PROVIDER", "COMMAND",
    };

    public static void Check(MappingNode root, string projectDirectory, DiagnosticBag diagnostics)
    {
        if (root["services"] is not MappingNode services)
        {
            return;
        }

        foreach (var service in services.Entries)
        {
            if (service.Value is not MappingNode body || body["environment"] is not MappingNode environment)
            {
                continue;
            }

            var envFiles = (body["env_file"] as SequenceNode)?.Items.OfType<MappingNode>().ToList() ?? [];
            foreach (var variable in environment.Entries)
            {
                if (variable.Value is not ScalarNode { IsNull: false } scalar || scalar.Value.Length == 0)
                {
                    continue;
                }

                var kind = ValueKind(scalar.Value);
                var byName = kind is null && NameSaysSecret(variable.Name) && !LooksHarmless(scalar.Value);
                if (kind is null && !byName)
                {
                    continue;
                }

                var origin = envFiles.FirstOrDefault(f => f.Location == variable.Key.Location) is { } file
                    ? $" (from env_file {Shown((file["path"] as ScalarNode)?.Value, projectDirectory)})"
                    : "";
                var why = kind is not null ? $"its value looks like {kind}" : "its name says it holds a secret";
                diagnostics.Warning(variable.Key.Location, kind is not null ? ComposeDiagnosticCodes.SecretByValue : ComposeDiagnosticCodes.SecretByName,
                    $"services.{service.Name}.environment.{variable.Name}{origin}: {why}, and environment values are written into the template in clear text; " +
                    $"store it in Secrets Manager (or SSM Parameter Store), remove it from environment, and reference it: under the service `secrets: [{{ source: {SecretKey(variable.Name)}, target: {variable.Name} }}]`, " +
                    $"and at the top level `secrets: {{ {SecretKey(variable.Name)}: {{ external: true, name: arn:aws:secretsmanager:<region>:<account>:secret:<name> }} }}`");
            }
        }
    }

    /// <summary>An env file as the user knows it: relative to the project when it is inside it (an absolute path in CI logs says where the runner keeps its checkout).</summary>
    private static string? Shown(string? path, string projectDirectory)
    {
        if (path is null || !Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(projectDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The kind of credential a value is shaped like, or null.</summary>
    private static string? ValueKind(string value) =>
        PrivateKey().IsMatch(value) ? "a private key"
        : AwsAccessKey().IsMatch(value) ? "an AWS access key id"
        : GitHubToken().IsMatch(value) ? "a GitHub token"
        : SlackToken().IsMatch(value) ? "a Slack token"
        : Jwt().IsMatch(value) ? "a JSON Web Token"
        : UrlPassword().Match(value) is { Success: true } m && !m.Groups[1].Value.StartsWith('$') ? "a URL with a password"
        : null;

    private static bool NameSaysSecret(string name)
    {
        var words = Words().Split(name.ToUpperInvariant()).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0 || NotSecretWords.Contains(words[^1]))
        {
            return false;
        }

        // *_KEY: API_KEY, AWS_SECRET_ACCESS_KEY, STRIPE_KEY; not KEY alone, nor a key's id or path.
        var joined = string.Concat(words);
        return words.Any(SecretWords.Contains)
            || (words.Length > 1 && words[^1] == "KEY")
            || joined.EndsWith("APIKEY", StringComparison.Ordinal)
            || joined.Contains("PASSWORD", StringComparison.Ordinal);
    }

    /// <summary>Values a secret-named variable may hold without being a secret: a switch, a number, a reference to where the secret lives.</summary>
    private static bool LooksHarmless(string value) =>
        value.Length < 3
        || Harmless().IsMatch(value)
        || value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.Ordinal)
        || value.StartsWith("arn:", StringComparison.Ordinal)
        || KeyFilePath().IsMatch(value)
        || value.StartsWith("${", StringComparison.Ordinal);

    private static string SecretKey(string name) => name.ToLowerInvariant();

    [GeneratedRegex("[^A-Z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|none|null|nil|disabled?|enabled?|required|optional|changeme|\d+|\*+|x+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Harmless();

    /// <summary>A relative path to a key or certificate file (<c>certs/server-key.pem</c>): where the secret is, not the secret.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*\.(pem|key|crt|cer|der|p12|pfx|jks|keystore|json)$")]
    private static partial Regex KeyFilePath();

    [GeneratedRegex(@"-----BEGIN ([A-Z]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://[^/\s:@]+:([^/\s@]+)@")]
    private static partial Regex UrlPassword();
}
