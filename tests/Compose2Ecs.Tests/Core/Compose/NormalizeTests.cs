using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Short syntax to long syntax, through the public loader.</summary>
public class NormalizeTests
{
    private static ComposeService LoadService(string serviceYaml, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: nginx\n" + serviceYaml);
        return project.Load(environment ?? new Dictionary<string, string>()).Services.Single();
    }

    private static IReadOnlyList<Compose2Ecs.Core.Diagnostics.Diagnostic> ServiceErrors(string serviceYaml)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: nginx\n" + serviceYaml);
        return project.Errors();
    }

    [Fact]
    public void Port_ranges_expand_to_one_port_each()
    {
        var web = LoadService("    ports: [\"80-82:8080-8082\"]\n");
        Assert.Equal([8080, 8081, 8082], web.Ports.Select(p => p.Target));
        Assert.Equal([80, 81, 82], web.Ports.Select(p => p.Published!.Value));
    }

    [Theory]
    [InlineData("\"8080\"", 8080, null, null, "tcp")]
    [InlineData("\"8080:80\"", 80, 8080, null, "tcp")]
    [InlineData("\"127.0.0.1:8080:80/udp\"", 80, 8080, "127.0.0.1", "udp")]
    [InlineData("\"[::1]:53:53/udp\"", 53, 53, "::1", "udp")]
    [InlineData("80:80", 80, 80, null, "tcp")]
    [InlineData("3000", 3000, null, null, "tcp")]
    public void Short_ports_become_long_ports(string spec, int target, int? published, string? hostIp, string protocol)
    {
        var port = LoadService($"    ports:\n      - {spec}\n").Ports.Single();
        Assert.Equal((target, published, hostIp, protocol), (port.Target, port.Published, port.HostIp, port.Protocol));
    }

    [Fact]
    public void Long_ports_keep_app_protocol_and_name()
    {
        var port = LoadService("    ports:\n      - target: 50051\n        published: \"443\"\n        app_protocol: grpc\n        name: api\n").Ports.Single();
        Assert.Equal((50051, 443, "grpc", "api"), (port.Target, port.Published, port.AppProtocol, port.Name));
    }

    [Fact]
    public void Invalid_host_ip_is_an_error()
    {
        var errors = ServiceErrors("    ports:\n      - \"127.0.1:8080:80\"\n");
        DiagnosticAssert.Single(errors, 5, 9, "services.web.ports[0]", "\"127.0.1:8080:80\"", "not a valid IP address");
    }

    [Fact]
    public void Port_out_of_range_says_the_range()
    {
        var errors = ServiceErrors("    ports:\n      - \"80:8080\"\n      - \"80:99999\"\n");
        DiagnosticAssert.Single(errors, 6, 9, "ports[1]: \"80:99999\": port 99999 is out of range 1-65535");
    }

    [Theory]
    [InlineData("1g", 1073741824L)]
    [InlineData("512m", 536870912L)]
    [InlineData("640kb", 655360L)]
    [InlineData("1.5G", 1610612736L)]
    [InlineData("2gb", 2147483648L)]
    [InlineData("1024", 1024L)]
    public void Byte_sizes_are_binary_multiples(string size, long bytes)
    {
        Assert.Equal(bytes, LoadService($"    mem_limit: {size}\n").MemLimitBytes);
    }

    [Fact]
    public void Invalid_byte_size_is_an_error_with_an_example()
    {
        var errors = ServiceErrors("    mem_limit: lots\n");
        DiagnosticAssert.Single(errors, 4, 16, "services.web.mem_limit", "512m");
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("'0.5'", 0.5)]
    [InlineData("2", 2.0)]
    public void Cpus_read_as_number_or_string(string cpus, double expected)
    {
        var web = LoadService($"    deploy:\n      resources:\n        limits:\n          cpus: {cpus}\n");
        Assert.Equal(expected, web.Deploy!.Limits!.Cpus);
    }

    [Fact]
    public void Environment_values_become_strings_and_bare_keys_come_from_the_environment()
    {
        var web = LoadService("    environment:\n      FOO: true\n      PORT: 8080\n      FROM_SHELL:\n      MISSING:\n", new Dictionary<string, string> { ["FROM_SHELL"] = "shell" });
        var env = web.Environment.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("true", env["FOO"]);
        Assert.Equal("8080", env["PORT"]);
        Assert.Equal("shell", env["FROM_SHELL"]);
        Assert.Null(env["MISSING"]);
    }

    [Fact]
    public void Environment_list_form_splits_at_the_first_equals()
    {
        var web = LoadService("    environment:\n      - A=b=c\n      - EMPTY=\n      - BARE\n");
        var env = web.Environment.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("b=c", env["A"]);
        Assert.Equal("", env["EMPTY"]);
        Assert.Null(env["BARE"]);
    }

    [Fact]
    public void A_string_healthcheck_test_runs_in_a_shell()
    {
        var hc = LoadService("    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n      interval: 1m30s\n      timeout: 5s\n      retries: 3\n      start_period: 500ms\n").Healthcheck!;
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], hc.Test.AsEnumerable());
        Assert.Equal(TimeSpan.FromSeconds(90), hc.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), hc.Timeout);
        Assert.Equal(3, hc.Retries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), hc.StartPeriod);
    }

    [Fact]
    public void Healthcheck_disable_is_kept()
    {
        Assert.True(LoadService("    healthcheck:\n      disable: true\n").Healthcheck!.Disable);
    }

    [Fact]
    public void Invalid_duration_is_an_error()
    {
        var errors = ServiceErrors("    healthcheck:\n      test: [CMD, \"true\"]\n      interval: 10 seconds\n");
        DiagnosticAssert.Single(errors, 6, 17, "healthcheck.interval", "1m30s");
    }

    [Fact]
    public void Durations_combine_units()
    {
        Assert.Equal(new TimeSpan(0, 1, 5, 30, 20), LoadService("    stop_grace_period: 1h5m30s20ms\n").StopGracePeriod);
    }

    [Fact]
    public void Depends_on_list_and_map_forms()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              db: { image: postgres }
              cache: { image: redis }
              web:
                image: nginx
                depends_on: [db]
              api:
                image: api
                depends_on:
                  db: { condition: service_healthy }
                  cache: { condition: service_started, required: false }
            """);
        var loaded = project.Load();
        var web = loaded.FindService("web")!;
        Assert.Equal(("db", ServiceDependency.Started, true), (web.DependsOn[0].Service, web.DependsOn[0].Condition, web.DependsOn[0].Required));
        var api = loaded.FindService("api")!;
        Assert.Equal(ServiceDependency.Healthy, api.DependsOn.Single(d => d.Service == "db").Condition);
        Assert.False(api.DependsOn.Single(d => d.Service == "cache").Required);
    }

    [Fact]
    public void Command_strings_split_like_a_shell()
    {
        var web = LoadService("    command: sh -c 'echo \"hi there\" && sleep 1'\n    entrypoint: [\"/init\", \"--\"]\n");
        Assert.Equal(["sh", "-c", "echo \"hi there\" && sleep 1"], web.Command!.Value.AsEnumerable());
        Assert.Equal(["/init", "--"], web.Entrypoint!.Value.AsEnumerable());
    }

    [Fact]
    public void Secrets_short_and_long_syntax()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              web:
                image: nginx
                secrets:
                  - db_password
                  - source: api_key
                    target: /etc/api_key
            secrets:
              db_password:
                external: true
                name: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
              api_key:
                file: ./api_key.txt
            """);
        var loaded = project.Load();
        var web = loaded.Services.Single();
        Assert.Equal([("db_password", "/run/secrets/db_password"), ("api_key", "/etc/api_key")], web.Secrets.Select(s => (s.Source, s.Target)));
        Assert.True(loaded.FindSecret("db_password")!.External);
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db", loaded.FindSecret("db_password")!.ExternalName);
        Assert.Equal("./api_key.txt", loaded.FindSecret("api_key")!.File);
    }

    [Fact]
    public void Ulimits_number_or_soft_hard()
    {
        var web = LoadService("    ulimits:\n      nproc: 65535\n      nofile:\n        soft: 20000\n        hard: 40000\n");
        Assert.Equal([("nproc", 65535L, 65535L), ("nofile", 20000L, 40000L)], web.Ulimits.Select(u => (u.Name, u.Soft, u.Hard)));
    }

    [Fact]
    public void Volumes_short_syntax_tells_bind_from_volume()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: nginx\n    volumes:\n      - data:/var/lib/data\n      - ./conf:/etc/conf:ro\n      - /tmp/cache\nvolumes:\n  data: {}\n");
        var web = project.Load().Services.Single();
        Assert.Equal("volume", web.Volumes[0].Type);
        Assert.Equal("bind", web.Volumes[1].Type);
        Assert.True(web.Volumes[1].ReadOnly);
        Assert.Equal("/tmp/cache", web.Volumes[2].Target);
    }

    [Fact]
    public void Unknown_service_key_suggests_the_nearest()
    {
        var errors = ServiceErrors("    enviroment:\n      A: b\n");
        DiagnosticAssert.Single(errors, 4, 5, "unknown key \"enviroment\"", "did you mean \"environment\"");
    }

    [Fact]
    public void X_keys_are_kept_at_every_level()
    {
        using var project = new TempProject().With("compose.yaml", """
            x-mesh: { name: shop }
            services:
              web:
                image: nginx
                x-mesh: { port: 8080 }
                ports:
                  - target: 80
                    x-note: kept
            """);
        var loaded = project.Load();
        Assert.IsType<MappingNode>(loaded.Extension("x-mesh"));
        var web = loaded.Services.Single();
        Assert.IsType<MappingNode>(web.Mesh);
        var port = (MappingNode)((SequenceNode)web.Node["ports"]!).Items[0];
        Assert.Equal("kept", ((ScalarNode)port["x-note"]!).Value);
    }

    [Fact]
    public void Wrong_types_are_reported_with_what_would_be_right()
    {
        var errors = ServiceErrors("    ports: 8080\n    read_only: maybe\n");
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.At(errors[0], 4, 12, "services.web.ports", "must be a list of ports");
        DiagnosticAssert.At(errors[1], 5, 16, "services.web.read_only", "must be true or false");
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("99999999999h")]
    public void Absurd_durations_are_errors_not_overflows(string duration)
    {
        var errors = ServiceErrors($"    stop_grace_period: {duration}\n");
        DiagnosticAssert.Single(errors, 4, 24, "services.web.stop_grace_period", "is not a duration");
    }
}
