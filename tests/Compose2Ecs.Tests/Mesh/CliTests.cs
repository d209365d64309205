using Compose2Ecs.ServiceConnect;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Cli.Commands;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Mesh.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Mesh.Tests;

/// <summary><c>validate</c> and <c>graph</c> through the real command line, in-process.</summary>
public sealed class CliTests
{
    private const string Shop = """
        name: shop
        x-mesh:
          routes:
            api:
              rules:
                - { match: { path_prefix: /v2 }, targets: { api-v2: 1 } }
                - targets: { api-v1: 90, api-v2: 10 }
        services:
          web: { image: web, ports: ["80:8080"], x-mesh: { upstreams: [api] } }
          api-v1: { image: a, expose: ["8080"] }
          api-v2: { image: a, expose: ["8080"] }
          mail: { image: m, expose: ["25"], x-mesh: false }
          worker: { image: w, depends_on: [mail], x-mesh: { outbound_only: true, upstreams: [api] } }
        """;

    [Fact]
    public void Validate_prints_the_counts_and_exits_0()
    {
        var result = CommandLine.Run(CommandLine.Project(Shop), "validate", "--mesh", "appmesh");

        Assert.Equal((0, "ok: 5 services, 1 routes, 3 edges\n", ""), (result.ExitCode, result.Out.ReplaceLineEndings("\n"), result.Error));
    }

    [Fact]
    public void Validate_prints_every_error_with_its_location_and_exits_1()
    {
        const string yaml = """
            services:
              web: { image: web, expose: ["80"], x-mesh: { upstreams: [nope], protocol: htp } }
            """;
        var (nopeLine, nopeColumn) = MeshInput.Position(yaml, "nope");
        var (htpLine, htpColumn) = MeshInput.Position(yaml, "htp");

        var result = CommandLine.Run(CommandLine.Project(yaml), "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        var lines = result.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"compose.yaml:{nopeLine}:{nopeColumn}: error: services.web.x-mesh.upstreams: unknown upstream \"nope\"", lines[0]);
        Assert.StartsWith($"compose.yaml:{htpLine}:{htpColumn}: error: services.web.x-mesh.protocol: \"htp\" is not one of", lines[1]);
    }

    [Fact]
    public void Validate_with_a_backend_applies_its_rules()
    {
        var dir = CommandLine.Project(Shop);

        var result = CommandLine.Run(dir, "validate", "--mesh", "consul");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the consul backend needs servers.hosts", result.Error);
    }

    [Fact]
    public void Validate_rejects_an_unknown_backend_as_a_usage_error()
    {
        var result = CommandLine.Run(CommandLine.Project(Shop), "validate", "--mesh", "istio");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("istio", result.Error);
    }

    [Fact]
    public void Validate_prints_warnings_on_stderr_and_still_succeeds()
    {
        var result = CommandLine.Run(CommandLine.Project("""
            services:
              db: { image: postgres, expose: ["5432"], x-mesh: { protocol: http } }
            """), "validate", "--mesh", "appmesh");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: services.db.x-mesh: port 5432 is postgres", result.Error);
        Assert.Contains("[C2E2011]", result.Error);
    }

    [Fact]
    public void Validate_runs_the_checks_registered_for_the_chosen_backend_only()
    {
        var dir = CommandLine.Project(Shop);
        var checks = new MeshBackendRegistry([new RejectRoutes(ServiceConnectSpec.Name), new AcceptAll(AppMeshSpec.Name), new NoMeshBackend()]);
        int Run(string backend)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var console = new Compose2Ecs.Cli.Console2(output, error, dir) { Environment = new Dictionary<string, string>() };
            var command = ValidateCommand.Create(console, checks);
            var code = command.Parse(["--mesh", backend]).Invoke();
            if (backend == ServiceConnectSpec.Name)
            {
                Assert.Contains("compose.yaml:4:5: error: route api: rejected by the test backend", error.ToString());
            }

            return code;
        }

        Assert.Equal(1, Run(ServiceConnectSpec.Name));
        Assert.Equal(0, Run(AppMeshSpec.Name));
    }

    [Fact]
    public void Graph_draws_mermaid_by_default()
    {
        var result = CommandLine.Run(CommandLine.Project(Shop), "graph");

        Assert.Equal(0, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("flowchart LR\n", text);
        Assert.Contains("  r_api{{\"route api<br/>:8080 http\"}}\n", text);
        Assert.Contains("  s_worker([\"worker<br/>outbound only\"])\n", text);
        Assert.Contains("  r_api -->|\"rule 2: everything else · weight 90 (90%)\"| s_api_hv1\n", text);
        Assert.Contains("  s_web --> r_api\n", text);
        Assert.Contains("  s_worker -.->|\"direct :25\"| s_mail\n", text);
        Assert.Contains("  internet -->|\"80:8080\"| s_web\n", text);
        Assert.Contains("  class s_mail plain\n", text);
    }

    [Fact]
    public void Graph_draws_dot()
    {
        var result = CommandLine.Run(CommandLine.Project(Shop), "graph", "--format", "dot");

        Assert.Equal(0, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("digraph \"shop\" {\n", text);
        Assert.Contains("  \"route:api\" -> \"service:api-v2\" [label=\"rule 1: path_prefix /v2 · weight 1 (100%)\"];\n", text);
        Assert.Contains("  \"service:mail\" [label=\"mail\\nplain :25\", style=dashed];\n", text);
        Assert.Contains("  \"service:worker\" -> \"service:mail\" [label=\"direct :25\", style=dashed];\n", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void Graph_output_is_the_same_whatever_the_order_of_the_services()
    {
        var reordered = """
            name: shop
            x-mesh:
              routes:
                api:
                  rules:
                    - { match: { path_prefix: /v2 }, targets: { api-v2: 1 } }
                    - targets: { api-v1: 90, api-v2: 10 }
            services:
              worker: { image: w, depends_on: [mail], x-mesh: { outbound_only: true, upstreams: [api] } }
              mail: { image: m, expose: ["25"], x-mesh: false }
              api-v2: { image: a, expose: ["8080"] }
              api-v1: { image: a, expose: ["8080"] }
              web: { image: web, ports: ["80:8080"], x-mesh: { upstreams: [api] } }
            """;

        foreach (var format in new[] { "mermaid", "dot" })
        {
            Assert.Equal(CommandLine.Run(CommandLine.Project(Shop), "graph", "--format", format).Out, CommandLine.Run(CommandLine.Project(reordered), "graph", "--format", format).Out);
        }
    }

    [Fact]
    public void Graph_reports_errors_like_validate()
    {
        const string yaml = "services:\n  web: { image: web, x-mesh: { upstreams: [nope] } }\n";
        var (line, column) = MeshInput.Position(yaml, "nope");

        var result = CommandLine.Run(CommandLine.Project(yaml), "graph");

        Assert.Equal((1, ""), (result.ExitCode, result.Out));
        Assert.Contains($"compose.yaml:{line}:{column}: error:", result.Error);
    }

    [Fact]
    public void Help_defines_the_counts()
    {
        var result = CommandLine.Run(CommandLine.Project(Shop), "validate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("N counts every compose service", result.Out);
        Assert.Contains("--mesh", result.Out);
    }

    /// <summary>A backend that only checks: it rejects every route.</summary>
    private sealed class RejectRoutes(string backend) : IMeshBackend
    {
        public string Name => backend;

        public string Description => "test backend";

        public IEnumerable<Diagnostic> Check(MeshModel model) =>
            model.Routes.Select(r => Diagnostic.Error(r.Location, "C2E9992", $"route {r.Name}: rejected by the test backend"));

        public EcsPlan Transform(EcsPlan plan, BackendContext context) => plan;
    }

    /// <summary>A registered backend without checks: only registered names are accepted by --mesh.</summary>
    private sealed class AcceptAll(string backend) : IMeshBackend
    {
        public string Name => backend;

        public string Description => "test backend";

        public IEnumerable<Diagnostic> Check(MeshModel model) => [];

        public EcsPlan Transform(EcsPlan plan, BackendContext context) => plan;
    }
}
