using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>Every caller of a mesh service is a Service Connect client; x-mesh: false calling a TLS endpoint is an error.</summary>
public sealed class PlainCallerTests
{
    private const string Ca = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";

    [Fact]
    public void A_portless_service_that_calls_a_mesh_service_becomes_a_client()
    {
        const string compose = """
            services:
              api: { image: a, expose: ["8080"] }
              job: { image: j, depends_on: [api] }
              cron: { image: c }
            """;
        var resources = Sc.Resources(compose);
        var job = Sc.Connect(resources, "job")!;
        Assert.True((bool?)job["Enabled"]);
        Assert.Null(job["Services"]);
        Assert.Null(Sc.Connect(resources, "cron"));   // calls nothing: stays plain
    }

    [Fact]
    public void X_mesh_false_calling_a_tls_service_is_a_located_error()
    {
        var compose = $$"""
            x-mesh:
              tls: { mode: strict, acm_pca_arn: "{{Ca}}" }
            services:
              api: { image: a, expose: ["8080"] }
              legacy:
                image: l
                depends_on: [api]
                x-mesh: false
            """;
        Sc.Coded(Sc.Errors(compose), compose, "x-mesh: false", ServiceConnectDiagnosticCodes.PlainCallerOfTls, Severity.Error);
    }

    [Fact]
    public void X_mesh_false_calling_a_plaintext_service_stays_plain()
    {
        const string compose = """
            services:
              api: { image: a, expose: ["8080"] }
              legacy:
                image: l
                depends_on: [api]
                x-mesh: false
            """;
        Assert.Null(Sc.Connect(Sc.Resources(compose), "legacy"));
    }
}
