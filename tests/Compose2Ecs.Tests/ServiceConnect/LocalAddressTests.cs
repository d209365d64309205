using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>localhost:&lt;local_port&gt; (a Consul-style upstream address) becomes the Service Connect alias, with a located note per variable.</summary>
public sealed class LocalAddressTests
{
    private const string Compose = """
        services:
          web:
            image: w
            expose: ["8080"]
            environment:
              API_URL: http://localhost:9090/v1
              SELF: http://localhost:8080
              LEDGER: 127.0.0.1:9091
            x-mesh:
              upstreams:
                - { service: api, local_port: 9090 }
                - { service: ledger, local_port: 9091 }
          api: { image: a, expose: ["9000"] }
          ledger: { image: l, expose: ["7000"], x-mesh: { protocol: grpc } }
        """;

    [Fact]
    public void Each_upstream_local_address_is_rewritten_to_its_alias_and_warned_where_it_is_written()
    {
        var plan = Sc.Plan(Compose);
        var env = plan.Service("web").AppContainer.Environment.ToDictionary(e => e.Name, e => ((Core.Ecs.Plan.CfnString)e.Value).Value);
        Assert.Equal("http://api:9000/v1", env["API_URL"]);
        Assert.Equal("ledger:7000", env["LEDGER"]);
        Assert.Equal("http://localhost:8080", env["SELF"]);   // the app's own port: not an upstream

        Sc.Coded(plan.Warnings, Compose, "API_URL", ServiceConnectDiagnosticCodes.LocalhostAddress, Severity.Note);
        Sc.Coded(plan.Warnings, Compose, "LEDGER", ServiceConnectDiagnosticCodes.LocalhostAddress, Severity.Note);
        Assert.Equal(2, plan.Warnings.Count(w => w.Code == ServiceConnectDiagnosticCodes.LocalhostAddress));
    }
}
