using Compose2Ecs.AppMesh;
using Compose2Ecs.Consul;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.ServiceConnect;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>The mesh model's errors, and the backends' read-time rules, carry their stable codes at their locations.</summary>
public sealed class CodeTests
{
    private const string Web = """
        services:
          web: { image: web, expose: ["8080"], x-mesh: { port: 8080 } }
        """;

    [Theory]
    [InlineData("x-mesh:\n  egres: drop_all\n", "egres", "unknown key", null, MeshDiagnosticCodes.UnknownKey)]
    [InlineData("x-mesh:\n  egress: none\n", "none", "is not one of", null, MeshDiagnosticCodes.NotAChoice)]
    [InlineData("x-mesh:\n  tls: []\n", "[]", "must be a mapping", null, MeshDiagnosticCodes.WrongKind)]
    [InlineData("x-mesh:\n  name: \"a b\"\n", "\"a b\"", "is not a valid mesh name", null, MeshDiagnosticCodes.InvalidName)]
    [InlineData("x-mesh:\n  tls: { mode: strict }\n", "strict", "needs acm_pca_arn", AppMeshSpec.Name, MeshDiagnosticCodes.TlsNeedsPrivateCa)]
    [InlineData("x-mesh:\n  tls: { mode: strict }\n", "strict", "needs acm_pca_arn", ServiceConnectSpec.Name, MeshDiagnosticCodes.TlsNeedsPrivateCa)]
    [InlineData("x-mesh:\n  tls: { mode: disabled }\n  consul: { dev_server: true }\n", "disabled", "always uses mutual TLS", ConsulSpec.Name, ConsulDiagnosticCodes.TlsAlwaysOn)]
    [InlineData("x-mesh:\n  consul: { datacenter: dc1 }\n", "consul", "needs servers.hosts", ConsulSpec.Name, ConsulDiagnosticCodes.ServersRequired)]
    [InlineData("x-mesh:\n  appmesh: { mesh_owner: \"12\" }\n", "\"12\"", "is not an AWS account id", AppMeshSpec.Name, AppMeshDiagnosticCodes.InvalidMeshOwner)]
    public void Top_level_errors_have_codes(string mesh, string at, string message, string? backend, string code) =>
        Assert.Equal(code, ErrorAt(mesh + Web, at, message, backend).Code);

    [Fact]
    public void A_listener_on_a_reserved_port_has_its_code() =>
        Assert.Equal(MeshDiagnosticCodes.ReservedPort, ErrorAt("""
            x-mesh: { consul: { dev_server: true } }
            services:
              api: { image: a, expose: ["20000"], x-mesh: { port: 20000 } }
            """, "20000 }", "is reserved by Consul", ConsulSpec.Name).Code);
}
