using System.Diagnostics;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// Every corpus file that loads builds templates (build-only services given --registry) that pass cfn-check.
/// The templates are those synth hands to the CDK (<see cref="PureSynth"/>); Hardening's CdkEquivalenceTests
/// shows the CDK writes them as built.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper log)
{
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus";

    [Fact]
    public void Every_loadable_corpus_file_builds_templates_that_pass_cfn_check()
    {
        using var dir = new TempDir();
        var clock = Stopwatch.StartNew();
        var outputs = new List<string>();
        var notLoaded = new List<string>();
        var secretRewrites = new List<string>();
        var refused = new List<string>();
        foreach (var entry in Corpus.Entries)
        {
            ComposeProject project;
            try
            {
                project = Synth.Load(entry.Directory, [.. entry.Files]);
            }
            catch (InvalidInputException)
            {
                notLoaded.Add(entry.File);
                continue;
            }

            var output = dir.Sub(entry.File);
            var options = new SynthOptions { Registry = Registry };
            try
            {
                PureSynth.Project(project, options).WriteTo(output);
            }
            catch (InvalidInputException e) when (CorpusRefusals.IsByDesign(e))
            {
                refused.Add(entry.File);
                continue;
            }
            catch (InvalidInputException e) when (e.Errors.All(CorpusSecrets.IsSecretError))
            {
                // Secrets from files would land in the template: an error by design. Check the rest of the file with them external.
                secretRewrites.Add(entry.File);
                PureSynth.Project(CorpusSecrets.WithExternalSecrets(project), options).WriteTo(output);
            }

            outputs.Add(output);
        }

        log.WriteLine($"{outputs.Count} synthesized ({secretRewrites.Count} with file secrets made external: {string.Join(", ", secretRewrites)}); not loadable: {string.Join(", ", notLoaded)}; refused by design (C2E2010): {string.Join(", ", refused)}; {clock.Elapsed.TotalSeconds:F1} s");
        // Files whose depended-on services declare no port (robot-shop, eShopOnContainers, ...) are refused by design.
        Assert.True(outputs.Count >= 55, $"only {outputs.Count} corpus files loaded");
        Assert.NotEmpty(secretRewrites);

        var check = CfnCheck.Run([.. outputs]);
        log.WriteLine(check.Summary);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains($"{outputs.Count} passed, 0 failed", check.Output, StringComparison.Ordinal);
    }
}
