using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.FourthBackend.Tests;

/// <summary>
/// A fourth backend is picked up by reading (validate), planning and template building
/// (synth) from its registration alone. Everything here runs without the CDK.
/// </summary>
public sealed class SeamTests
{
    // The one registration line a new backend adds (the CLI's composition root does the same).
    private static readonly MeshBackendRegistry Registry = new([new NoMeshBackend(), new FourthBackend()]);

    private const string Compose = """
        x-mesh:
          backend: fourth
          fourth:
            greeting: bonjour
        services:
          web:
            image: web
            expose: ["8080"]
            x-mesh: { upstreams: [api] }
          api:
            image: api
            expose: ["9000"]
            x-mesh: { port: 9000 }
        """;

    [Fact]
    public void Its_schema_fragment_becomes_its_section_of_the_x_mesh_schema()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(MeshSchema.Assemble(Registry.Specs))!;
        var sections = schema["$defs"]!["mesh"]!["properties"]!.AsObject();

        Assert.Equal("string", (string?)sections["fourth"]!["properties"]!["greeting"]!["type"]);
        Assert.Equal(["fourth", "none"], sections["backend"]!["anyOf"]![0]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.False(sections.ContainsKey("consul"), "no other backend is registered, so no other section is described");
    }

    [Fact]
    public void Its_section_is_read_into_its_own_settings()
    {
        var model = MeshReader.Read(Load(WithTls(Compose)), null, Registry.All);

        Assert.Equal("fourth", model.Backend);
        Assert.Equal("bonjour", model.Settings<FourthSettings>().Greeting);
        Assert.Equal((4, 3), (model.Settings<FourthSettings>().Location.Line, model.Settings<FourthSettings>().Location.Column));
    }

    [Fact]
    public void Its_tls_default_applies()
    {
        var errors = Errors(Compose);

        // Permissive by default, and its rule wants a CA for that: reported at x-mesh.tls (not written: the file).
        var error = Assert.Single(errors);
        Assert.StartsWith("x-mesh.tls:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_its_section_is_located()
    {
        var error = Assert.Single(Errors(WithTls(Compose.Replace("    greeting: bonjour", "    greting: bonjour", StringComparison.Ordinal))));

        Assert.Equal((5, 5), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("x-mesh.fourth: unknown key \"greting\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_reserved_port_is_refused_for_a_listener()
    {
        var yaml = WithTls(Compose.Replace("9000", $"{FourthBackend.AdminPort}", StringComparison.Ordinal));
        var error = Assert.Single(Errors(yaml));

        Assert.Equal(14, error.Location.Line);
        Assert.Contains("reserved by the fourth proxy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_checks_run_when_it_is_chosen()
    {
        var error = Assert.Single(Errors(WithTls(Compose.Replace("bonjour", "refuse", StringComparison.Ordinal))));

        Assert.Equal((5, 5), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("x-mesh.fourth.greeting: refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unregistered_it_is_unknown()
    {
        var project = Load(WithTls(Compose));
        var errors = Assert.Throws<InvalidInputException>(() => MeshReader.Read(project, null, [new NoMeshBackend()])).Errors;

        Assert.Contains(errors, e => e.Location.Line == 2 && e.Message.StartsWith("x-mesh.backend:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == 4 && e.Message.StartsWith("x-mesh: unknown key \"fourth\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesis_plans_and_builds_its_resources_and_edge_rules()
    {
        var (plan, _, backend) = EcsSynthesis.Plan(Load(WithTls(Compose)), new SynthOptions(), Registry);
        var templates = TemplateBuilder.Build(plan);

        Assert.Equal("fourth", backend.Name);
        var resources = templates.All.SelectMany(t => t.Resources).ToList();
        Assert.Contains(resources, r => r.LogicalId == "FourthGreeting");
        var ingress = Assert.Single(plan.Ingress, r => r.Description == "web to api on 9000/tcp");
        Assert.Equal((9000, 9000), (ingress.FromPort, ingress.ToPort));
    }

    private static string WithTls(string yaml) =>
        yaml.Replace("  backend: fourth\n", "  backend: fourth\n  tls: { mode: disabled }\n", StringComparison.Ordinal) is var s && s != yaml
            ? s
            : throw new InvalidOperationException("the test input changed shape");

    private static IReadOnlyList<Diagnostic> Errors(string yaml)
    {
        var project = Load(yaml);
        return [.. Assert.Throws<InvalidInputException>(() => MeshReader.Read(project, null, Registry.All)).Errors.Where(e => e.Severity == Severity.Error)];
    }

    private static ComposeProject Load(string yaml) => ComposeLoader.Load(new LoadOptions
    {
        Texts = [new ComposeText("compose.yaml", yaml.ReplaceLineEndings("\n"))],
        WorkingDirectory = Path.GetTempPath(),
        Environment = new Dictionary<string, string>(),
    });
}
