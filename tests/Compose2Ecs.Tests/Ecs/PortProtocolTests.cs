using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>The protocol of a port reaches its port mappings and security-group rules; sctp is refused at its line.</summary>
public sealed class PortProtocolTests
{
    [Fact]
    public void Exposed_udp_ports_become_udp_port_mappings_and_a_udp_rule()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, "services:\n  stats:\n    image: statsd\n    expose: [\"5000-5010/udp\", \"8125\"]\n  app:\n    image: app\n    depends_on: [stats]\n");
        var ports = plan.FindService("stats")!.AppContainer.Ports;
        Assert.Equal(11, ports.Count(p => p.Protocol == "udp"));
        Assert.Equal([8125], ports.Where(p => p.Protocol == "tcp").Select(p => p.Port));
        var rules = plan.Ingress.Where(r => r.Description.StartsWith("app to stats", StringComparison.Ordinal)).ToList();
        Assert.Contains(rules, r => r is { Protocol: "udp", FromPort: 5000, ToPort: 5010 });
        Assert.Contains(rules, r => r is { Protocol: "tcp", FromPort: 8125, ToPort: 8125 });
        Assert.DoesNotContain(rules, r => r.Protocol == "tcp" && r.FromPort == 5000);
    }

    [Theory]
    [InlineData("ports: [\"80:80/sctp\"]", "compose.yaml:4:13")]
    [InlineData("expose: [\"9000/sctp\"]", "compose.yaml:4:14")]
    [InlineData("ports: [{ target: 80, protocol: sctp }]", "compose.yaml:4:37")]
    public void Sctp_is_a_located_error_and_nothing_is_written(string ports, string location)
    {
        using var dir = new TempDir().With("compose.yaml", $"services:\n  web:\n    image: web\n    {ports}\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{location}: error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E1105]", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }
}
