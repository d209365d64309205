using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Keys with no ECS meaning: one warning each, with file:line:col, on stderr; never fatal.</summary>
public sealed class WarningTests
{
    [Fact]
    public void Keys_without_ecs_meaning_are_reported_one_line_each_with_their_location()
    {
        using var dir = new TempDir();
        dir.File("nginx.conf", "events {}\n");
        dir.File("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                build: .
                restart: always
                container_name: my-web
                networks: [front]
                logging:
                  driver: json-file
                volumes:
                  - ./nginx.conf:/etc/nginx/nginx.conf:ro
                  - ./static:/usr/share/nginx/html
                  - cache:/var/cache/nginx
            networks:
              front: {}
            volumes:
              cache: {}
            """);
        // C2E7002: this machine's Node.js past its end of life, not what is tested here.
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out", "--ignore-warnings", "C2E7002");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("synth: ", StringComparison.Ordinal) && !l.StartsWith("deploy: ", StringComparison.Ordinal)) // the closing summary
            .Where(l => !l.StartsWith('[')).ToArray(); // progress lines (no terminal here)
        Assert.All(lines, line => Assert.Matches(@"^compose\.yaml:\d+:\d+: warning: ", line));

        Assert.Contains(lines, l => l.StartsWith("compose.yaml:4:5: warning: services.web.build: not run by compose2ecs", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:5:5: warning: services.web.restart: ignored", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:6:5: warning: services.web.container_name: ignored", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:7:5: warning: services.web.networks: ignored", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:8:5: warning: services.web.logging: the json-file driver is replaced by awslogs", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:11:9: warning: services.web.volumes: the bind-mounted file ./nginx.conf is not on ECS: the app will not find /etc/nginx/nginx.conf", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:12:9: warning: services.web.volumes: bind mounts have no Fargate equivalent", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml:13:9: warning: services.web.volumes: the volume \"cache\" at /var/cache/nginx becomes task storage", StringComparison.Ordinal));

        // Sorted by line, so the output reads like the file.
        var numbers = lines.Select(l => int.Parse(l.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);

        // The named volume is still task storage, mounted where compose mounts it.
        var template = new TemplateFile(Directory.GetFiles(dir.Sub("out"), "*.template.json")[0]);
        var mount = Assert.Single(template.Container("web")["MountPoints"]!.AsArray())!;
        Assert.Equal(("cache", "/var/cache/nginx"), ((string?)mount["SourceVolume"], (string?)mount["ContainerPath"]));
    }

    [Fact]
    public void Depends_on_conditions_ecs_cannot_hold_are_warnings()
    {
        using var dir = new TempDir();
        var warnings = PureSynth.Yaml(dir, """
            services:
              app:
                image: example/app:1
                depends_on:
                  migrate:
                    condition: service_completed_successfully
                  db:
                    condition: service_healthy
              migrate:
                image: example/migrate:1
              db:
                image: postgres:16
            """).Warnings;
        Assert.Contains(warnings, w => w.Location.Line == 5 && w.Message.Contains("service_completed_successfully", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Location.Line == 7 && w.Message.Contains("db has no healthcheck", StringComparison.Ordinal));
    }
}
