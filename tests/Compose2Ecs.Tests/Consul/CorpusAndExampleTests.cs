using System.Diagnostics;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// Every loadable corpus file in both modes and every example, as built (the templates and config
/// entry files synth hands on, without the CDK), through cfn-check in one run (which also validates
/// every CONSUL_ECS_CONFIG_JSON against the consul-ecs schema). OutputTests runs an example through
/// the command line and the CDK.
/// </summary>
public sealed class CorpusAndExampleTests(ITestOutputHelper log)
{
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus";

    /// <summary>A corpus file has no x-mesh: layer servers over it (-f corpus.yml -f this), as a user would.</summary>
    private static string Override(string mode) => mode == "agent"
        ? """
          x-mesh:
            consul:
              mode: agent
              servers: { hosts: consul.corpus.internal, security_group: sg-0123456789abcdef0, ca_cert_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca" }
              retry_join: ["provider=aws tag_key=consul tag_value=server"]
              gossip_key_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:gossip
          """
        : """
          x-mesh:
            consul:
              dev_server: true
              acls: true
          """;

    [Fact]
    public void Every_loadable_corpus_file_and_every_example_passes_cfn_check_with_mesh_consul_in_both_modes()
    {
        using var dir = new TempDir();
        var clock = Stopwatch.StartNew();
        var outputs = new List<string>();
        var skipped = new List<string>();
        var refused = new List<string>();
        var overrides = new Dictionary<string, string>
        {
            ["dataplane"] = dir.File("consul-dataplane.yml", Override("dataplane")),
            ["agent"] = dir.File("consul-agent.yml", Override("agent")),
        };
        foreach (var entry in Corpus.Entries)
        {
            foreach (var (mode, file) in overrides)
            {
                ComposeProject project;
                try
                {
                    project = Synth.Load(entry.Directory, [.. entry.Files, file]);
                }
                catch (InvalidInputException)
                {
                    skipped.Add(entry.File);
                    continue;
                }

                var output = dir.Sub($"{mode}-{entry.File}");
                var options = new SynthOptions { Registry = Registry, Mesh = "consul" };
                try
                {
                    PureSynth.Project(project, options).WriteTo(output);
                }
                catch (InvalidInputException e) when (e.Errors.All(CorpusSecrets.IsSecretError))
                {
                    PureSynth.Project(CorpusSecrets.WithExternalSecrets(project), options).WriteTo(output);
                }
                catch (InvalidInputException e) when (e.Errors.Where(d => d.Severity == Severity.Error).All(d => IsConsulLimit(d) || d.Code == MeshDiagnosticCodes.CalledWithoutPort))
                {
                    // What Consul cannot express is an error by design (an app on one of Consul's own ports, say),
                    // and so is a depended-on service without any port (C2E2010).
                    if (e.Errors.Any(IsConsulLimit))
                    {
                        refused.Add($"{mode}:{entry.File}: {e.Errors.First(IsConsulLimit).Message}");
                    }

                    continue;
                }

                outputs.Add(output);
            }
        }

        foreach (var example in new[] { "mesh-shop", "consul-agent", "consul-dev" })
        {
            var output = PureSynth.Project(Synth.Load(Paths.Example(example), "compose.yaml"), new SynthOptions { Mesh = "consul" }).WriteTo(dir.Sub($"example-{example}"));
            Assert.True(File.Exists(Path.Combine(output, "service-defaults-" + (example == "consul-dev" ? "hello-greeter" : example == "mesh-shop" ? "shop-api" : "ledger") + ".json")));
            outputs.Add(output);
        }

        log.WriteLine($"{outputs.Count} synthesized in {clock.Elapsed.TotalSeconds:F1} s; not loadable: {string.Join(", ", skipped.Distinct())}");
        log.WriteLine($"refused as Consul cannot express them:\n{string.Join("\n", refused)}");
        Assert.True(refused.Count <= 6, string.Join("\n", refused));
        // Files whose depended-on services declare no port (robot-shop, eShopOnContainers, ...) are refused by design (C2E2010).
        Assert.True(outputs.Count >= 110, $"only {outputs.Count} outputs");
        var check = CfnCheck.Run([.. outputs]);
        log.WriteLine(check.Summary);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("CONSUL_ECS_CONFIG_JSON value(s) against the consul-ecs schema", check.Output, StringComparison.Ordinal);
    }

    private static bool IsConsulLimit(Diagnostic error) =>
        error.Message.Contains("is reserved by Consul", StringComparison.Ordinal);
}
