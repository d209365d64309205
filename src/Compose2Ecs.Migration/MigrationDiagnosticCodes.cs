namespace Compose2Ecs.Migration;

/// <summary>
/// Codes of what <c>migrate</c> reports (C2E8xxx). Warnings are notes about the mapping: what
/// ComposeX did that x-mesh does differently, and what the user must finish by hand. Listed
/// with their meaning in docs/diagnostics.md.
/// </summary>
public static class MigrationDiagnosticCodes
{
    /// <summary>A ComposeX value of the wrong shape (a list where a mapping belongs, a weight that is no number); skipped.</summary>
    public const string MalformedValue = "C2E8001";

    /// <summary>A key ComposeX did not accept in that place (a misspelling); ignored.</summary>
    public const string UnknownKey = "C2E8002";

    /// <summary>A ComposeX setting x-mesh has no equivalent for; dropped.</summary>
    public const string NoEquivalent = "C2E8003";

    /// <summary>What runs differs from what ComposeX deployed (weights, gRPC routes, rule order, upstreams from depends_on).</summary>
    public const string BehaviourChanges = "C2E8004";

    /// <summary>A node, router, virtual service or backend that names nothing mappable; skipped.</summary>
    public const string Unmapped = "C2E8005";

    /// <summary>Environment ComposeX set on a task (<c>&lt;NAME&gt;_BACKEND</c>) that migrate cannot write; add it by hand.</summary>
    public const string EnvironmentByHand = "C2E8006";

    /// <summary>Which services are in the mesh changes shape (a service outside it, a task family split into services).</summary>
    public const string MeshMembership = "C2E8007";

    /// <summary>What migrate chose for the output (the backend, the normal form of the file).</summary>
    public const string OutputChoice = "C2E8008";

    /// <summary>A virtual service becomes a route under another name; its callers' host names change.</summary>
    public const string Renamed = "C2E8009";

    /// <summary>The mesh's egress as ComposeX created it when Properties were missing or empty.</summary>
    public const string EgressDefault = "C2E8010";

    /// <summary>The virtual services use several Cloud Map namespaces; one is kept.</summary>
    public const string SeveralNamespaces = "C2E8011";

    /// <summary>A depends_on entry names a ComposeX task family; compose needs a service.</summary>
    public const string DependsOnFamily = "C2E8012";

    /// <summary>Error: x-appmesh is not a mapping with Properties and Settings.</summary>
    public const string InvalidSection = "C2E8101";

    /// <summary>Error: an input is not one YAML document holding a compose mapping.</summary>
    public const string NotCompose = "C2E8102";

    /// <summary>Error: a file already has x-mesh.</summary>
    public const string AlreadyMigrated = "C2E8103";

    /// <summary>Error: no x-appmesh, or no node that maps to a service: nothing to migrate.</summary>
    public const string NothingToMigrate = "C2E8104";

    /// <summary>Warning: the input does not load as it is (errors migrate does not touch, such as a file-less compose secret); the migrated file keeps them.</summary>
    public const string InputDoesNotLoad = "C2E8013";

    /// <summary>Error: more than one of the layered files holds x-appmesh.</summary>
    public const string SeveralSections = "C2E8105";

    /// <summary>Error: an input file that does not exist or cannot be read.</summary>
    public const string InputFile = "C2E8106";

    /// <summary>Error: the migrated file does not validate, so it is not written.</summary>
    public const string DoesNotValidate = "C2E8107";

    /// <summary>Error: <c>-o</c> names a directory or a file in a folder that does not exist.</summary>
    public const string OutputPath = "C2E8108";
}
