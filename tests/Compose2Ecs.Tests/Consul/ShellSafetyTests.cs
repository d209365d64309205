using System.Diagnostics;
using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// Compose values that reach a generated <c>/bin/sh -ec</c> script (the dev server's datacenter,
/// the agent's servers.hosts and partition) stay data: every script parses with <c>sh -n</c>, and
/// run with stub commands and a payload in every value, nothing in the payload executes.
/// </summary>
public sealed class ShellSafetyTests
{
    /// <summary>Each payload writes the marker file if the shell ever evaluates it.</summary>
    public static TheoryData<string> Payloads => new()
    {
        "dc$(touch MARKER)",
        "dc`touch MARKER`",
        "dc; touch MARKER",
        "dc' ; touch MARKER ; '",
        "dc\" ; touch MARKER ; \"",
        "dc\ntouch MARKER",
    };

    private static string Yaml(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static string DevServer(string payload) => $$"""
        name: shop
        x-mesh:
          backend: consul
          consul: { dev_server: true, acls: true, datacenter: {{Yaml(payload)}} }
        services:
          web:
            image: example/web:1
            expose: ["8080"]
        """;

    // servers.hosts is not among the payload's keys: the reader refuses anything but a DNS name, an IP or exec=
    // (HostileValueTests), so shell text never reaches a script through it.
    private static string Agent(string payload) => $$"""
        name: shop
        x-mesh:
          backend: consul
          consul:
            mode: agent
            datacenter: {{Yaml(payload)}}
            partition: {{Yaml(payload)}}
            namespace: team-a
            acls: true
            bootstrap_token_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:boot
            retry_join: [{{Yaml(payload)}}]
            servers: { hosts: consul.internal, security_group: sg-0123456789abcdef0, ca_cert_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca" }
        services:
          web:
            image: example/web:1
            expose: ["8080"]
        """;

    /// <summary>Every /bin/sh -ec script in the templates, with its container's name.</summary>
    private static List<(string Container, string Script)> Scripts(Consul.Built built) =>
        [.. built.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(r => r.Value["Properties"]!["ContainerDefinitions"]!.AsArray())
            .Where(c => Consul.Json(c!["EntryPoint"]) == """["/bin/sh","-ec"]""")
            .Select(c => ((string)c!["Name"]!, (string)c["Command"]![0]!))];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_dev_server_script_keeps_the_datacenter_as_data(string payload)
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, DevServer(payload));
        var scripts = Scripts(built);
        Assert.Contains(scripts, s => s.Container == "consul-server");
        RunEach(dir, scripts, payload);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_client_agent_script_keeps_hosts_partition_datacenter_and_retry_join_as_data(string payload)
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Agent(payload));
        var scripts = Scripts(built);
        Assert.Contains(scripts, s => s.Container == "consul-client");
        RunEach(dir, scripts, payload);

        // The agent's HCL holds the payload verbatim (it reached the file, unexpanded).
        var hcl = File.ReadAllText(Path.Combine(dir.Path, "root-consul-client", "consul", "agent-defaults.hcl"));
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(payload)[1..^1], hcl, StringComparison.Ordinal);
    }

    private static void RunEach(TempDir dir, List<(string Container, string Script)> scripts, string payload)
    {
        foreach (var (container, script) in scripts)
        {
            var (syntax, syntaxOut) = Sh(["-n", "-c", script], dir.Path);
            Assert.True(syntax == 0, $"{container}: sh -n: {syntaxOut}\n{script}");

            // Run it with its absolute paths moved under a scratch root and stub commands on PATH.
            var root = Path.Combine(dir.Path, "root-" + container);
            var stubs = Path.Combine(root, "stubs");
            Directory.CreateDirectory(stubs);
            Directory.CreateDirectory(Path.Combine(root, "consul"));
            Directory.CreateDirectory(Path.Combine(root, "tmp"));
            foreach (var stub in new[] { "consul", "curl", "jq", "cp", "chmod", "sleep", "base64", "gunzip" })
            {
                var file = Path.Combine(stubs, stub);
                File.WriteAllText(file, "#!/bin/sh\nexit 0\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var moved = script.Replace("/tmp/", root + "/tmp/", StringComparison.Ordinal).Replace("/consul/", root + "/consul/", StringComparison.Ordinal);
            var (code, output) = Sh(["-ec", moved], root, stubs);
            Assert.True(code == 0, $"{container}: exit {code}: {output}\n{moved}");
            Assert.False(File.Exists(Path.Combine(root, "MARKER")), $"{container}: the payload {Consul.Json(JsonValue.Create(payload))} ran");
        }
    }

    private static (int Code, string Output) Sh(string[] args, string cwd, string? stubs = null)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (stubs is not null)
        {
            start.Environment["PATH"] = $"{stubs}:/usr/bin:/bin";
            start.Environment["ECS_CONTAINER_METADATA_URI_V4"] = "http://169.254.170.2/v4/x";
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
