using Compose2Ecs.Testing;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>
/// Both App Mesh examples, synthesized once through the CLI (and the CDK) as a user would, and cfn-checked in one run;
/// shared by the test classes of <see cref="ExampleCollection"/>.
/// </summary>
public sealed class ExampleFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ExampleFixture()
    {
        Shop = Run("mesh-shop", "shop");
        Tls = Run("appmesh-tls", "payments");
        Check = CfnCheck.Run(_dir.Sub("mesh-shop"), _dir.Sub("appmesh-tls"));
    }

    public TemplateFile Shop { get; }

    public TemplateFile Tls { get; }

    public CliRunner.Result ShopRun { get; private set; } = new(0, "", "");

    public CfnCheck.Result Check { get; }

    public void Dispose() => _dir.Dispose();

    private TemplateFile Run(string example, string stack)
    {
        var output = _dir.Sub(example);
        var result = CliRunner.Run(Paths.Example(example), "synth", "-f", "compose.yaml", "--mesh", "appmesh", "-o", output);
        Assert.True(result.ExitCode == 0, result.Error);
        if (example == "mesh-shop")
        {
            ShopRun = result;
        }

        return new TemplateFile(Path.Combine(output, $"{stack}.template.json"));
    }
}

[CollectionDefinition(Name)]
public sealed class ExampleCollection : ICollectionFixture<ExampleFixture>
{
    public const string Name = "App Mesh examples through the CLI";
}
