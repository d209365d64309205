using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshSynth;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>examples/appmesh-tls: TLS from ACM Private CA, an NLB gateway, access logs, Envoy sizing, allow_all, http2.</summary>
[Collection(ExampleCollection.Name)]
public sealed class TlsExampleTests(ExampleFixture examples)
{
    private const string Pca = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";

    private TemplateFile T => examples.Tls;

    [Fact]
    public void Each_listener_gets_a_certificate_from_the_private_ca_for_its_dns_name()
    {
        foreach (var service in new[] { "web", "ledger" })
        {
            var certificate = T.Properties(Id(service, "Certificate"));
            Assert.Equal($"{service}.payments.local", (string?)certificate["DomainName"]);
            Assert.Equal(Pca, (string?)certificate["CertificateAuthorityArn"]);
            Assert.Equal("""{"Certificate":{"ACM":{"CertificateArn":{"Ref":"ID"}}},"Mode":"STRICT"}""".Replace("ID", Id(service, "Certificate"), StringComparison.Ordinal),
                T.Properties(Id(service, "VirtualNode")).At("Spec.Listeners[0].TLS").Json());
        }

        Assert.Equal(2, T.OfType("AWS::CertificateManager::Certificate").Count());
    }

    [Fact]
    public void Clients_and_the_gateway_validate_upstreams_against_the_ca()
    {
        var policy = """{"ClientPolicy":{"TLS":{"Validation":{"Trust":{"ACM":{"CertificateAuthorityArns":["PCA"]}}}}}}""".Replace("PCA", Pca, StringComparison.Ordinal);
        Assert.Equal(policy, T.Properties(Id("web", "VirtualNode")).At("Spec.BackendDefaults").Json());
        Assert.Equal(policy, T.Properties(AppMeshNames.VirtualGatewayId).At("Spec.BackendDefaults").Json());
    }

    [Fact]
    public void The_task_role_may_export_its_own_certificate_and_read_the_ca_certificate_only()
    {
        var statements = T.Statements(Id("web", "TaskRole"));
        Assert.Equal(3, statements.Count);
        Assert.Contains(statements, s => s["Action"].Json() == "\"acm:ExportCertificate\"" && s["Resource"].Json() == $$"""{"Ref":"{{Id("web", "Certificate")}}"}""");
        Assert.Contains(statements, s => s["Action"].Json() == "\"acm-pca:GetCertificateAuthorityCertificate\"" && (string?)s["Resource"] == Pca);
        Assert.DoesNotContain(T.Statements(Id(AppMeshNames.GatewayService, "TaskRole")), s => s["Action"].Json().Contains("acm:", StringComparison.Ordinal));
    }

    [Fact]
    public void Egress_allow_all_access_logs_and_envoy_size_are_honoured()
    {
        Assert.Equal("ALLOW_ALL", (string?)T.Properties("Mesh").At("Spec.EgressFilter.Type"));
        Assert.Equal("""{"AccessLog":{"File":{"Path":"/dev/stdout"}}}""", T.Properties(Id("web", "VirtualNode")).At("Spec.Logging").Json());
        Assert.Equal("""{"AccessLog":{"File":{"Path":"/dev/stdout"}}}""", T.Properties(AppMeshNames.VirtualGatewayId).At("Spec.Logging").Json());
        var envoy = T.Container("web", "envoy");
        Assert.Equal(128, (int)envoy["Cpu"]!);
        Assert.Equal(256, (int)envoy["MemoryReservation"]!);
    }

    [Fact]
    public void Http2_listeners_take_request_timeouts_pools_and_outlier_detection()
    {
        var listener = T.Properties(Id("ledger", "VirtualNode")).At("Spec.Listeners[0]")!;
        Assert.Equal("""{"Port":9090,"Protocol":"http2"}""", listener["PortMapping"].Json());
        Assert.Equal("""{"HTTP2":{"Idle":{"Unit":"s","Value":60},"PerRequest":{"Unit":"s","Value":5}}}""", listener["Timeout"].Json());
        Assert.Equal("""{"HTTP2":{"MaxRequests":500}}""", listener["ConnectionPool"].Json());
        Assert.Equal(3, (int)listener.At("OutlierDetection.MaxServerErrors")!);
        Assert.Equal("""{"HTTP":{"MaxConnections":200,"MaxPendingRequests":50}}""", T.Properties(Id("web", "VirtualNode")).At("Spec.Listeners[0].ConnectionPool").Json());
        Assert.Equal(15000, (int)T.Properties(Id("web", "VirtualNode")).At("Spec.Listeners[0].HealthCheck.IntervalMillis")!);
    }

    [Fact]
    public void The_nlb_gateway_forwards_tcp_to_envoy_and_only_its_nlb_reaches_the_gateway()
    {
        var gateway = Id(AppMeshNames.GatewayService, "Nlb");
        Assert.Equal("network", (string?)T.Properties(gateway)["Type"]);
        var listener = T.OfType("AWS::ElasticLoadBalancingV2::Listener").Single().Value["Properties"]!;
        Assert.Equal("TCP", (string?)listener["Protocol"]);
        Assert.Equal(80, (int)listener["Port"]!);
        Assert.Equal(
        [
            "appmesh-gateway to web on 8080/tcp",
            "gateway Envoy readiness from its NLB on 9901/tcp",
            "gateway NLB listener 80/tcp",
            "gateway from its NLB on 8080/tcp",
            "web to ledger on 9090/tcp",
        ], T.IngressRules());
        var route = Assert.Single(T.OfType("AWS::AppMesh::GatewayRoute")).Value["Properties"]!;
        Assert.Equal("/", (string?)route.At("Spec.HttpRoute.Match.Prefix"));
    }
}
