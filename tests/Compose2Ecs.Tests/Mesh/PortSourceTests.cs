using Compose2Ecs.ServiceConnect;
using Compose2Ecs.Core.Compose.Ports;
using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Where a service's port comes from (spec §2, "The port of a service").</summary>
public sealed class PortSourceTests
{
    [Theory]
    [InlineData("postgres", 5432)]
    [InlineData("postgres:16-alpine", 5432)]
    [InlineData("docker.io/library/redis:7@sha256:0123abcd", 6379)]
    [InlineData("registry.example.com:5000/team/mongo:6", 27017)]
    [InlineData("bitnami/mariadb", 3306)]
    [InlineData("rabbitmq:3-management", 5672)]
    [InlineData("mcr.microsoft.com/mssql/server", null)]
    [InlineData("example/api:1", null)]
    public void The_image_table_matches_the_repository_name_ignoring_registry_tag_and_digest(string image, int? expected) =>
        Assert.Equal(expected, WellKnownImagePorts.For(image));

    private const string Voting = """
        services:
          vote:
            image: example/vote
            ports: ["5000:80"]
            depends_on: [redis]
          worker:
            image: example/worker
            depends_on: [redis, db]
          redis:
            image: redis:alpine
          db:
            image: postgres:15-alpine
        """;

    [Theory]
    [InlineData(null)]
    [InlineData(MeshBackends.None)]
    public void Without_a_mesh_depends_on_a_well_known_image_opens_its_port(string? backend)
    {
        var model = Read(Voting, backend);

        Assert.Equal(
            ["vote->redis:6379", "worker->redis:6379", "worker->db:5432"],
            model.Edges.Select(e => $"{e.Caller}->{e.Upstream}:{string.Join(",", e.Targets.Select(t => t.Port))}"));
        Assert.Equal([6379], model.PlainServices.Single(s => s.Name == "redis").ContainerPorts.ToArray());
    }

    [Fact]
    public void In_a_mesh_a_well_known_image_gets_a_listener_on_its_port()
    {
        var model = Read(Voting, ServiceConnectSpec.Name);

        Assert.Equal(5432, model.Services.Single(s => s.Name == "db").Listener?.Port);
        Assert.Equal(6379, model.Services.Single(s => s.Name == "redis").Listener?.Port);
    }

    [Fact]
    public void Expose_wins_over_the_image_table()
    {
        var model = Read("services:\n  a:\n    image: a\n    depends_on: [db]\n  db:\n    image: postgres\n    expose: [\"6543\"]\n");

        Assert.Equal([6543], Assert.Single(model.Edges).Targets.Select(t => t.Port));
    }

    [Fact]
    public void Ports_win_over_expose()
    {
        var model = Read("services:\n  a:\n    image: a\n    depends_on: [db]\n  db:\n    image: postgres\n    ports: [\"7000\"]\n    expose: [\"6543\"]\n", ServiceConnectSpec.Name);

        Assert.Equal(7000, model.Services.Single(s => s.Name == "db").Listener?.Port);
    }

    [Fact]
    public void X_mesh_port_wins_over_ports()
    {
        var model = Read("services:\n  db:\n    image: postgres\n    ports: [\"7000\", \"7001\"]\n    x-mesh:\n      port: 7001\n", ServiceConnectSpec.Name);

        Assert.Equal(7001, model.Services.Single(s => s.Name == "db").Listener?.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(MeshBackends.None)]
    [InlineData(ServiceConnectSpec.Name)]
    public void A_port_a_callers_environment_names_is_the_port_of_a_service_that_declares_none(string? backend)
    {
        var model = Read("""
            services:
              api:
                image: example/api
                environment:
                  CACHE_URL: redis://cache:6380/0
                depends_on: [cache]
              cache:
                image: example/cache
            """, backend);

        Assert.Equal([6380], Assert.Single(model.Edges).Targets.Select(t => t.Port));
    }

    [Fact]
    public void A_host_port_pair_in_a_callers_environment_gives_the_listener()
    {
        var model = Read("""
            services:
              api:
                image: example/api
                ports: ["8080"]
                environment:
                  DB_ADDR: store:7432
                depends_on: [store]
              store:
                image: example/store
            """, ServiceConnectSpec.Name);

        Assert.Equal(7432, model.Services.Single(s => s.Name == "store").Listener?.Port);
    }

    [Fact]
    public void A_url_scheme_implies_its_port_when_the_url_writes_none()
    {
        var model = Read("""
            services:
              api:
                image: example/api
                environment:
                  QUEUE: amqp://guest:guest@bus/
                depends_on: [bus]
              bus:
                image: example/bus
            """);

        Assert.Equal([5672], Assert.Single(model.Edges).Targets.Select(t => t.Port));
    }

    [Fact]
    public void The_image_table_wins_over_a_callers_environment()
    {
        var model = Read("""
            services:
              api:
                image: example/api
                environment:
                  DB: db:6000
                depends_on: [db]
              db:
                image: postgres:16
            """);

        Assert.Equal([5432], Assert.Single(model.Edges).Targets.Select(t => t.Port));
    }

    [Fact]
    public void A_name_inside_a_word_of_a_callers_environment_gives_no_port()
    {
        var errors = Errors("""
            services:
              api:
                image: example/api
                environment:
                  DB_NAME: store_db:7432
                depends_on: [store]
              store:
                image: example/store
            """);

        Assert.Equal([MeshDiagnosticCodes.CalledWithoutPort], errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(MeshBackends.None)]
    [InlineData(ServiceConnectSpec.Name)]
    public void A_service_something_depends_on_without_any_port_is_a_located_error_naming_the_callers(string? backend)
    {
        const string yaml = """
            services:
              api:
                image: example/api
                depends_on: [store]
              worker:
                image: example/worker
                depends_on: [store]
              store:
                image: example/store
            """;

        var error = ErrorAt(yaml, "store:\n    image", "api, worker depend on store", backend);

        Assert.Equal(MeshDiagnosticCodes.CalledWithoutPort, error.Code);
        Assert.Contains("expose: [\"<port>\"]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_a_job_to_finish_is_not_a_call()
    {
        var model = Read("""
            services:
              api:
                image: example/api
                depends_on:
                  migrate: { condition: service_completed_successfully }
              migrate:
                image: example/migrate
            """);

        Assert.Empty(model.Edges);
    }

    [Fact]
    public void An_outbound_only_service_that_others_wait_for_is_not_an_error()
    {
        var model = Read("""
            services:
              api:
                image: example/api
                ports: ["8080"]
                depends_on: [worker]
              worker:
                image: example/worker
                x-mesh: { outbound_only: true }
            """, ServiceConnectSpec.Name);

        Assert.True(model.Services.Single(s => s.Name == "worker").IsOutboundOnly);
    }
}

/// <summary>Callers without a port join the mesh as outbound-only clients (spec §2).</summary>
public sealed class OutboundClientTests
{
    private const string Voting = """
        services:
          vote:
            image: example/vote
            ports: ["5000:80"]
            depends_on: [redis]
          worker:
            image: example/worker
            depends_on: [redis, db]
          redis:
            image: redis:alpine
          db:
            image: postgres:15-alpine
          tool:
            image: example/tool
        """;

    [Fact]
    public void A_caller_without_a_port_joins_the_mesh_outbound_only_and_calls_through_it()
    {
        var model = Read(Voting, ServiceConnectSpec.Name);

        var worker = model.Services.Single(s => s.Name == "worker");
        Assert.True(worker.IsOutboundOnly);
        Assert.False(worker.IsDeclared);
        Assert.Equal(["redis", "db"], worker.Upstreams.Select(u => u.Upstream));
        Assert.All(worker.Upstreams, u => Assert.Equal(EdgeVia.Mesh, u.Via));
    }

    [Fact]
    public void A_service_without_a_port_that_calls_nothing_stays_plain()
    {
        var model = Read(Voting, ServiceConnectSpec.Name);

        Assert.Equal(PlainReason.NoPort, model.PlainServices.Single(s => s.Name == "tool").Reason);
    }

    [Fact]
    public void Without_a_mesh_a_caller_without_a_port_stays_plain()
    {
        var model = Read(Voting, MeshBackends.None);

        Assert.DoesNotContain(model.Services, s => s.Name == "worker");
        Assert.Contains(model.PlainServices, s => s.Name == "worker");
    }

    private const string UndeclaredPort = """
        services:
          runner:
            image: example/runner
            environment:
              BROKER_URI: http://broker:5679
              API_URL: http://broker:5678/api
            depends_on: [broker]
          broker:
            image: example/broker
            expose: ["5678"]
        """;

    [Theory]
    [InlineData(null)]
    [InlineData(MeshBackends.None)]
    public void A_caller_dialing_a_port_its_target_does_not_declare_is_warned_at_the_variable(string? backend)
    {
        var model = Read(UndeclaredPort, backend);

        var warning = Assert.Single(model.Warnings, w => w.Code == MeshDiagnosticCodes.UndeclaredCalledPort);
        Assert.Equal(Position(UndeclaredPort, "BROKER_URI"), (warning.Location.Line, warning.Location.Column));
    }

    [Fact]
    public void A_caller_dialing_a_declared_port_is_not_warned() =>
        Assert.DoesNotContain(Read(UndeclaredPort.Replace("expose: [\"5678\"]", "expose: [\"5678\", \"5679\"]", StringComparison.Ordinal)).Warnings,
            w => w.Code == MeshDiagnosticCodes.UndeclaredCalledPort);
}
