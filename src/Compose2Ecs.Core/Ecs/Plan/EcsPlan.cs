using System.Collections.Immutable;
using Compose2Ecs.Core.Collections;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>
/// Everything the ECS base will emit, as immutable data and before any CDK call: the
/// network, cluster and namespace, one <see cref="ServicePlan"/> per compose service (sorted
/// by name, so reordering the compose file changes nothing), the security-group rules
/// between them, and whatever extra resources backends add. Mesh backends extend it through
/// <see cref="Backends.IMeshBackend.Transform"/>; task sizes are chosen after that.
/// </summary>
public sealed record EcsPlan
{
    public required string ProjectName { get; init; }

    /// <summary>The CloudFormation stack (and cloud assembly artifact) name.</summary>
    public required string StackName { get; init; }

    /// <summary>The backend that shapes this plan (<c>none</c>, <c>appmesh</c> …).</summary>
    public required string BackendName { get; init; }

    public required NetworkPlan Network { get; init; }

    public required ClusterPlan Cluster { get; init; }

    public required NamespacePlan Namespace { get; init; }

    public ImmutableArray<ServicePlan> Services { get; init; } = [];

    /// <summary>Security-group ingress rules, one <c>AWS::EC2::SecurityGroupIngress</c> each.</summary>
    public ImmutableArray<IngressRulePlan> Ingress { get; init; } = [];

    /// <summary>Resources that backends add as data (a mesh, virtual nodes …); emitted with the base, in one CDK call.</summary>
    public ImmutableArray<TemplateResource> Resources { get; init; } = [];

    /// <summary>Stack outputs (load balancer addresses …).</summary>
    public ImmutableArray<TemplateOutput> Outputs { get; init; } = [];

    /// <summary>
    /// Template <c>Mappings</c> (a region → value table a backend reads with <c>Fn::FindInMap</c>).
    /// Every template gets every mapping, so a value stays readable in whichever nested stack it lands.
    /// </summary>
    public ImmutableArray<TemplateMapping> Mappings { get; init; } = [];

    /// <summary>What the user should know about the conversion, each with the location of the key it is about.</summary>
    public ImmutableArray<Diagnostic> Warnings { get; init; } = [];

    /// <summary>
    /// Files a backend writes into the output directory beside the templates (Consul config
    /// entries for <c>consul config write</c>, say), by relative path; written in this order.
    /// </summary>
    public ImmutableArray<OutputFile> Files { get; init; } = [];

    /// <summary>The service of that name, through an index built once per plan (see <see cref="SideIndex{TOwner, TIndex}"/>).</summary>
    public ServicePlan? FindService(string name) => ServiceIndexes.Of(this).GetValueOrDefault(name);

    private static readonly SideIndex<EcsPlan, Dictionary<string, ServicePlan>> ServiceIndexes = new(plan => FirstByName.Index(plan.Services, s => s.Name));

    public ServicePlan Service(string name) =>
        FindService(name) ?? throw new ArgumentException($"the plan has no service \"{name}\"", nameof(name));

    /// <summary>A copy with the named service replaced by <paramref name="update"/>'s result.</summary>
    public EcsPlan UpdateService(string name, Func<ServicePlan, ServicePlan> update)
    {
        // By name, not by record equality: IndexOf compared whole service plans, which made a
        // backend's update of every service quadratic in deep comparisons.
        for (var index = 0; index < Services.Length; index++)
        {
            if (Services[index].Name == name)
            {
                return this with { Services = Services.SetItem(index, update(Services[index])) };
            }
        }

        throw new ArgumentException($"the plan has no service \"{name}\"", nameof(name));
    }

    /// <summary>A copy with every service passed through <paramref name="update"/>.</summary>
    public EcsPlan UpdateServices(Func<ServicePlan, ServicePlan> update) =>
        this with { Services = [.. Services.Select(update)] };

    public EcsPlan AddIngress(params IEnumerable<IngressRulePlan> rules) => this with { Ingress = Ingress.AddRange(rules) };

    public EcsPlan AddResources(params IEnumerable<TemplateResource> resources) => this with { Resources = Resources.AddRange(resources) };

    public EcsPlan AddOutputs(params IEnumerable<TemplateOutput> outputs) => this with { Outputs = Outputs.AddRange(outputs) };

    public EcsPlan AddMappings(params IEnumerable<TemplateMapping> mappings) => this with { Mappings = Mappings.AddRange(mappings) };

    public EcsPlan AddWarnings(params IEnumerable<Diagnostic> warnings) => this with { Warnings = Warnings.AddRange(warnings) };

    public EcsPlan AddFiles(params IEnumerable<OutputFile> files) => this with { Files = Files.AddRange(files) };
}

/// <summary>A file written into the output directory: <paramref name="RelativePath"/> uses '/' and stays inside it.</summary>
public sealed record OutputFile(string RelativePath, string Content);

/// <summary>The VPC and subnets services run in: created by the stack, or imported by id (<c>x-mesh.vpc</c>).</summary>
public sealed record NetworkPlan
{
    /// <summary>True: the stack creates the VPC (2 AZs, public and private subnets, one NAT gateway).</summary>
    public required bool Create { get; init; }

    public required CfnValue VpcId { get; init; }

    /// <summary>Where tasks run.</summary>
    public required ImmutableArray<CfnValue> PrivateSubnets { get; init; }

    /// <summary>Where load balancers run; empty when an imported VPC names none.</summary>
    public required ImmutableArray<CfnValue> PublicSubnets { get; init; }

    /// <summary>The DNS search domain set on a created VPC so compose's short service names resolve; null to leave DHCP options alone.</summary>
    public string? SearchDomain { get; init; }
}

/// <summary>The ECS cluster: created by the stack, or an existing one by name (<c>x-mesh.cluster</c>).</summary>
public sealed record ClusterPlan
{
    public required bool Create { get; init; }

    /// <summary>The cluster's name or ARN, as ECS services take it.</summary>
    public required CfnValue Cluster { get; init; }
}

/// <summary>The Cloud Map private DNS namespace services register in: created by the stack, or an existing one a backend names.</summary>
public sealed record NamespacePlan
{
    /// <summary>False: an existing namespace (<see cref="Id"/> and <see cref="Arn"/> are its literal values); the stack creates none.</summary>
    public bool Create { get; init; } = true;

    /// <summary>The DNS name, such as <c>shop.local</c>.</summary>
    public required string Name { get; init; }

    public required CfnValue Id { get; init; }

    public required CfnValue Arn { get; init; }
}

/// <summary>
/// One entry of a template's <c>Mappings</c>: <paramref name="Name"/> → top-level key (a region, say) →
/// second-level key → value, read with <c>Fn::FindInMap [Name, key, key2]</c>.
/// </summary>
public sealed record TemplateMapping(string Name, CfnMap Values);

/// <summary>A stack output.</summary>
public sealed record TemplateOutput(string LogicalId, CfnValue Value, string Description)
{
    /// <summary>The service whose resources the value refers to (decides the nested stack it lives in), or null.</summary>
    public string? Owner { get; init; }
}
