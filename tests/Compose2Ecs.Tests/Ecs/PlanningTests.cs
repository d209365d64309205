using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>The pure planning stage: no CDK involved.</summary>
public sealed class PlanningTests
{
    [Theory]
    [InlineData(0, 0, 256, 512)]
    [InlineData(256, 512, 256, 512)]
    [InlineData(256, 513, 256, 1024)]
    [InlineData(300, 512, 512, 1024)]
    [InlineData(1024, 1024, 1024, 2048)]
    [InlineData(512, 9000, 2048, 9216)]
    [InlineData(4097, 8192, 8192, 16384)]
    [InlineData(16384, 122880, 16384, 122880)]
    public void The_smallest_valid_fargate_size_that_fits_is_chosen(int cpu, int memory, int expectedCpu, int expectedMemory) =>
        Assert.Equal(new TaskSize(expectedCpu, expectedMemory), FargateSizer.Smallest(cpu, memory));

    [Fact]
    public void A_task_no_fargate_size_holds_is_an_error_naming_the_service()
    {
        using var dir = new TempDir();
        var error = Assert.Single(Synth.Errors(dir, "services:\n  huge:\n    image: a\n    deploy:\n      resources:\n        limits: {cpus: '32', memory: 8G}\n"));
        Assert.Equal(Compose2Ecs.Core.Ecs.Planning.EcsDiagnosticCodes.TooLarge, error.Code);
        Assert.Contains("services.huge", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Location.Line);
    }

    [Theory]
    [InlineData("[\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]", 8080, "/health")]
    [InlineData("curl -fsS http://127.0.0.1/ready?full=1 || exit 1", 80, "/ready?full=1")]
    [InlineData("[\"CMD\", \"wget\", \"-q\", \"--spider\", \"http://0.0.0.0:3000\"]", 3000, "/")]
    [InlineData("wget -qO- https://localhost/status", 443, "/status")]
    public void An_http_get_healthcheck_gives_the_load_balancer_its_port_and_path(string test, int port, string path)
    {
        using var dir = new TempDir();
        var project = Load(dir, $"services:\n  a:\n    image: a\n    healthcheck:\n      test: {(test.StartsWith('[') ? test : $"\"{test}\"")}\n");
        Assert.Equal((port, path), HttpProbe.Find(project.Services[0].Healthcheck));
    }

    [Theory]
    [InlineData("curl -X POST http://localhost:8080/health")]
    [InlineData("curl http://db:8080/health")]
    [InlineData("pg_isready")]
    public void Other_healthchecks_are_not_http_probes(string test)
    {
        using var dir = new TempDir();
        var project = Load(dir, $"services:\n  a:\n    image: a\n    healthcheck:\n      test: \"{test}\"\n");
        Assert.Null(HttpProbe.Find(project.Services[0].Healthcheck));
    }

    [Fact]
    public void X_mesh_protocol_and_app_protocol_decide_between_alb_and_nlb()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, """
            services:
              grpc:
                image: a
                ports: ["8080:8080"]
                x-mesh:
                  protocol: tcp
              admin:
                image: a
                ports: ["9999:9999"]
                x-mesh:
                  protocol: http
              h2:
                image: a
                ports:
                  - {target: 50051, published: "50051", app_protocol: grpc}
            """);
        Assert.Equal(LoadBalancerKind.Network, Assert.Single(plan.Service("grpc").LoadBalancers).Kind);
        Assert.Equal(LoadBalancerKind.Application, Assert.Single(plan.Service("admin").LoadBalancers).Kind);
        Assert.Equal(LoadBalancerKind.Network, Assert.Single(plan.Service("h2").LoadBalancers).Kind);
    }

    [Fact]
    public void Services_are_planned_in_name_order_whatever_the_file_order()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, "services:\n  zeta:\n    image: a\n  alpha:\n    image: a\n  mid:\n    image: a\n");
        Assert.Equal(["alpha", "mid", "zeta"], plan.Services.Select(s => s.Name));
    }

    [Fact]
    public void X_mesh_vpc_without_an_id_is_an_error_at_its_key()
    {
        using var dir = new TempDir();
        var errors = Synth.Errors(dir, "x-mesh:\n  vpc:\n    private_subnets: [subnet-00000000000000001]\nservices:\n  a:\n    image: a\n");
        var error = Assert.Single(errors);
        Assert.Equal((2, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("x-mesh.vpc: id is required", error.Message, StringComparison.Ordinal);
    }

    private static Core.Compose.Model.ComposeProject Load(TempDir dir, string compose)
    {
        dir.File("compose.yaml", compose);
        return Synth.Load(dir.Path, "compose.yaml");
    }
}
