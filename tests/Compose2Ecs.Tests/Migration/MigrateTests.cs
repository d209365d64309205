using Compose2Ecs.ServiceConnect;
using Compose2Ecs.Consul;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Migration;
using Compose2Ecs.Migration.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Migration.Tests;

/// <summary><c>compose2ecs migrate</c>: ECS ComposeX x-appmesh → x-mesh, then the result through every backend.</summary>
public sealed class MigrateTests
{
    private static string ComposeX => Path.Combine(Paths.Example("appmesh-migration"), "composex.yaml");

    /// <summary>Consul needs servers, which App Mesh had no equivalent of; a user adds them in an override file, as here.</summary>
    private const string ConsulServers = "x-mesh:\n  consul:\n    dev_server: true\n";

    /// <summary>
    /// What each backend makes of the migrated file. Its router has a 90/10 split and a path match, so
    /// Service Connect must refuse it (with the route's error) while every other backend takes it.
    /// A backend missing here fails the test: add its expected outcome when it is registered.
    /// </summary>
    private static readonly Dictionary<string, string?> Expected = new()
    {
        [MeshBackends.None] = null,
        [AppMeshSpec.Name] = null,
        [ConsulSpec.Name] = null,
        [ServiceConnectSpec.Name] = "x-mesh.routes.api.rules[1].targets: route api, rule 2 splits traffic by weight (api-v1: 90, api-v2: 10)",
    };

    [Fact]
    public void The_composex_example_migrates_and_each_backend_validates_and_builds_templates_as_expected()
    {
        using var dir = new TempDir();
        File.Copy(ComposeX, dir.Sub("composex.yaml"));
        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yaml", "-o", "compose.yaml");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("migrated: 5 mesh services, 1 outside the mesh, 2 routes, backend appmesh", migrate.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(dir.Sub("compose.yaml"));
        dir.File("consul.yaml", ConsulServers);

        foreach (var backend in Synth.Backends.Names)
        {
            string[] files = backend == ConsulSpec.Name ? ["-f", "compose.yaml", "-f", "consul.yaml"] : ["-f", "compose.yaml"];
            var validate = CliRunner.Run(dir.Path, ["validate", .. files, "--mesh", backend]);
            if (Expected[backend] is { } error)
            {
                Assert.Equal(1, validate.ExitCode);
                var (line, column) = Located.Position(text, "targets: { api-v1: 90, api-v2: 10 }");
                Assert.Contains($"compose.yaml:{line}:{column}: error: {error}", validate.Error, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(validate.ExitCode == 0, $"{backend}: {validate.Error}");
                Assert.StartsWith("ok: 6 services, 2 routes, ", validate.Out, StringComparison.Ordinal);
            }
        }

        var synthesized = new List<string>();
        foreach (var backend in Synth.Backends.Names)
        {
            Assert.True(Expected.ContainsKey(backend), $"no expected outcome for the registered backend {backend}");
            var project = backend == ConsulSpec.Name ? Synth.Load(dir.Path, "compose.yaml", "consul.yaml") : Synth.Load(dir.Path, "compose.yaml");
            var output = dir.Sub($"out-{backend}");
            if (Expected[backend] is { } error)
            {
                var refused = Assert.Throws<InvalidInputException>(() => PureSynth.Project(project, new SynthOptions { Mesh = backend }));
                Assert.Contains(refused.Errors, e => e.Message.StartsWith(error, StringComparison.Ordinal));
            }
            else
            {
                synthesized.Add(PureSynth.Project(project, new SynthOptions { Mesh = backend }).WriteTo(output));
            }
        }

        Assert.Contains(dir.Sub("out-none"), synthesized);
        CfnCheck.AssertPasses([.. synthesized]);
    }

    [Fact]
    public void The_migrated_file_keeps_the_rest_of_the_file_and_maps_nodes_routers_and_backends()
    {
        var result = ComposeXMigrator.Migrate(File.ReadAllText(ComposeX), "composex.yaml");
        var text = result.Text;
        Assert.False(result.Normalized);
        Assert.Equal(AppMeshSpec.Name, result.Backend);
        Assert.DoesNotContain("\nx-appmesh:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Routers:", text, StringComparison.Ordinal);

        // Comments, anchors, the merge key and the order of keys are those of the input.
        Assert.Contains("# bookstore, as deployed with ECS ComposeX and App Mesh (x-appmesh).", text, StringComparison.Ordinal);
        Assert.Contains("  api-v1: &api\n", text, StringComparison.Ordinal);
        Assert.Contains("    <<: *api\n", text, StringComparison.Ordinal);
        Assert.Contains("  reporter:                          # not an App Mesh node", text, StringComparison.Ordinal);
        string[] order = ["version:", "x-cloudmap:", "x-tags:", "services:", "x-mesh:"];
        Assert.Equal(order, order.OrderBy(k => text.IndexOf("\n" + k, StringComparison.Ordinal)));

        Assert.Contains("""
              frontend:
                x-mesh:
                  protocol: http
                  upstreams: [api]
                image:
            """.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
        Assert.Contains("  api-v2:\n    x-mesh:\n      protocol: http\n      upstreams: [catalog, db]\n", text, StringComparison.Ordinal);
        Assert.Contains("  reporter:                          # not an App Mesh node: reads the database directly\n    x-mesh: false\n", text, StringComparison.Ordinal);
        Assert.EndsWith("""
            x-mesh:
              backend: appmesh
              name: bookstore
              namespace: bookstore.internal
              routes:
                api:
                  protocol: http
                  port: 8080
                  rules:
                    - match: { path_prefix: /v2 }
                      targets: { api-v2: 1 }
                    - targets: { api-v1: 90, api-v2: 10 }
                db:
                  rules:
                    - targets: { postgres: 1 }

            """.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_could_not_be_mapped_is_reported_at_its_line()
    {
        var input = File.ReadAllText(ComposeX).ReplaceLineEndings("\n");
        var report = ComposeXMigrator.Migrate(input, "composex.yaml").Report;
        Located.At(report, input, "Scheme: https", "x-appmesh: router api-router: match Scheme has no x-mesh equivalent; dropped", Severity.Warning);
        Located.At(report, input, "EnableEnvoyXrayTracing", "x-appmesh.Properties.EnableEnvoyXrayTracing: x-mesh has no tracing setting", Severity.Warning);
        Located.At(report, input, "reporter:", "services.reporter: not an App Mesh node, so it is written x-mesh: false", Severity.Warning);
        Located.At(report, input, "Name: api-router", "rules are ordered most specific prefix first", Severity.Warning);
        Located.At(report, input, "Name: api\n", "x-mesh.backend: appmesh, because route api has weights or matches that Service Connect cannot express", Severity.Warning);
        Assert.All(report, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void Legacy_lowercase_syntax_task_families_and_single_target_routers_move_to_service_connect()
    {
        const string input = """
            services:
              rproxy:
                image: nginx
                ports: ["80:80"]
                depends_on: [app01]
              app01:
                image: a
                ports: [5000]
                deploy:
                  labels:
                    ecs.task.family: blog
              app03:
                image: c
                ports: [5000]
            x-appmesh:
              Properties:
                MeshName: root
                EgressPolicy: ALLOW_ALL
              Settings:
                nodes:
                  - name: app03
                    protocol: http
                  - name: blog
                    protocol: http
                    backends:
                      - dateteller
                routers:
                  - name: dateteller
                    listener:
                      port: 5000
                      protocol: http
                    routes:
                      http:
                        - match:
                            prefix: /
                          nodes:
                            - name: app03
                              weight: 250
                services:
                  - name: dateteller
                    router: dateteller
            """;
        var result = ComposeXMigrator.Migrate(input, "blog.yml");
        Assert.Equal(ServiceConnectSpec.Name, result.Backend);
        Assert.Contains("  app01:\n    x-mesh:\n      protocol: http\n      upstreams: [dateteller]\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("  rproxy:\n    x-mesh: false\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("""
            x-mesh:
              backend: service-connect
              name: root
              egress: allow_all
              routes:
                dateteller:
                  protocol: http
                  port: 5000
                  rules:
                    - targets: { app03: 100 }
            """.ReplaceLineEndings("\n"), result.Text, StringComparison.Ordinal);
        Located.At(result.Report, input, "match:", "weights above 100 are scaled to 0–100 in proportion", Severity.Warning);

        using var dir = new TempDir();
        dir.File("compose.yaml", result.Text);
        var template = PureSynth.Project(Synth.Load(dir.Path, "compose.yaml")).Template;
        Assert.Equal("dateteller", (string?)ServiceConnectTemplate.Connect(template.Resources, "app03")!["Services"]![1]!["ClientAliases"]![0]!["DnsName"]);
        Assert.Contains("app01->app03:5000-5000/tcp", ServiceConnectTemplate.ServiceEdges(template.Resources));
    }

    [Fact]
    public void A_flow_style_file_is_written_in_normal_form_and_says_so()
    {
        const string input = "services: { api: { image: a, ports: [8080] }, web: { image: w, ports: [80] } }\nx-appmesh:\n  Settings:\n    Nodes: [{ Name: api }, { Name: web, Backends: [api] }]\n    Services: [{ Name: api, Node: api }]\n";
        var result = ComposeXMigrator.Migrate(input, "flow.yml");
        Assert.True(result.Normalized);
        Assert.Contains(result.Report, d => d.Message.StartsWith("the file is written in normal form", StringComparison.Ordinal));
        using var dir = new TempDir();
        dir.File("compose.yaml", result.Text);
        var model = MeshReader.Read(Synth.Load(dir.Path, "compose.yaml"), null, Synth.Backends.Specs);
        Assert.Equal(ServiceConnectSpec.Name, model.Backend);
        Assert.Equal(["web->api"], model.Edges.Select(e => $"{e.Caller}->{e.Upstream}"));
    }

    [Fact]
    public void The_command_refuses_files_it_cannot_migrate()
    {
        using var dir = new TempDir();
        dir.File("plain.yaml", "services:\n  a: { image: a }\n");
        dir.File("meshed.yaml", "x-mesh: {}\nx-appmesh: {}\nservices:\n  a: { image: a }\n");

        var plain = CliRunner.Run(dir.Path, "migrate", "-f", "plain.yaml");
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains("plain.yaml:1:1: error: no x-appmesh section: nothing to migrate", plain.Error, StringComparison.Ordinal);

        var meshed = CliRunner.Run(dir.Path, "migrate", "-f", "meshed.yaml", "-o", "out.yaml");
        Assert.Equal(1, meshed.ExitCode);
        Assert.Contains("meshed.yaml:1:1: error: x-mesh: the file already has an x-mesh section", meshed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("out.yaml")));

        Assert.Equal(1, CliRunner.Run(dir.Path, "migrate", "-f", "missing.yaml").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "migrate").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "migrate", "-f", "plain.yaml", "--backend", "istio").ExitCode);
    }

    [Fact]
    public void A_forced_backend_that_cannot_express_the_result_writes_nothing()
    {
        using var dir = new TempDir();
        File.Copy(ComposeX, dir.Sub("composex.yaml"));
        var result = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yaml", "--backend", "service-connect", "-o", "compose.yaml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml: error: the migrated file does not validate, so it is not written", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: x-mesh.routes.api.rules[1].targets: route api, rule 2 splits traffic by weight", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("compose.yaml")));

        var stdout = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yaml", "--backend", "appmesh");
        Assert.Equal(0, stdout.ExitCode);
        Assert.Contains("  backend: appmesh\n", stdout.Out, StringComparison.Ordinal);
    }
}
