using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshBuild;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>
/// The names apps use (spec §2, issue 15): <c>http://api:8080</c> as under docker compose and
/// <c>http://api.&lt;namespace&gt;:8080</c>. Envoy matches HTTP by Host against the virtual service names
/// of the caller's backends, exactly, so each form has a virtual service of its own in the callers'
/// backends; tcp is matched by port, so it keeps one name. Also: callers without ports join as
/// outbound-only clients, and addresses written for Consul's local listeners are rewritten.
/// </summary>
public sealed class NameFormTests
{
    private const string Shop = """
        name: shop
        x-mesh:
          routes:
            api: { protocol: http, port: 8080, rules: [{ targets: { api-v1: 1 } }] }
            ledger: { protocol: tcp, port: 7000, rules: [{ targets: { ledger-v1: 1 } }] }
        services:
          web:
            image: example/web
            expose: ["8080"]
            x-mesh: { protocol: http, upstreams: [api, ledger, cart, db] }
          api-v1: { image: example/api, expose: ["8080"], x-mesh: { protocol: http } }
          ledger-v1: { image: example/ledger, expose: ["7000"], x-mesh: { protocol: tcp } }
          cart: { image: example/cart, expose: ["9000"], x-mesh: { protocol: grpc } }
          db: { image: postgres:16, expose: ["5432"], x-mesh: { protocol: tcp } }
        """;

    private static Dictionary<string, (string Name, JsonNode? Provider)> VirtualServices(Built built) =>
        built.All.Where(r => (string?)r.Value["Type"] == "AWS::AppMesh::VirtualService")
            .ToDictionary(r => r.Key, r => ((string)r.Value["Properties"]!["VirtualServiceName"]!, r.Value["Properties"]!.At("Spec.Provider")));

    [Fact]
    public void Http_http2_and_grpc_services_and_routes_have_a_short_and_a_long_virtual_service_with_one_provider()
    {
        using var dir = new TempDir();
        var services = VirtualServices(Build(dir, Shop));

        foreach (var name in new[] { "api-v1", "cart", "api" })
        {
            var id = LogicalIds.For(name, "VirtualService");
            var shortId = AppMeshNames.ShortVirtualServiceId(name);
            Assert.Equal($"{name}.shop.local", services[id].Name);
            Assert.Equal(name, services[shortId].Name);
            Assert.Equal(services[id].Provider.Json(), services[shortId].Provider.Json());
        }

        // tcp: Envoy routes by port, and a second tcp backend on a port is what App Mesh cannot tell apart.
        foreach (var name in new[] { "db", "ledger-v1", "ledger" })
        {
            Assert.Equal($"{name}.shop.local", services[LogicalIds.For(name, "VirtualService")].Name);
            Assert.DoesNotContain(AppMeshNames.ShortVirtualServiceId(name), services.Keys);
        }
    }

    [Fact]
    public void A_callers_node_lists_both_names_of_each_http_upstream_and_the_long_name_of_each_tcp_one()
    {
        using var dir = new TempDir();
        var built = Build(dir, Shop);
        var backends = built.Properties(LogicalIds.For("web", "VirtualNode")).At("Spec.Backends")!.AsArray()
            .Select(b => (string)b!.At("VirtualService.VirtualServiceName")!).ToList();

        Assert.Equal(["api.shop.local", "api", "ledger.shop.local", "cart.shop.local", "cart", "db.shop.local"], backends);

        // Every backend is a virtual service of the stack.
        var names = VirtualServices(built).Values.Select(v => v.Name).ToHashSet();
        Assert.All(backends, b => Assert.Contains(b, names));
    }

    [Fact]
    public void Short_names_resolve_through_the_created_vpcs_search_domain_and_routes_cloud_map_name()
    {
        using var dir = new TempDir();
        var built = Build(dir, Shop);
        Assert.Equal("shop.local", built.Plan.Network.SearchDomain);

        // The route's own name resolves (a placeholder instance): api → api.shop.local.
        var discovery = built.Properties(AppMeshNames.RouteDiscoveryId("api"));
        Assert.Equal("api", (string?)discovery["Name"]);
        Assert.Empty(built.Plan.Warnings.Where(w => w.Code is AppMeshDiagnosticCodes.ImportedVpcSearchDomain or AppMeshDiagnosticCodes.ShortNamesInSharedMesh));
    }

    [Fact]
    public void In_an_imported_vpc_short_names_need_its_search_domain_a_located_warning()
    {
        using var dir = new TempDir();
        var built = Build(dir, Shop.Replace("x-mesh:\n", "x-mesh:\n  vpc: { id: vpc-0abc1234, private_subnets: [subnet-00000000000000001, subnet-00000000000000002] }\n", StringComparison.Ordinal));
        var warning = Assert.Single(built.Plan.Warnings, w => w.Code == AppMeshDiagnosticCodes.ImportedVpcSearchDomain);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(3, warning.Location.Line);
        Assert.StartsWith("x-mesh.vpc:", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_shared_mesh_the_short_names_are_mesh_wide_a_located_warning()
    {
        using var dir = new TempDir();
        var built = Build(dir, Shop.Replace("x-mesh:\n", "x-mesh:\n  appmesh: { existing: true }\n", StringComparison.Ordinal));
        var warning = Assert.Single(built.Plan.Warnings, w => w.Code == AppMeshDiagnosticCodes.ShortNamesInSharedMesh);
        Assert.Equal(3, warning.Location.Line);
        foreach (var name in new[] { "api", "api-v1", "cart" })
        {
            Assert.Contains(name, warning.Message, StringComparison.Ordinal);
        }

        // The names themselves are what apps dial, so they are not scoped (nodes and routers are).
        Assert.Contains(VirtualServices(built).Values, v => v.Name == "api-v1");
        Assert.Equal("shop-web", (string?)built.Properties(LogicalIds.For("web", "VirtualNode"))["VirtualNodeName"]);
    }

    [Fact]
    public void A_caller_without_ports_joins_as_an_outbound_only_client_with_drop_all_and_tls_applying()
    {
        // The model makes a port-less caller a mesh client when its x-mesh names upstreams; App Mesh
        // gives every client without a listener this shape.
        using var dir = new TempDir();
        var built = Build(dir, """
            name: shop
            x-mesh:
              tls: { mode: strict, acm_pca_arn: "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555" }
            services:
              api: { image: example/api, expose: ["8080"], x-mesh: { protocol: http } }
              poller: { image: example/poller, x-mesh: { upstreams: [api] } }
            """);
        var spec = built.Properties(LogicalIds.For("poller", "VirtualNode"))["Spec"]!;
        Assert.Null(spec["Listeners"]);
        Assert.Equal("""[{"VirtualService":{"VirtualServiceName":"api.shop.local"}},{"VirtualService":{"VirtualServiceName":"api"}}]""", spec["Backends"].Json());
        Assert.NotNull(spec.At("BackendDefaults.ClientPolicy.TLS.Validation.Trust.ACM"));

        var proxy = built.Proxy("poller");
        Assert.Equal(EnvoySidecar.UnusedAppPort.ToString(System.Globalization.CultureInfo.InvariantCulture), proxy["AppPorts"]);
        Assert.Equal("15000", proxy["ProxyIngressPort"]);
        Assert.Equal("DROP_ALL", (string?)built.Properties(AppMeshNames.MeshId).At("Spec.EgressFilter.Type"));
        Assert.Contains(built.Ingress(), r => r.Group == new ServiceIds("api").SecurityGroup && r.Port == 8080 && r.Source == new ServiceIds("poller").SecurityGroup);
    }

    [Fact]
    public void Localhost_addresses_of_local_ports_are_rewritten_to_the_upstreams_name_with_a_located_warning()
    {
        using var dir = new TempDir();
        var built = Build(dir, """
            name: pay
            services:
              web:
                image: example/web
                expose: ["8080"]
                environment:
                  API_URL: http://localhost:9090/v1
                  SELF: http://localhost:8080/health
                x-mesh: { protocol: http, upstreams: [{ service: api, local_port: 9090 }] }
              api: { image: example/api, expose: ["9000"], x-mesh: { protocol: http } }
              worker:
                image: example/worker
                environment: { API: "localhost:9191" }
                x-mesh: { upstreams: [{ service: api, local_port: 9191 }] }
            """);
        Dictionary<string, string?> EnvironmentOf(string service) => built.Container(service, service)["Environment"]!.AsArray()
            .ToDictionary(e => (string)e!["Name"]!, e => (string?)e!["Value"]);
        var environment = EnvironmentOf("web");
        Assert.Equal("http://api:9000/v1", environment["API_URL"]);
        Assert.Equal("http://localhost:8080/health", environment["SELF"]);
        Assert.Equal("api:9000", EnvironmentOf("worker")["API"]);

        var warnings = built.Plan.Warnings.Where(w => w.Code == AppMeshDiagnosticCodes.LocalhostAddress).ToList();
        Assert.Equal([(Severity.Note, 7), (Severity.Note, 13)], warnings.Select(w => (w.Severity, w.Location.Line)));
        Assert.StartsWith("services.web.environment.API_URL:", warnings[0].Message, StringComparison.Ordinal);
    }
}
