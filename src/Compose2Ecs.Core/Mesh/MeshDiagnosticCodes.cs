namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Codes of the findings of the mesh model (C2E2xxx): how x-mesh is written and the spec's
/// rules about it. Listed with their meaning in docs/diagnostics.md.
/// </summary>
public static class MeshDiagnosticCodes
{
    /// <summary>A value of the wrong kind (a mapping, a non-empty string, a number, true/false, a list, a duration).</summary>
    public const string WrongKind = "C2E2001";

    /// <summary>A number outside its range (a port, a size).</summary>
    public const string OutOfRange = "C2E2002";

    /// <summary>A word that is not one of its choices (a protocol, a mode, a backend name).</summary>
    public const string NotAChoice = "C2E2003";

    /// <summary>A key x-mesh does not have in that place.</summary>
    public const string UnknownKey = "C2E2004";

    /// <summary>A listener or local port on a port the chosen backend's own containers bind in every task.</summary>
    public const string ReservedPort = "C2E2005";

    /// <summary>A written local port that another upstream, or a container port of the caller, already has.</summary>
    public const string LocalPortTaken = "C2E2006";

    /// <summary>An existing VPC without public subnets while something is published through a load balancer.</summary>
    public const string PublicSubnetsRequired = "C2E2007";

    /// <summary>TLS on, with a backend whose proxies get certificates from an ACM Private CA, and no tls.acm_pca_arn.</summary>
    public const string TlsNeedsPrivateCa = "C2E2008";

    /// <summary>A mesh name or namespace that is not a valid name.</summary>
    public const string InvalidName = "C2E2009";

    /// <summary>A service that others depend on and that has no port from any source, so nothing could reach it.</summary>
    public const string CalledWithoutPort = "C2E2010";

    /// <summary>A well-known port of a protocol that is not HTTP, with the mesh protocol http: its traffic would break.</summary>
    public const string NonHttpPortAsHttp = "C2E2011";

    /// <summary>An existing VPC or subnet id that is not of AWS's form (vpc-/subnet- and 8 or 17 hexadecimal digits).</summary>
    public const string InvalidAwsId = "C2E2012";

    /// <summary>A caller's environment that dials a service on a port the service does not declare: reachable under docker compose, not on ECS.</summary>
    public const string UndeclaredCalledPort = "C2E2013";
}
