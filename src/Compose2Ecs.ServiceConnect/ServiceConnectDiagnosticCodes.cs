namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// Codes of the Service Connect backend's findings (C2E6xxx). Listed with their meaning in
/// docs/diagnostics.md; docs/service-connect.md says why each exists.
/// </summary>
public static class ServiceConnectDiagnosticCodes
{
    /// <summary>A caller would wait for a service it calls, but that would close a cycle of CloudFormation DependsOn: that order is left out.</summary>
    public const string StartupCycle = "C2E6001";

    /// <summary>A service with <c>x-mesh: false</c> calls a service whose Service Connect endpoint speaks only TLS.</summary>
    public const string PlainCallerOfTls = "C2E6002";

    /// <summary>An environment value names <c>localhost:&lt;local_port&gt;</c> (another backend's address); it is rewritten to the Service Connect alias.</summary>
    public const string LocalhostAddress = "C2E6003";

    /// <summary>In an imported VPC, the namespace's default name is scoped by <c>--stack-name</c> (a second stack of the project in that VPC would collide).</summary>
    public const string NamespaceScoped = "C2E6004";

    /// <summary>In an imported VPC, services outside Service Connect resolve short names only if the VPC's DHCP options search the namespace.</summary>
    public const string ImportedVpcSearchDomain = "C2E6005";

    /// <summary>The Service Connect proxy's recommended room moves the task to a larger Fargate size, or no size has it (the proxy then shares the task).</summary>
    public const string ProxyRoom = "C2E6006";

    /// <summary>A Service Connect endpoint's health check has no start period: ECS counts failures while the app and its proxy start.</summary>
    public const string NoStartPeriod = "C2E6007";

    /// <summary><c>x-mesh.service_connect.namespace</c> has no <c>arn</c>, or one not of a Cloud Map namespace's form.</summary>
    public const string InvalidNamespaceArn = "C2E6008";

    /// <summary>An existing namespace is named without <c>x-mesh.namespace</c>, its DNS name (the ARN does not carry it, and aliases and DNS names need it).</summary>
    public const string ExistingNamespaceNeedsName = "C2E6009";

    /// <summary>An existing namespace is named, but the stack creates its VPC: a private DNS namespace belongs to a VPC that already exists.</summary>
    public const string ExistingNamespaceNeedsVpc = "C2E6010";

    /// <summary>A route, policy, TLS or gateway setting Service Connect cannot express (request matches, weights, retries, per-request timeouts, connection pools, permissive TLS, gRPC through an HTTP listener).</summary>
    public const string ServiceConnectCannotCarry = "C2E6011";

    /// <summary>Warning: A setting Service Connect's proxy applies on its own and cannot be tuned (outlier detection, health checks): the values are not used.</summary>
    public const string NotTunable = "C2E6012";

    /// <summary>Warning: Service Connect takes timeouts in whole seconds; the value is rounded.</summary>
    public const string TimeoutRounded = "C2E6013";

    /// <summary>Warning: Service Connect has no egress filter: <c>drop_all</c> holds between the application's services through security groups only.</summary>
    public const string NoEgressFilter = "C2E6014";

    /// <summary>The gateway's target group would pass the number ECS attaches to one service.</summary>
    public const string TargetGroupLimit = "C2E6015";
}
