using System.Diagnostics;
using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// The dev server's generated bootstrap token is a random UUID (Consul takes only UUIDs as token
/// SecretIDs), made once by an inline custom resource as dev-server/main.tf's random_uuid, and
/// shared with every task through the one Secrets Manager secret.
/// </summary>
public sealed class BootstrapTokenTests
{
    private const string Dev = """
        name: hello
        x-mesh:
          consul: { dev_server: true, acls: true }
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api: { image: example/api:1, expose: ["8080"] }
        """;

    [Fact]
    public void The_secret_holds_the_custom_resources_token_and_every_consul_task_reads_that_secret()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Dev);
        var secret = built.Resource("ConsulBootstrapToken");
        Assert.Equal("AWS::SecretsManager::Secret", (string?)secret["Type"]);
        Assert.Equal("""{"Fn::GetAtt":["ConsulBootstrapTokenValue","Token"]}""", Consul.Json(secret["Properties"]!["SecretString"]));
        Assert.Null(secret["Properties"]!["GenerateSecretString"]);

        // Its only property is the function: nothing a stack update changes, so the token is made once.
        Assert.Equal("""{"ServiceToken":{"Fn::GetAtt":["ConsulBootstrapTokenFunction","Arn"]}}""", Consul.Json(built.Properties("ConsulBootstrapTokenValue")));
        Assert.Equal("Custom::ConsulBootstrapToken", (string?)built.Resource("ConsulBootstrapTokenValue")["Type"]);
        var policies = built.Properties("ConsulBootstrapTokenFunctionRole")["Policies"]!.ToJsonString();
        Assert.DoesNotContain("secretsmanager", policies, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Resource\":\"*\"", policies, StringComparison.Ordinal);

        foreach (var (service, container) in new[] { ("consul-server", "consul-server"), ("consul-ecs-controller", "consul-ecs-controller"), ("consul-config-entries", "consul-config-writer") })
        {
            Assert.Contains("""{"Name":"CONSUL_HTTP_TOKEN","ValueFrom":{"Ref":"ConsulBootstrapToken"}}""", Consul.Json(built.Container(service, container)["Secrets"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_written_bootstrap_token_secret_makes_no_token_resources()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Dev.Replace("acls: true }", "acls: true, bootstrap_token_secret_arn: \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:boot\" }", StringComparison.Ordinal));
        Assert.DoesNotContain(built.All, r => r.Key.StartsWith("ConsulBootstrapToken", StringComparison.Ordinal));
    }

    [Fact]
    public void The_function_answers_a_fresh_version_4_uuid_with_no_echo_and_nothing_on_delete()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Dev);
        File.WriteAllText(Path.Combine(dir.Path, "index.py"), (string)built.Properties("ConsulBootstrapTokenFunction")["Code"]!["ZipFile"]!);
        File.WriteAllText(Path.Combine(dir.Path, "cfnresponse.py"), """
            import json
            SUCCESS = "SUCCESS"
            FAILED = "FAILED"
            def send(event, context, status, data, physical, noEcho=False, reason=None):
                print(json.dumps({"status": status, "data": data, "physical": physical, "noEcho": noEcho}))
            """);
        var answers = Python(dir.Path, """
            import index
            for kind in ["Create", "Create", "Delete"]:
                index.handler({"RequestType": kind}, None)
            """).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal("SUCCESS", (string?)a["status"]));
        Assert.All(answers, a => Assert.True((bool)a["noEcho"]!));
        var tokens = answers.Take(2).Select(a => (string)a["data"]!["Token"]!).ToList();
        Assert.All(tokens, t => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", t));
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal("{}", answers[2]["data"]!.ToJsonString());
    }

    private static string[] Python(string cwd, string script)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
