namespace Compose2Ecs.Trace.Rules;

/// <summary>The stages a call passes through, in the order it meets them.</summary>
public enum HopKind
{
    /// <summary>A load balancer listener forwards to a target group whose targets are the service's tasks.</summary>
    Listener,

    /// <summary>The name the app dials resolves (DNS, a Service Connect alias, a local listener).</summary>
    Name,

    /// <summary>The caller's proxy intercepts (or deliberately lets through) the connection.</summary>
    Proxy,

    /// <summary>The mesh authorizes and routes it (virtual services, routers, intentions).</summary>
    Mesh,

    /// <summary>A security group admits it at the target, on the port on the wire.</summary>
    Network,

    /// <summary>The load balancer's health check reaches something that answers it.</summary>
    Health,

    /// <summary>The tasks start in an order in which the call can work.</summary>
    Startup,
}

public enum Verdict
{
    Ok,

    /// <summary>The templates decide it at deploy time (an imported VPC, a root parameter): not checked.</summary>
    Unknown,

    Broken,
}

/// <summary>One stage of a call towards one concrete target, and whether it holds.</summary>
/// <param name="Target">The service the stage is about (a route's target, or the upstream).</param>
/// <param name="Rule">The rule that decided it (stable: for tests and JSON consumers).</param>
public sealed record Hop(HopKind Kind, string Target, Verdict Verdict, string Rule, string Detail)
{
    public static Hop Ok(HopKind kind, string target, string rule, string detail) => new(kind, target, Verdict.Ok, rule, detail);

    public static Hop Broken(HopKind kind, string target, string rule, string detail) => new(kind, target, Verdict.Broken, rule, detail);
}
