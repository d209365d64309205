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
}
