using System.Globalization;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Every example × backend pair synthesized through the CDK once (invariant culture, YAML beside
/// the JSON), with the templates C# built for it: the tests of this collection read the same
/// assemblies instead of each synthesizing its own (one CDK synthesis costs about a second).
/// </summary>
public sealed class CdkAssemblies : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Dictionary<(string, string), Assembly> _assemblies = [];
    private readonly Lock _gate = new();

    public static SynthOptions Options(string backend) => new() { Mesh = backend, Yaml = true };

    /// <summary>The pair's assembly, synthesized on first use.</summary>
    public Assembly For(string example, string backend)
    {
        lock (_gate)
        {
            if (!_assemblies.TryGetValue((example, backend), out var assembly))
            {
                var output = _dir.Sub($"{example}-{backend}");
                var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                try
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                    var result = EcsSynthesis.Synthesize(Matrix.Load(example), Options(backend) with { OutputDirectory = output }, Synth.Backends);
                    assembly = _assemblies[(example, backend)] = new Assembly(result.OutputDirectory, PureSynth.Project(Matrix.Load(example), Options(backend)));
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
                }
            }

            return assembly;
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <param name="Directory">The cloud assembly the CDK wrote.</param>
    /// <param name="Built">The templates C# built for it, without the CDK.</param>
    public sealed record Assembly(string Directory, PureSynth.Output Built);
}

[CollectionDefinition(Name)]
public sealed class CdkAssembliesCollection : ICollectionFixture<CdkAssemblies>
{
    public const string Name = "every example and backend through the CDK";
}
