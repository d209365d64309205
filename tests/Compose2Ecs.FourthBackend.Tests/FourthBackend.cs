using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.FourthBackend.Tests;

/// <summary><c>x-mesh.fourth</c>: the stand-in backend's own section.</summary>
public sealed record FourthSettings(string Greeting, SourceLocation Location);

/// <summary>
/// <c>--mesh fourth</c>: a stand-in backend that uses only the public seam: its section, a
/// reserved port, a TLS default, a rule, a check, and a transform built from Core's kit.
/// </summary>
public sealed class FourthBackend : IMeshBackend
{
    public const int AdminPort = 4444;

    private static readonly ImmutableArray<string> Keys = ["greeting"];

    public string Name => "fourth";

    public string Description => "a stand-in backend for the seam's tests";

    public MeshBackendSpec Spec { get; } = new("fourth")
    {
        Section = MeshSection.Create("fourth", Read, """
            { "type": "object", "properties": { "greeting": { "type": "string" } }, "additionalProperties": false }
            """),
        ReservedPorts = [AdminPort],
        ReservedBy = "the fourth proxy",
        DefaultTlsMode = TlsMode.Permissive,
        Rules = model => MeshRules.TlsNeedsPrivateCa(model, "the fourth proxy"),
    };

    public IEnumerable<Diagnostic> Check(MeshModel model) =>
        model.Settings<FourthSettings>().Greeting == "refuse"
            ? [Diagnostic.Error(model.LocationOf("x-mesh.fourth.greeting"), "C2E9990", "x-mesh.fourth.greeting: refused by the fourth backend")]
            : [];

    public EcsPlan Transform(EcsPlan plan, BackendContext context) =>
        plan.AddIngress(EdgeIngress.Rules(context.Mesh, plan))
            .AddResources(new TemplateResource("FourthGreeting", "AWS::SSM::Parameter", new CfnMapBuilder()
                .Add("Type", "String")
                .Add("Value", context.Mesh.Settings<FourthSettings>().Greeting)
                .Build()));

    private static FourthSettings Read(MeshSectionInput input)
    {
        if (input.Entry is not { } entry || input.Fields.Mapping(entry.Value, input.Path) is not { } map)
        {
            return new FourthSettings("hello", input.Entry?.Key.Location ?? SourceLocation.None);
        }

        input.Fields.KnownKeys(map, input.Path, Keys);
        var greeting = map["greeting"] is { } node ? input.Fields.Text(node, $"{input.Path}.greeting") : null;
        return new FourthSettings(greeting ?? "hello", entry.Key.Location);
    }
}
