using Amazon.CDK;
using Amazon.CDK.CloudFormation.Include;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// What <see cref="IMeshBackend.Emit"/> gets: the stack, the final plan, and handles to every
/// emitted resource. Build each construct from one whole props object: each construct call
/// crosses into Node.js (a few milliseconds each).
/// </summary>
public sealed class EmitContext
{
    private readonly CfnInclude _include;
    private readonly Dictionary<string, IIncludedNestedStack> _nested = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CfnResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceHandles> _services;
    private readonly Dictionary<string, TemplateDocument> _homes;

    internal EmitContext(Stack stack, CfnInclude include, TemplateSet templates, EcsPlan plan, BackendContext backend)
    {
        Stack = stack;
        _include = include;
        Templates = templates;
        Plan = plan;
        Backend = backend;
        Shared = new SharedHandles(this);
        _services = plan.Services.ToDictionary(s => s.Name, s => new ServiceHandles(this, s), StringComparer.Ordinal);
        _homes = templates.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, Document: d))).ToDictionary(x => x.LogicalId, x => x.Document, StringComparer.Ordinal);
    }

    /// <summary>The root stack. Resources shared by the whole application go here.</summary>
    public Stack Stack { get; }

    /// <summary>The final plan (after every backend's transform and sizing).</summary>
    public EcsPlan Plan { get; }

    public BackendContext Backend { get; }

    /// <summary>The templates as emitted: which resources went to which nested stack.</summary>
    public TemplateSet Templates { get; }

    public SharedHandles Shared { get; }

    public IReadOnlyList<ServiceHandles> Services => [.. Plan.Services.Select(s => _services[s.Name])];

    public ServiceHandles Service(string name) =>
        _services.TryGetValue(name, out var handles) ? handles : throw new ArgumentException($"no service \"{name}\" was emitted", nameof(name));

    /// <summary>Any emitted resource by logical ID (base or plan resource), wherever it lives.</summary>
    public CfnResource Resource(string logicalId)
    {
        if (_resources.TryGetValue(logicalId, out var cached))
        {
            return cached;
        }

        var document = Home(logicalId);
        var resource = document.IsRoot ? _include.GetResource(logicalId) : Nested(document.Id).IncludedTemplate.GetResource(logicalId);
        _resources[logicalId] = resource;
        return resource;
    }

    /// <summary>The stack (root or nested) holding <paramref name="logicalId"/>.</summary>
    public Stack StackOf(string logicalId)
    {
        var document = Home(logicalId);
        return document.IsRoot ? Stack : Nested(document.Id).Stack;
    }

    /// <summary>A plan value as a CDK string: the literal, or a token for a <c>Ref</c>/<c>Fn::GetAtt</c> of an emitted resource.</summary>
    public string Token(CfnValue value) => value switch
    {
        CfnString s => s.Value,
        CfnRef r => Resource(r.LogicalId).Ref,
        CfnGetAtt g => Amazon.CDK.Token.AsString(Resource(g.LogicalId).GetAtt(g.Attribute)),
        _ => throw new ArgumentException($"only literals, Ref and Fn::GetAtt convert to tokens, not {value}", nameof(value)),
    };

    private TemplateDocument Home(string logicalId) =>
        _homes.TryGetValue(logicalId, out var document) ? document : throw new ArgumentException($"no resource \"{logicalId}\" was emitted", nameof(logicalId));

    private IIncludedNestedStack Nested(string id)
    {
        if (!_nested.TryGetValue(id, out var nested))
        {
            // A stack nested in a nested stack (a large application) is found through its parent.
            var parent = Templates.Nested.First(d => d.Id == id).Parent;
            nested = string.IsNullOrEmpty(parent) ? _include.GetNestedStack(id) : Nested(parent).IncludedTemplate.GetNestedStack(id);
            _nested[id] = nested;
        }

        return nested;
    }
}
