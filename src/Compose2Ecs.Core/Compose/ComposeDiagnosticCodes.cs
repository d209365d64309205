namespace Compose2Ecs.Core.Compose;

/// <summary>
/// Codes of the loader's findings (C2E1xxx): the compose file, its env files, interpolation and
/// what the loaded project would put in the template. Listed with their meaning in docs/diagnostics.md.
/// </summary>
public static class ComposeDiagnosticCodes
{
    /// <summary>An environment variable whose name says it holds a secret has a value in clear text.</summary>
    public const string SecretByName = "C2E1101";

    /// <summary>An environment variable's value is shaped like a credential (an AWS access key id, a GitHub token, a private key, a JWT, a URL with a password).</summary>
    public const string SecretByValue = "C2E1102";

    /// <summary>A line of an env file that is not <c>KEY=value</c> (reported by line number; the line is never printed, it may hold a secret).</summary>
    public const string EnvFileLine = "C2E1103";

    /// <summary>An interpolation error in an env file's value (reported by the key and line; the value is never printed).</summary>
    public const string EnvFileInterpolation = "C2E1104";

    /// <summary>A port protocol other than tcp or udp (sctp is compose-legal but not carried to security groups and load balancers).</summary>
    public const string PortProtocol = "C2E1105";

    /// <summary>An <c>include</c> that includes itself (directly, through other files or through a symbolic link), or a loop of symbolic links.</summary>
    public const string IncludeCycle = "C2E1106";

    /// <summary>A project name (COMPOSE_PROJECT_NAME, the top-level <c>name</c>, <c>-p</c>) that is not a string of lowercase letters, digits, '-' and '_'.</summary>
    public const string ProjectName = "C2E1107";

    /// <summary>Input past a loader bound: interpolation nested too deep or expanding too far, an extends chain too long.</summary>
    public const string InputBound = "C2E1108";

    /// <summary>A YAML tag compose does not know (<c>!!python/object</c>, a custom <c>!tag</c>); only <c>!reset</c>, <c>!override</c> and the core schema's tags are read.</summary>
    public const string UnknownTag = "C2E1109";

    /// <summary>A consistency check of <c>docker compose config</c> failed (undefined network or volume, exclusive keys, distinct values of one setting).</summary>
    public const string Consistency = "C2E1110";

    /// <summary>Warning: a secret or config with no file, environment, content or external (docker compose refuses it; synth refuses it where a service uses it).</summary>
    public const string SourcelessDefinition = "C2E1111";

    /// <summary>A <c>depends_on</c> cycle, a service depending on itself, or a dependency on a service defined nowhere (even with <c>required: false</c>).</summary>
    public const string Dependency = "C2E1112";

    /// <summary>A compose file breaks the Compose Specification's JSON Schema (a wrong type, a value outside an enum, an unknown key), checked per file after interpolation as compose-go does.</summary>
    public const string Schema = "C2E1113";
}
