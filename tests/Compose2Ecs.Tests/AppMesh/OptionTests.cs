using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshSynth;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>x-mesh.appmesh options and listener shapes beyond the examples.</summary>
public sealed class OptionTests
{
    [Fact]
    public void An_existing_shared_mesh_is_imported_by_name_with_its_owner_on_every_resource()
    {
        using var dir = new TempDir();
        var output = Yaml(dir, """
            name: shared
            x-mesh:
              name: corp-mesh
              appmesh: { existing: true, mesh_owner: "210987654321" }
              routes:
                api-route: { rules: [{ targets: { api: 1 } }] }
              gateway: { routes: [{ to: api-route }] }
            services:
              api: { image: example/api, expose: ["8080"], x-mesh: { protocol: http } }
              web: { image: example/web, expose: ["80"], x-mesh: { protocol: http, upstreams: [api-route] } }
            """);
        var t = output.Template;
        Assert.Empty(t.OfType("AWS::AppMesh::Mesh"));
        var appMesh = t.Resources.Where(r => ((string?)r.Value!["Type"])!.StartsWith("AWS::AppMesh::", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, appMesh.Count); // 2 nodes, 6 virtual services (short and long name of 2 services and the route), a router, a route, the gateway and its route
        Assert.All(appMesh, r =>
        {
            Assert.Equal("corp-mesh", (string?)r.Value!["Properties"]!["MeshName"]);
            Assert.Equal("210987654321", (string?)r.Value!["Properties"]!["MeshOwner"]);
        });
        CfnCheck.AssertPasses(output.WriteTo(dir.Sub("out")));
    }

    [Fact]
    public void An_envoy_image_override_replaces_the_regional_image_and_its_mapping_and_pull_rights()
    {
        using var dir = new TempDir();
        var t = Yaml(dir, """
            name: own
            x-mesh:
              appmesh: { envoy_image: "111122223333.dkr.ecr.us-east-2.amazonaws.com/mirror/envoy:v1.29.12.1-prod" }
            services:
              api: { image: example/api, expose: ["8080"] }
            """).Template;
        Assert.Equal("111122223333.dkr.ecr.us-east-2.amazonaws.com/mirror/envoy:v1.29.12.1-prod", (string?)t.Container("api", "envoy")["Image"]);
        Assert.Null(t.Root["Mappings"]);
        var pull = t.Statements(Id("api", "ExecutionRole")).Single(s => s["Action"].Json().Contains("ecr:BatchGetImage", StringComparison.Ordinal));
        Assert.Equal("""{"Fn::Sub":"arn:${AWS::Partition}:ecr:us-east-2:111122223333:repository/mirror/envoy"}""", pull["Resource"].Json());
    }

    [Fact]
    public void A_public_envoy_image_needs_no_pull_rights()
    {
        using var dir = new TempDir();
        var t = Yaml(dir, """
            name: pub
            x-mesh:
              appmesh: { envoy_image: public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.1-prod }
            services:
              api: { image: example/api, expose: ["8080"] }
            """).Template;
        Assert.DoesNotContain(t.Statements(Id("api", "ExecutionRole")), s => s["Action"].Json().Contains("ecr:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_listener_on_a_service_without_container_ports_still_registers_in_cloud_map()
    {
        using var dir = new TempDir();
        var t = Yaml(dir, """
            name: noports
            services:
              api: { image: example/api, x-mesh: { port: 7000, protocol: grpc, connection_pool: { max_requests: 64 } } }
              web: { image: example/web, expose: ["80"], depends_on: [api] }
            """).Template;
        Assert.Equal("api", (string?)t.Properties(Id("api", "Discovery"))["Name"]);
        Assert.Equal($$"""{"Fn::GetAtt":["{{Id("api", "Discovery")}}","Arn"]}""", t.Properties(Id("api", "Service")).At("ServiceRegistries[0].RegistryArn").Json());
        Assert.Equal("7000", t.Proxy("api")["AppPorts"]);
        Assert.Equal("""{"GRPC":{"MaxRequests":64}}""", t.Properties(Id("api", "VirtualNode")).At("Spec.Listeners[0].ConnectionPool").Json());
        Assert.Equal(["web to api on 7000/tcp"], t.IngressRules());
    }

    [Fact]
    public void A_plain_compose_file_becomes_a_mesh_where_each_service_calls_what_it_depends_on()
    {
        using var dir = new TempDir();
        var output = Yaml(dir, """
            name: plain
            services:
              web: { image: example/web, ports: ["80:8080"], depends_on: [api] }
              api: { image: example/api, expose: ["9000"], depends_on: [db] }
              db: { image: postgres:16, expose: ["5432"] }
            """);
        var t = output.Template;
        // The short name where Envoy matches by Host (http, http2, grpc), the long one always.
        var apiProtocol = (string)t.Properties(Id("api", "VirtualNode")).At("Spec.Listeners[0].PortMapping.Protocol")!;
        var expected = apiProtocol == "tcp"
            ? """[{"VirtualService":{"VirtualServiceName":"api.plain.local"}}]"""
            : """[{"VirtualService":{"VirtualServiceName":"api"}},{"VirtualService":{"VirtualServiceName":"api.plain.local"}}]""";
        Assert.Equal(expected, t.Properties(Id("web", "VirtualNode")).At("Spec.Backends").Json());
        Assert.Equal(
        [
            "api to db on 5432/tcp",
            "web ALB listener 80/tcp",
            "web from its ALB on 8080/tcp",
            "web to api on 9000/tcp",
        ], t.IngressRules());
        // Postgres defaults to tcp now (spec §2), so there is no warning that its traffic would break.
        Assert.DoesNotContain(output.Warnings, w => w.Message.Contains("5432", StringComparison.Ordinal));
        Assert.Equal(512, int.Parse((string)t.Properties(Id("web", "TaskDefinition"))["Memory"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Synthesis_is_deterministic()
    {
        using var one = new TempDir();
        using var two = new TempDir();
        var compose = File.ReadAllText(Path.Combine(Paths.Example("appmesh-tls"), "compose.yaml"));
        Assert.Equal(Yaml(one, compose).Template.Text, Yaml(two, compose).Template.Text);
    }

    [Fact]
    public void Adding_a_service_changes_no_other_services_resources()
    {
        using var one = new TempDir();
        using var two = new TempDir();
        const string Base = """
            name: stable
            services:
              api: { image: example/api, expose: ["8080"] }
              web: { image: example/web, expose: ["80"], depends_on: [api] }
            """;
        var before = Yaml(one, Base).Template;
        var after = Yaml(two, Base + "\n  extra: { image: example/extra, expose: [\"81\"], depends_on: [api] }\n").Template;
        foreach (var (id, resource) in before.Resources)
        {
            Assert.Equal(resource!.ToJsonString(), after.Resources[id]!.ToJsonString());
        }
    }
}
