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

    /// <summary>An <c>x-mesh</c> mapping lacks a key it needs (a route's <c>rules</c> or <c>targets</c>, a gateway's <c>routes</c> or <c>to</c>, a retry's <c>attempts</c>, an upstream's <c>service</c>, an existing VPC's <c>id</c> or <c>private_subnets</c>).</summary>
    public const string MissingKey = "C2E2014";

    /// <summary>An upstream, a route target or a gateway route names no service or route of the project.</summary>
    public const string UnknownReference = "C2E2015";

    /// <summary>A call names a service the mesh cannot carry it to: it has no listener (no port), is outside the mesh, or the named port is not one of its container ports.</summary>
    public const string NotReachable = "C2E2016";

    /// <summary>A setting the protocol or load balancer cannot carry: matches, timeouts, retries or health check paths on tcp; gRPC-only matches or events on http; an alb forwarding tcp; an nlb choosing by path; targets of a route speaking different protocols.</summary>
    public const string CannotCarry = "C2E2017";

    /// <summary>A match or path is malformed: a path that does not start with <c>/</c>, an empty match, more than one path condition, <c>grpc_method</c> without <c>grpc_service</c>, a matcher other than <c>present: true</c>, an invalid regular expression.</summary>
    public const string InvalidMatch = "C2E2018";

    /// <summary>A rule or gateway route can never take traffic: a rule without match before others, a prefix an earlier route already takes, every weight 0.</summary>
    public const string RuleNeverApplies = "C2E2019";

    /// <summary>A name is used twice where it must be unique: an upstream listed twice, a service naming itself, a route named like a service.</summary>
    public const string Duplicate = "C2E2020";

    /// <summary><c>outbound_only: true</c> together with a key that gives the service a listener.</summary>
    public const string ConflictingKeys = "C2E2021";

    /// <summary>An entry of <c>x-mesh.ignore_warnings</c> is not a diagnostic code.</summary>
    public const string NotAWarningCode = "C2E2022";

    /// <summary>Warning: A key of the spec the chosen backend has no use for (it says why).</summary>
    public const string IgnoredByBackend = "C2E2023";
}
