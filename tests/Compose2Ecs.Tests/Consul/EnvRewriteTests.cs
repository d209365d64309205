using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// Spec §2: with Consul on Fargate (no transparent proxy) environment values that name an upstream
/// are rewritten to its local listener, the rest of the value byte for byte; each rewrite is a
/// located note C2E5005, each value left pointing at a mesh name a located C2E5006.
/// </summary>
public sealed class EnvRewriteTests
{
    private static string Compose(string environment, string consul = "") => $$"""
        name: shop
        x-mesh:
          namespace: shop.local
          consul:
            servers: { hosts: consul.example.internal, security_group: sg-0123456789abcdef0 }
        {{consul}}
          routes:
            orders: { port: 7000, rules: [ { targets: { api: 1 } } ] }
        services:
          web:
            image: w
            expose: ["8000"]
            environment:
        {{environment}}
            x-mesh:
              upstreams:
                - { service: api, local_port: 20123 }
                - { service: db, local_port: 20124 }
                - { service: kafka1, local_port: 20125 }
                - { service: kafka2, local_port: 20126 }
                - { service: cache, local_port: 6379 }
                - { service: orders, local_port: 20127 }
          api: { image: a, expose: ["8080"] }
          db: { image: postgres:16, expose: ["5432"] }
          kafka1: { image: k, expose: ["9092"] }
          kafka2: { image: k, expose: ["9092"] }
          cache: { image: redis:7, expose: ["6379"] }
          audit: { image: x, expose: ["9000"] }
        """;

    private static (Dictionary<string, string> Env, IReadOnlyList<Diagnostic> Warnings) Synth(string compose)
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, compose);
        var env = built.Container("web", "web")["Environment"]!.AsArray()
            .ToDictionary(e => (string)e!["Name"]!, e => (string)e!["Value"]!, StringComparer.Ordinal);
        return (env, built.Plan.Warnings);
    }

    [Theory]
    [InlineData("http://api:8080/v1/api/items?q=api&page=2#api", "http://localhost:20123/v1/api/items?q=api&page=2#api")]
    [InlineData("http://api.shop.local:8080", "http://localhost:20123")]
    [InlineData("api:8080", "localhost:20123")]
    [InlineData("postgres://shop:p%40ss:word@db:5432/orders?sslmode=disable", "postgres://shop:p%40ss:word@localhost:20124/orders?sslmode=disable")]
    [InlineData("jdbc:postgresql://db.shop.local:5432/orders", "jdbc:postgresql://localhost:20124/orders")]
    [InlineData("kafka1:9092,kafka2:9092", "localhost:20125,localhost:20126")]
    [InlineData("kafka://kafka1:9092,kafka2:9092/topic", "kafka://localhost:20125,localhost:20126/topic")]
    [InlineData("http://api", "http://localhost:20123")]
    [InlineData("cache", "localhost")]
    [InlineData("redis://cache:6379/0", "redis://localhost:6379/0")]
    [InlineData("grpc://orders:7000", "grpc://localhost:20127")]
    [InlineData("--target=api:8080 --db db:5432", "--target=localhost:20123 --db localhost:20124")]
    public void An_address_of_an_upstream_becomes_its_local_listener_and_the_rest_stays(string value, string expected)
    {
        var compose = Compose($"      X: \"{value}\"");
        var (env, warnings) = Synth(compose);
        Assert.Equal(expected, env["X"]);
        var note = Assert.Single(warnings, w => w.Code == ConsulDiagnosticCodes.EnvRewritten);
        Assert.Equal(Severity.Note, note.Severity);
        Assert.Equal(Position(compose, "X: "), (note.Location.Line, note.Location.Column));
        Assert.DoesNotContain(warnings, w => w.Code == ConsulDiagnosticCodes.EnvNamesMesh);
    }

    [Theory]
    [InlineData("myapi:8080")]
    [InlineData("api_key")]
    [InlineData("api-gateway:8080")]
    [InlineData("https://api.example.com:8080/x")]
    [InlineData("the api is down")]
    [InlineData("apidb")]
    [InlineData("localhost:8080")]
    public void A_value_that_merely_contains_a_name_is_left_alone(string value)
    {
        var (env, warnings) = Synth(Compose($"      X: \"{value}\""));
        Assert.Equal(value, env["X"]);
        Assert.DoesNotContain(warnings, w => w.Code is ConsulDiagnosticCodes.EnvRewritten or ConsulDiagnosticCodes.EnvNamesMesh);
    }

    [Fact]
    public void A_service_that_is_no_upstream_of_the_caller_is_left_alone_and_said_to_bypass_the_mesh()
    {
        var compose = Compose("      AUDIT: http://audit:9000/log");
        var (env, warnings) = Synth(compose);
        Assert.Equal("http://audit:9000/log", env["AUDIT"]);
        var warning = Assert.Single(warnings, w => w.Code == ConsulDiagnosticCodes.EnvNamesMesh);
        Assert.Equal(Position(compose, "AUDIT: "), (warning.Location.Line, warning.Location.Column));
        Assert.DoesNotContain(warnings, w => w.Code == ConsulDiagnosticCodes.EnvRewritten);
    }

    [Fact]
    public void A_bare_host_whose_port_is_elsewhere_and_another_port_are_left_with_a_warning_each()
    {
        var compose = Compose("      DB_HOST: db\n      METRICS: api:9100");
        var (env, warnings) = Synth(compose);
        Assert.Equal("db", env["DB_HOST"]);
        Assert.Equal("api:9100", env["METRICS"]);
        Assert.Equal(
            [Position(compose, "DB_HOST: "), Position(compose, "METRICS: ")],
            warnings.Where(w => w.Code == ConsulDiagnosticCodes.EnvNamesMesh).Select(w => (w.Location.Line, w.Location.Column)).Order());
    }

    [Fact]
    public void A_value_with_a_password_is_rewritten_without_echoing_it()
    {
        var (_, warnings) = Synth(Compose("      DATABASE_URL: postgres://shop:s3cr3t@db:5432/orders"));
        var note = Assert.Single(warnings, w => w.Code == ConsulDiagnosticCodes.EnvRewritten);
        Assert.Equal(Severity.Note, note.Severity);
        Assert.DoesNotContain("s3cr3t", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_env_false_keeps_every_value_and_warns_at_each_one_that_names_a_mesh_name()
    {
        var compose = Compose("      API_URL: http://api:8080\n      DB: db:5432\n      PLAIN: hello", "    rewrite_env: false");
        var (env, warnings) = Synth(compose);
        Assert.Equal("http://api:8080", env["API_URL"]);
        Assert.Equal("db:5432", env["DB"]);
        Assert.DoesNotContain(warnings, w => w.Code == ConsulDiagnosticCodes.EnvRewritten);
        Assert.Equal(
            [Position(compose, "API_URL: "), Position(compose, "DB: ")],
            warnings.Where(w => w.Code == ConsulDiagnosticCodes.EnvNamesMesh).Select(w => (w.Location.Line, w.Location.Column)).Order());
    }

    [Fact]
    public void Rewrite_env_must_be_a_boolean()
    {
        using var dir = new TempDir();
        var compose = Compose("      X: y", "    rewrite_env: sometimes");
        var error = Assert.Throws<InvalidInputException>(() => Consul.Build(dir, compose));
        var at = Position(compose, "sometimes");
        Assert.Contains(error.Errors, e => e.Location.Line == at.Line && e.Location.Column == at.Column);
    }

    private static (int Line, int Column) Position(string text, string at)
    {
        var index = text.IndexOf(at, StringComparison.Ordinal);
        Assert.True(index >= 0, $"no \"{at}\" in the compose text");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        return (line, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
