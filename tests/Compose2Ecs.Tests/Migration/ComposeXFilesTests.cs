using Compose2Ecs.ServiceConnect;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Migration.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Migration.Tests;

/// <summary>
/// <c>migrate</c> on ECS ComposeX's own x-appmesh files (its last commit with App Mesh, and older
/// ones), read by path from the conformance folder. The target is what ComposeX deployed: these
/// assert the migrated mesh model (egress, mesh import, nodes → services, backends → upstreams,
/// routes, weights) and the notes' places, without the CDK except where a test says so.
/// </summary>
public sealed class ComposeXFilesTests
{
    private static string Case(string name, string file = "input.yml") =>
        Path.Combine(Paths.Shared, "conformance", "composex-migrate", "cases", name, file);

    /// <summary>Migrates the files as <c>migrate -f … -f …</c> would and loads the result with the written backend's checks.</summary>
    private static (MigrationResult Result, MeshModel Model) MigrateAndRead(TempDir dir, string? mesh, params string[] files)
    {
        var result = ComposeXMigrator.Migrate([.. files.Select(f => new MigrationInput(File.ReadAllText(f), f))]);
        var names = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            dir.File(name, file == result.File ? result.Text : File.ReadAllText(file));
            names.Add(name);
        }

        return (result, MeshReader.Read(Synth.Load(dir.Path, [.. names]), mesh, Synth.Backends.All));
    }

    private static string Rules(MeshModel model, string route) =>
        string.Join(" | ", model.Routes.Single(r => r.Name == route).Rules.Select(r =>
            $"{r.Match?.Method} {r.Match?.Path?.Value} -> {string.Join(",", r.Targets.Select(t => $"{t.Service}:{t.Weight}"))}".Trim()));

    [Fact]
    public void The_app_mesh_setup_composex_tested_migrates_as_a_base_and_an_override()
    {
        using var dir = new TempDir();
        var (result, model) = MigrateAndRead(dir, AppMeshSpec.Name, Case("blog.features+new_mesh", "base-fixed.yml"), Case("blog.features+new_mesh", "override.yml"));

        Assert.EndsWith("override.yml", result.File, StringComparison.Ordinal);
        Assert.Equal(AppMeshSpec.Name, model.Backend);
        Assert.Equal(EgressMode.AllowAll, model.Egress); // Properties: {} made an ALLOW_ALL mesh
        Assert.Equal("test.lan", model.Namespace);
        Assert.Equal("GET /date -> app02:1", Rules(model, "dateteller"));

        // Family bignicefamily = {app01, rproxy}: its node's Port 80 is rproxy's, so rproxy takes the node and its backend.
        Assert.Equal("-> rproxy:1", Rules(model, "api"));
        var rproxy = model.Services.Single(s => s.Name == "rproxy");
        Assert.Equal(["dateteller"], rproxy.Upstreams.Select(u => u.Upstream));
        var app02 = model.Services.Single(s => s.Name == "app02");
        Assert.Equal((5000, MeshProtocol.Http), (app02.Listener!.Port, app02.Listener.Protocol));
        Assert.Equal(MeshProtocol.Tcp, model.Services.Single(s => s.Name == "app03").Listener!.Protocol);
        Assert.DoesNotContain(model.PlainServices, p => p.Name == "rproxy");

        // ComposeX told the app where its backend is.
        var project = Synth.Load(dir.Path, "base-fixed.yml", "override.yml");
        Assert.Contains(project.Services.Single(s => s.Name == "rproxy").Environment, e => e.Name == "DATETELLER_BACKEND" && e.Value == "dateteller.test.lan");

        // Its router matches GET /date, which Service Connect cannot express: refused at the route.
        var refused = Assert.Throws<InvalidInputException>(() => MeshReader.Read(project, ServiceConnectSpec.Name, Synth.Backends.All));
        Assert.Contains(refused.Errors, e => e.Location.File.EndsWith("override.yml", StringComparison.Ordinal));

        var input = File.ReadAllText(Case("blog.features+new_mesh", "override.yml"));
        Located.At(result.Report, input, "Scheme: http", "match Scheme has no x-mesh equivalent", Severity.Warning);
    }

    [Fact]
    public void The_layered_command_writes_the_override_and_an_override_alone_is_told_how_to_run()
    {
        using var dir = new TempDir();
        var base_ = Case("blog.features+new_mesh", "base-fixed.yml");
        var over = Case("new_mesh");
        var layered = CliRunner.Run(dir.Path, "migrate", "-f", base_, "-f", over, "-o", "out.yml");
        Assert.True(layered.ExitCode == 0, layered.Error);
        Assert.Contains("x-mesh:", File.ReadAllText(dir.Sub("out.yml")), StringComparison.Ordinal);

        var alone = CliRunner.Run(dir.Path, "migrate", "-f", over, "-o", "alone.yml");
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("-f base.yml -f", alone.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("alone.yml")));

        // An override where no node is a service of its own: an error at x-appmesh, not an empty mesh.
        var allowAll = CliRunner.Run(dir.Path, "migrate", "-f", Case("allow_all"), "-o", "none.yml");
        Assert.Equal(1, allowAll.ExitCode);
        var (line, column) = Located.Position(File.ReadAllText(Case("allow_all")), "x-appmesh:");
        Assert.Contains($"input.yml:{line}:{column}: error:", allowAll.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("none.yml")));
    }

    [Fact]
    public void A_shared_mesh_keeps_drop_all_and_its_task_family_stays_in_the_mesh()
    {
        using var dir = new TempDir();
        var (result, model) = MigrateAndRead(dir, null, Case("shared_mesh"));
        Assert.Equal("test-shared-mesh", model.Name);
        Assert.Equal(EgressMode.DropAll, model.Egress); // Properties has MeshName and no Spec: App Mesh's default
        Assert.Equal("/date/utc -> app03:1 | GET /date -> app02:1", Rules(model, "dateteller"));
        Assert.Equal("-> app01:1", Rules(model, "api"));
        Assert.Equal(["dateteller"], model.Services.Single(s => s.Name == "app01").Upstreams.Select(u => u.Upstream));
        Assert.DoesNotContain(model.PlainServices, p => p.Name == "rproxy");
        Assert.DoesNotContain(result.Report, d => d.Message.StartsWith("services.rproxy", StringComparison.Ordinal));
    }

    [Fact]
    public void Mesh_properties_map_as_composex_read_them()
    {
        using var dir = new TempDir();
        // 2020: Properties {MeshName, MeshOwner, EgressFilter: ALLOW_ALL}.
        var (_, shared) = MigrateAndRead(dir, AppMeshSpec.Name, Case("hist-allow_all-2020-10"));
        Assert.Equal(EgressMode.AllowAll, shared.Egress);
        Assert.Equal((true, "965289391954"), (shared.Settings<AppMeshSettings>().Existing, shared.Settings<AppMeshSettings>().MeshOwner));

        using var dir2 = new TempDir();
        var (cfnResult, cfn) = MigrateAndRead(dir2, AppMeshSpec.Name, Case("odd-egress-cfn-spec"));
        Assert.Equal(EgressMode.AllowAll, cfn.Egress);
        Assert.DoesNotContain(cfnResult.Report, d => d.Message.Contains("Properties.Spec", StringComparison.Ordinal));

        using var dir3 = new TempDir();
        var (lookupResult, lookup) = MigrateAndRead(dir3, AppMeshSpec.Name, Case("odd-lookup"));
        Assert.Equal("platform-mesh", lookup.Name);
        Assert.Equal((true, "123456789012"), (lookup.Settings<AppMeshSettings>().Existing, lookup.Settings<AppMeshSettings>().MeshOwner));
        Assert.DoesNotContain(lookupResult.Report, d => d.Message.Contains("Lookup", StringComparison.Ordinal));
    }

    [Fact]
    public void The_2020_form_keyed_by_mesh_name_is_read()
    {
        using var dir = new TempDir();
        var (result, model) = MigrateAndRead(dir, AppMeshSpec.Name, Case("hist-blog-2020-root"));
        Assert.Equal("root", model.Name);
        Assert.Equal(["dateteller"], model.Services.Single(s => s.Name == "app01").Upstreams.Select(u => u.Upstream));

        // ComposeX sent both targets weight 1; the written 1:2 is kept and said so at the route.
        var input = File.ReadAllText(Case("hist-blog-2020-root"));
        Located.At(result.Report, input, "match:\n                  prefix: /date", "ComposeX deployed every target at weight 1", Severity.Warning);
        Assert.Equal("/date -> app02:1,app03:2", Rules(model, "dateteller"));
    }

    [Fact]
    public void What_composex_refused_or_never_read_is_a_located_note()
    {
        var input = File.ReadAllText(Case("neg-router_route")).ReplaceLineEndings("\n");
        var report = ComposeXMigrator.Migrate(input, "router_route.yml").Report;
        var note = Assert.Single(report, d => d.Message.Contains("so its tcp routes", StringComparison.Ordinal));
        Assert.Contains("ComposeX refused", note.Message, StringComparison.Ordinal);
        Assert.All(report, d => Assert.True(d.Location.Line > 0, $"unlocated: {d}"));

        var keys = File.ReadAllText(Case("odd-unknown-keys")).ReplaceLineEndings("\n");
        var unknown = ComposeXMigrator.Migrate(keys, "keys.yml").Report;
        Located.At(unknown, keys, "Backend: [api]", "Backend is not a key ComposeX accepted", Severity.Warning);
        Located.At(unknown, keys, "HealthCheck:", "HealthCheck is not a key ComposeX accepted", Severity.Warning);
        Located.At(unknown, keys, "Timeout: 15s", "Timeout is not a key ComposeX accepted", Severity.Warning);
        Located.At(unknown, keys, "method: WRONGONE", "method is not a key ComposeX accepted", Severity.Warning);
        Located.At(unknown, keys, "{Name: api, Node: api, Router: r", "names both Node api and Router r", Severity.Warning);
    }

    [Fact]
    public void A_file_where_nothing_maps_is_an_error()
    {
        var input = File.ReadAllText(Case("hist-blog-all-features-2020-10"));
        var error = Assert.Throws<InvalidInputException>(() => ComposeXMigrator.Migrate(input, "all-features.yml"));
        var (line, column) = Located.Position(input, "x-appmesh:");
        Assert.Contains(error.Errors, e => e.Location.Line == line && e.Location.Column == column);
    }

    [Fact]
    public void Colliding_virtual_service_names_become_distinct_routes_and_callers_are_told()
    {
        using var dir = new TempDir();
        var (result, model) = MigrateAndRead(dir, ServiceConnectSpec.Name, Case("odd-vs-collide"));
        Assert.Equal(["api", "api-external"], model.Routes.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["api", "api-external"], model.Services.Single(s => s.Name == "front").Upstreams.Select(u => u.Upstream).Order(StringComparer.Ordinal));
        var input = File.ReadAllText(Case("odd-vs-collide"));
        Located.At(result.Report, input, "api.external, Node: app03", "becomes route api-external", Severity.Warning);
    }

    /// <summary>A ComposeX file Service Connect can express, migrated, builds templates (those synth hands to the CDK) that pass cfn-check.</summary>
    [Fact]
    public void A_composex_file_with_single_target_routes_builds_service_connect_templates_that_pass_cfn_check()
    {
        using var dir = new TempDir();
        var (result, model) = MigrateAndRead(dir, ServiceConnectSpec.Name, Case("neg-router_service"));
        Assert.Equal(ServiceConnectSpec.Name, result.Backend);
        Assert.NotEmpty(model.Services);
        var output = PureSynth.Project(Synth.Load(dir.Path, "input.yml"), new SynthOptions { Mesh = ServiceConnectSpec.Name });
        CfnCheck.AssertPasses([output.WriteTo(dir.Sub("out"))]);
    }
}
