using System.Diagnostics;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>Every corpus file that loads builds templates with --mesh service-connect (those synth hands to the CDK), and all of them pass one cfn-check run.</summary>
public sealed class CorpusTests(ITestOutputHelper log)
{
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus";

    [Fact]
    public void Every_loadable_corpus_file_builds_service_connect_templates_that_pass_cfn_check()
    {
        using var dir = new TempDir();
        var clock = Stopwatch.StartNew();
        var outputs = new List<string>();
        var connected = 0;
        foreach (var entry in Corpus.Entries)
        {
            ComposeProject project;
            try
            {
                project = Synth.Load(entry.Directory, [.. entry.Files]);
            }
            catch (InvalidInputException)
            {
                continue;
            }

            // File secrets are refused by the base by design (they would land in the template); make them external here.
            project = project with
            {
                Secrets = [.. project.Secrets.Select(s => s.External ? s : s with { External = true, ExternalName = $"/corpus/{s.Name}", File = null, Environment = null, Content = null })],
            };
            var output = dir.Sub(entry.File);
            PureSynth.Output built;
            try
            {
                built = PureSynth.Project(project, Sc.Options with { Registry = Registry });
            }
            catch (InvalidInputException e) when (CorpusRefusals.IsByDesign(e))
            {
                continue;
            }

            built.WriteTo(output);
            var template = built.Template;
            connected += template.OfType("AWS::ECS::Service").Count(s => s.Value["Properties"]!["ServiceConnectConfiguration"] is not null);
            outputs.Add(output);
        }

        log.WriteLine($"{outputs.Count} synthesized, {connected} ECS services with Service Connect; {clock.Elapsed.TotalSeconds:F1} s");
        // Files whose depended-on services declare no port (robot-shop, eShopOnContainers, ...) are refused by design (C2E2010).
        Assert.True(outputs.Count >= 55, $"only {outputs.Count} corpus files synthesized");
        Assert.True(connected >= 200, $"only {connected} services use Service Connect");

        var check = CfnCheck.Run([.. outputs]);
        log.WriteLine(check.Summary);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains($"{outputs.Count} passed, 0 failed", check.Output, StringComparison.Ordinal);
    }
}
