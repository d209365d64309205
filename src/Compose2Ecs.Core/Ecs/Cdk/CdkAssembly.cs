using Amazon.CDK;
using Amazon.CDK.CloudFormation.Include;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// Emits the templates through the CDK into a cloud assembly. Every resource of the plan is
/// built by one <c>CfnInclude</c> (typed L1 constructs, logical IDs kept, nested stacks loaded):
/// one jsii round trip for the whole application, where one call per construct costs 3–8 ms
/// each (see docs/benchmarks.md). Backends add nothing here: their resources are plan data,
/// included with the base's.
/// </summary>
public static class CdkAssembly
{
    /// <remarks>The root template's Description travels with the included template (setting it on the stack too would repeat it).</remarks>
    /// <param name="outdir">An empty directory for the cloud assembly.</param>
    /// <param name="workdir">A scratch directory for the templates the CDK includes.</param>
    public static void Synthesize(TemplateSet templates, EcsPlan plan, string outdir, string workdir)
    {
        var files = WriteInputs(templates, workdir);
        lock (JsiiHost.Gate)
        {
            NodeRuntime.EnsureAvailable();
            JsiiHost.EnsureConfigured();
            var app = new App(new AppProps
            {
                Outdir = outdir,
                AnalyticsReporting = false,
                Context = new Dictionary<string, object>
                {
                    // Stack traces in construct metadata cost time and would put local paths into the assembly.
                    ["aws:cdk:disable-stack-trace"] = true,

                    // aws:asset:path / aws:asset:property on nested stack resources: `cdk diff --app DIR` descends into them.
                    ["aws:cdk:enable-asset-metadata"] = true,
                },
            });
            var stack = new Stack(app, plan.StackName, new StackProps
            {
                StackName = plan.StackName,
                Synthesizer = Synthesizer(templates),
            });
            var include = new CfnInclude(stack, "App", Props(templates, templates.Root, files));
            MarkLookedUp(include, templates, templates.Root);
            app.Synth();
        }
    }

    /// <summary>
    /// One template: the legacy synthesizer, which needs no <c>cdk bootstrap</c> (no assets, no
    /// BootstrapVersion parameter or rule). Nested stacks are file assets whatever the
    /// synthesizer: the default one puts them in the bootstrap bucket (still no version rule).
    /// </summary>
    private static IStackSynthesizer Synthesizer(TemplateSet templates) => templates.Nested.IsEmpty
        ? new LegacyStackSynthesizer()
        : new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false });

    /// <summary>
    /// Tells the CDK that each mapping is looked up at deploy time (Fn::FindInMap by region), as the
    /// templates do. Mappings that come in through CfnInclude were never looked up through the CDK,
    /// so it would record an info note ("Consider making this CfnMapping a lazy mapping") in the
    /// assembly, which the CDK CLI prints on every command run against it.
    /// </summary>
    private static void MarkLookedUp(CfnInclude include, TemplateSet templates, TemplateDocument document)
    {
        foreach (var mapping in document.Mappings)
        {
            _ = include.GetMapping(mapping.Name).FindInMap(Aws.REGION, "_");
        }

        foreach (var child in templates.Children(document))
        {
            MarkLookedUp(include.GetNestedStack(child.Id).IncludedTemplate, templates, child);
        }
    }

    /// <summary>A template to include, with the nested templates it holds (at any depth) loaded too.</summary>
    private static CfnIncludeProps Props(TemplateSet templates, TemplateDocument document, Dictionary<string, string> files)
    {
        var children = templates.Children(document).ToList();
        return new CfnIncludeProps
        {
            TemplateFile = files[document.Id],
            LoadNestedStacks = children.Count == 0 ? null : children.ToDictionary(d => d.Id, d => (ICfnIncludeProps)Props(templates, d, files)),
        };
    }

    private static Dictionary<string, string> WriteInputs(TemplateSet templates, string workdir)
    {
        Directory.CreateDirectory(workdir);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in templates.All)
        {
            var path = Path.Combine(workdir, (document.IsRoot ? "root" : document.Id) + ".json");
            File.WriteAllText(path, TemplateJson.Text(document));
            files[document.Id] = path;
        }

        return files;
    }
}
