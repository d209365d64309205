using Compose2Ecs.Testing;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// Four real applications of the corpus traced with every backend, from the templates synth
/// builds (no CDK: trace reads the same templates the CDK is handed). Some calls cannot work with
/// some backend (the app needs what the backend cannot give, and synth says so with a located
/// diagnostic): corpus-trace-known-broken.txt lists them, one <c>file backend caller -> upstream</c>
/// per line, with <c> # why</c> after it. A call broken and not listed fails (a
/// regression); a listed call that works fails too, so the list only shrinks.
/// </summary>
public sealed class CorpusTraceTests(ITestOutputHelper log)
{
    private static readonly string[] Files =
    [
        "example-voting-app__docker-compose.yaml",
        "robot-shop__docker-compose.yaml",
        "microservices-demo__deploy__docker-compose__docker-compose.yaml",
        "opentelemetry-demo__compose.yaml",
    ];

    /// <summary>
    /// robot-shop's services declare no port (docker networks reach every port) and their images are
    /// not well known, so synth refuses it (C2E2010) and says to add the ports: this is that fix, as a
    /// user writes it, with the ports robot-shop's own Kubernetes manifests give.
    /// </summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["robot-shop__docker-compose.yaml"] = """
            services:
              mongodb: { expose: ["27017"] }
              catalogue: { expose: ["8080"] }
              user: { expose: ["8080"] }
              mysql: { expose: ["3306"] }
              shipping: { expose: ["8080"] }
              payment: { expose: ["8080"] }
            """,
    };

    [Fact]
    public void The_corpus_applications_trace_as_listed_with_every_backend()
    {
        using var dir = new TempDir();
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            string[] ports = Overrides.TryGetValue(file, out var fix) ? [dir.File($"{file}.ports.yml", fix)] : [];
            broken.UnionWith(CorpusTrace.Broken(dir, Corpus.Entry(file), ports));
        }

        var listed = CorpusTrace.Listed("corpus-trace-known-broken.txt");
        log.WriteLine($"{broken.Count} broken calls:\n{string.Join("\n", broken)}");
        Assert.True(!broken.Except(listed).Any() && !listed.Except(broken).Any(), $"the broken set differs from the list; actual:\n{string.Join("\n", broken)}");
    }
}
