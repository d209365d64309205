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

    /// <summary>The file is not valid YAML (a syntax error, a malformed document, a <c>&lt;&lt;</c> merge of something that is not a mapping).</summary>
    public const string YamlSyntax = "C2E1001";

    /// <summary>A file the project names cannot be read: the compose file (<c>-f</c>, or none found in the folder or its parents), an <c>--env-file</c>, <c>env_file</c>, <c>include</c>, <c>extends.file</c> or <c>label_file</c>, or it is not a regular file, too large, or not UTF-8.</summary>
    public const string FileNotFound = "C2E1002";

    /// <summary>A compose value has the wrong type or shape (a mapping where a list or string is expected, and so on).</summary>
    public const string WrongType = "C2E1003";

    /// <summary>Warning: The top-level <c>version</c> key is obsolete (docker compose ignores it too).</summary>
    public const string ObsoleteVersion = "C2E1004";

    /// <summary>Warning: <c>${VAR}</c> names a variable that is set nowhere (environment, <c>.env</c>, <c>--env-file</c>), so it becomes an empty string, as in docker compose.</summary>
    public const string UnsetVariable = "C2E1005";

    /// <summary>An interpolation is malformed (<c>${</c> unclosed, a bad modifier) or a required variable (<c>${VAR:?message}</c>) is unset.</summary>
    public const string InterpolationSyntax = "C2E1006";

    /// <summary>A compose value has the right type but cannot be read: a port, size, duration, CPU count, device or host entry, health check test, dependency condition or quoted command that is malformed.</summary>
    public const string InvalidValue = "C2E1007";

    /// <summary>A compose mapping lacks a key it needs (a port's <c>target</c>, a bind mount's <c>source</c>, an <c>env_file</c> entry's <c>path</c>, <c>extends.service</c>, a watch rule's <c>action</c>, ...).</summary>
    public const string MissingKey = "C2E1008";

    /// <summary>Two keys that exclude each other are both set (<c>dockerfile</c> and <c>dockerfile_inline</c>, <c>external</c> with other settings, <c>count</c> and <c>device_ids</c>, <c>name</c> and <c>external.name</c>).</summary>
    public const string ConflictingKeys = "C2E1009";

    /// <summary>A service name has characters compose does not allow.</summary>
    public const string InvalidServiceName = "C2E1010";

    /// <summary>A service has neither <c>image</c> nor <c>build</c> (it is probably completed by an override file not given with <c>-f</c>).</summary>
    public const string NoImageOrBuild = "C2E1011";

    /// <summary>The file is empty, or its top level is not a mapping with <c>services</c>.</summary>
    public const string NotACompose = "C2E1012";

    /// <summary><c>extends</c> names a service that does not exist in that file, or the chain of <c>extends</c> loops.</summary>
    public const string Extends = "C2E1013";

    /// <summary>A compose key that the Compose Specification does not define (<c>x-</c> keys are yours and pass).</summary>
    public const string UnknownKey = "C2E1014";

    /// <summary>A service names a secret, config, network or volume that is not defined at the top level.</summary>
    public const string UndefinedReference = "C2E1015";
}
