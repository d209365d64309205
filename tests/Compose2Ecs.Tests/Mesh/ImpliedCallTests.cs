using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>
/// A service with no upstreams calls what it depends on and what its environment names by
/// address, as on a docker network; never itself, and never a name that is only a value.
/// </summary>
public sealed class ImpliedCallTests
{
    private const string Compose = """
        services:
          email:
            image: e
            expose: ["6060"]
            environment:
              FLAGD_HOST: flagd
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
              OTEL_SERVICE_NAME: email
              MYSQL_DATABASE: quote
            depends_on: [collector]
          flagd: { image: f, expose: ["8013"] }
          collector: { image: c, expose: ["4318"] }
          quote: { image: q, expose: ["8090"] }
        """;

    [Theory]
    [InlineData("appmesh")]
    [InlineData("none")]
    public void An_address_in_the_environment_is_a_call_at_its_variable(string backend)
    {
        var model = Read(Compose, backend);
        var edges = model.EdgesFrom("email").ToList();

        var flagd = Assert.Single(edges, e => e.Upstream == "flagd");
        Assert.Equal(EdgeOrigin.Environment, flagd.Origin);
        Assert.Equal(8013, flagd.Port);
        var (line, column) = Position(Compose, "FLAGD_HOST");
        Assert.Equal((line, column), (flagd.Location.Line, flagd.Location.Column));
        Assert.Equal(EdgeOrigin.DependsOn, Assert.Single(edges, e => e.Upstream == "collector").Origin);
    }

    [Fact]
    public void A_name_that_is_only_a_value_or_the_service_itself_is_no_call()
    {
        var edges = Read(Compose, "appmesh").EdgesFrom("email").Select(e => e.Upstream).ToList();

        Assert.DoesNotContain("quote", edges);
        Assert.DoesNotContain("email", edges);
    }

    [Fact]
    public void A_port_less_service_that_names_a_mesh_service_joins_as_an_outbound_client()
    {
        var model = Read("""
            services:
              worker: { image: w, environment: { API_URL: "http://api:8080/v1" } }
              api: { image: a, expose: ["8080"] }
            """, "appmesh");

        Assert.True(model.FindService("worker")!.IsOutboundOnly);
        Assert.Equal(EdgeOrigin.Environment, Assert.Single(model.EdgesFrom("worker")).Origin);
    }

    [Fact]
    public void Upstreams_written_are_the_calls_whatever_the_environment_names()
    {
        var model = Read("""
            services:
              web: { image: w, expose: ["80"], environment: { API_HOST: api }, x-mesh: { upstreams: [] } }
              api: { image: a, expose: ["8080"] }
            """, "appmesh");

        Assert.Empty(model.EdgesFrom("web"));
    }
}
