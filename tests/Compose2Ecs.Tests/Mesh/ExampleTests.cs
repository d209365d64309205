using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Mesh.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Every example in examples/ validates, and its graph shows every service, route and edge.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Paths.RepoRoot, "examples")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "compose.yaml")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Fact]
    public void The_mesh_example_exists_and_has_every_feature_the_spec_shows()
    {
        var model = Model("mesh-shop");

        Assert.Contains(model.Routes, r => r.Rules.Any(rule => rule.Targets.Length > 1 && rule.Targets.All(t => t.Weight > 0)));
        Assert.Contains(model.Routes, r => r.Rules.Any(rule => rule.Match?.Path is not null));
        Assert.Contains(model.Routes, r => r.Protocol == MeshProtocol.Grpc);
        Assert.Contains(model.Routes, r => r.Protocol == MeshProtocol.Tcp);
        Assert.Contains(model.Services, s => s.IsOutboundOnly);
        Assert.Contains(model.PlainServices, s => s.Reason == PlainReason.OptedOut);
        Assert.NotNull(model.Gateway);
        Assert.Contains(model.Edges, e => e.Via == EdgeVia.Direct);
        Assert.Contains(model.Edges, e => e.Origin == EdgeOrigin.DependsOn && e.Via == EdgeVia.Mesh);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_passes(string example)
    {
        var result = CommandLine.Run(Path.Combine(Paths.RepoRoot, "examples", example), "validate");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("ok: ", result.Out);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Mermaid_graph_shows_every_service_route_and_edge(string example)
    {
        var model = Model(example);
        var text = CommandLine.Run(Path.Combine(Paths.RepoRoot, "examples", example), "graph").Out;

        foreach (var service in model.Services.Select(s => s.Name).Concat(model.PlainServices.Select(s => s.Name)))
        {
            Assert.Contains($"  {MermaidRenderer.Id($"service:{service}")}", text);
            Assert.Contains($"\"{service}<br/>", text);
        }

        foreach (var route in model.Routes)
        {
            Assert.Contains($"  {MermaidRenderer.Id($"route:{route.Name}")}{{{{\"route {route.Name}<br/>", text);
            foreach (var rule in route.Rules)
            {
                foreach (var target in rule.Targets)
                {
                    Assert.Contains($"{MermaidRenderer.Id($"route:{route.Name}")} -->|\"rule {rule.Number}: ", text);
                    Assert.Contains($"{RuleText.Weight(rule, target)}\"| {MermaidRenderer.Id($"service:{target.Service}")}\n", text);
                }
            }
        }

        foreach (var edge in model.Edges)
        {
            var to = MermaidRenderer.Id(edge.Kind == UpstreamKind.Route ? $"route:{edge.Upstream}" : $"service:{edge.Upstream}");
            var arrow = edge.Via == EdgeVia.Direct ? "-.->" : "-->";
            Assert.Matches($@"\n  {MermaidRenderer.Id($"service:{edge.Caller}")} {System.Text.RegularExpressions.Regex.Escape(arrow)}(\|[^|]*\|)? {to}\n", text);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Dot_graph_shows_every_service_route_and_edge(string example)
    {
        var model = Model(example);
        var text = CommandLine.Run(Path.Combine(Paths.RepoRoot, "examples", example), "graph", "--format", "dot").Out;

        foreach (var service in model.Services.Select(s => s.Name).Concat(model.PlainServices.Select(s => s.Name)))
        {
            Assert.Contains($"  \"service:{service}\" [label=\"{service}\\n", text);
        }

        foreach (var route in model.Routes)
        {
            Assert.Contains($"  \"route:{route.Name}\" [label=\"route {route.Name}\\n", text);
        }

        foreach (var edge in model.Edges)
        {
            var to = edge.Kind == UpstreamKind.Route ? $"route:{edge.Upstream}" : $"service:{edge.Upstream}";
            Assert.Contains($"  \"service:{edge.Caller}\" -> \"{to}\"", text);
        }

        if (model.Gateway is { } gateway)
        {
            Assert.Contains($"  \"internet\" -> \"gateway\" [label=\":{gateway.Port}\"];", text);
        }
    }

    [Fact]
    public void The_mesh_shop_graph_draws_gateway_and_published_ports()
    {
        var text = CommandLine.Run(Path.Combine(Paths.RepoRoot, "examples", "mesh-shop"), "graph").Out;

        Assert.Contains("  gateway[/\"gateway<br/>alb :443\"\\]\n", text);
        Assert.Contains("  gateway -->|\"/api\"| r_api\n", text);
        Assert.Contains("  internet -->|\"8025:8025\"| s_mailer\n", text);
        Assert.Contains("  class s_mailer plain\n", text);
    }

    [Fact]
    public void The_mesh_shop_readme_shows_the_current_graph()
    {
        var graph = CommandLine.Run(Path.Combine(Paths.RepoRoot, "examples", "mesh-shop"), "graph").Out.ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "examples", "mesh-shop", "README.md")).ReplaceLineEndings("\n");

        Assert.Contains($"```mermaid\n{graph}```", readme);
    }

    private static MeshModel Model(string example) =>
        MeshReader.Read(ComposeLoader.Load(new LoadOptions
        {
            WorkingDirectory = Path.Combine(Paths.RepoRoot, "examples", example),
            Environment = new Dictionary<string, string>(),
        }), null, RegisteredBackends.Specs);
}
