using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>The config writer and its function tolerate servers and tokens that are not ready yet, within the function's time budget.</summary>
public sealed class ConfigWriterRetryTests
{
    private const string Compose = """
        name: shop
        x-mesh:
          consul: { servers: { hosts: consul.internal, tls: false } }
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api: { image: example/api:1, expose: ["8080"] }
        """;

    [Fact]
    public void The_writer_backs_off_while_consul_config_write_fails_and_then_succeeds()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        var writer = built.Container("consul-config-entries", "consul-config-writer");
        var script = (string)writer["Command"]![0]!;

        var stubs = Directory.CreateDirectory(Path.Combine(dir.Path, "stubs")).FullName;
        var log = Path.Combine(dir.Path, "sleeps");
        var count = Path.Combine(dir.Path, "count");
        Stub(stubs, "consul", $"n=$(cat {count} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {count}; [ $n -gt 3 ]");
        Stub(stubs, "sleep", $"echo \"$1\" >> {log}");
        var moved = script.Replace("/tmp/", dir.Path + "/tmp/", StringComparison.Ordinal);
        var entries = writer["Environment"]!.AsArray().First(e => (string)e!["Name"]! == "CONSUL_CONFIG_ENTRIES")!["Value"]!.ToString();
        var (code, output) = Sh(moved, dir.Path, stubs, entries);
        Assert.True(code == 0, output);
        Assert.Equal(["2", "4", "8"], File.ReadAllLines(log));
    }

    [Fact]
    public void The_function_retries_run_task_within_its_remaining_time_and_answers_failed_otherwise()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        var code = (string)built.Properties("ConsulConfigEntriesFunction")["Code"]!["ZipFile"]!;
        var file = Path.Combine(dir.Path, "index.py");
        File.WriteAllText(file, code);
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"import ast,sys; t=ast.parse(open({System.Text.Json.JsonSerializer.Serialize(file)}).read()); " +
            "f={n.name:n for n in t.body if isinstance(n,ast.FunctionDef)}; src=ast.unparse(f['run_task']); " +
            "sys.exit(0 if 'get_remaining_time_in_millis' in src and 'time.sleep(delay)' in src and 'FAILED' in ast.unparse(f['handler']) else 3)");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }

    private static void Stub(string dir, string name, string body)
    {
        var file = Path.Combine(dir, name);
        File.WriteAllText(file, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static (int Code, string Output) Sh(string script, string cwd, string stubs, string entries)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-ec");
        start.ArgumentList.Add(script);
        start.Environment["PATH"] = $"{stubs}:/usr/bin:/bin";
        start.Environment["CONSUL_CONFIG_ENTRIES"] = entries;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
