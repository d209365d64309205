using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>-f layering, extends, include and profiles.</summary>
public class LayeringTests
{
    [Fact]
    public void Override_files_merge_by_the_spec_rules()
    {
        using var project = new TempProject()
            .With("compose.yaml", """
                services:
                  web:
                    image: nginx:1.25
                    command: [nginx, -g, daemon off;]
                    environment: { A: base, B: base }
                    ports: ["80:80", "443:443"]
                    labels: { team: web }
                    healthcheck: { test: [CMD, curl, base], interval: 10s }
                """)
            .With("compose.prod.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    command: [nginx]
                    environment: [B=prod, C=prod]
                    ports: ["80:80", "8443:443"]
                    healthcheck: { test: [CMD, curl, prod] }
                  worker:
                    image: worker
                """);
        var loaded = project.Load("compose.yaml", "compose.prod.yaml");
        var web = loaded.FindService("web")!;
        Assert.Equal("nginx:1.27", web.Image);
        Assert.Equal(["nginx"], web.Command!.Value.AsEnumerable());
        Assert.Equal([("A", "base"), ("B", "prod"), ("C", "prod")], web.Environment.Select(e => (e.Name, e.Value!)));
        Assert.Equal([(80, 80), (443, 443), (443, 8443)], web.Ports.Select(p => (p.Target, p.Published!.Value)));
        Assert.Equal(["CMD", "curl", "prod"], web.Healthcheck!.Test.AsEnumerable());
        Assert.Equal(TimeSpan.FromSeconds(10), web.Healthcheck.Interval);
        Assert.Equal(["web", "worker"], loaded.Services.Select(s => s.Name));
    }

    [Fact]
    public void Reset_and_override_tags()
    {
        using var project = new TempProject()
            .With("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ports: ["80:80"]
                    environment: { A: a, B: b }
                """)
            .With("override.yaml", """
                services:
                  web:
                    ports: !reset []
                    environment: !override { C: c }
                """);
        var web = project.Load("compose.yaml", "override.yaml").Services.Single();
        Assert.Empty(web.Ports);
        Assert.Equal(["C"], web.Environment.Select(e => e.Name));
    }

    [Fact]
    public void Extends_in_the_same_file_and_another_file_recursively()
    {
        using var project = new TempProject()
            .With("common/base.yaml", """
                services:
                  root:
                    image: base:1
                    environment: { LEVEL: root, ROOT: yes }
                  middle:
                    extends: root
                    environment: { LEVEL: middle }
                """)
            .With("compose.yaml", """
                services:
                  app:
                    extends: { file: common/base.yaml, service: middle }
                    environment: { LEVEL: app }
                  sibling:
                    extends: app
                    user: app
                """);
        var loaded = project.Load();
        var app = loaded.FindService("app")!;
        Assert.Equal("base:1", app.Image);
        Assert.Equal([("LEVEL", "app"), ("ROOT", "yes")], app.Environment.Select(e => (e.Name, e.Value!)));
        var sibling = loaded.FindService("sibling")!;
        Assert.Equal(("base:1", "app"), (sibling.Image, sibling.User));
    }

    [Fact]
    public void An_extends_cycle_is_an_error_showing_the_chain()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              a:
                image: x
                extends: b
              b:
                extends: c
              c:
                extends: a
            """);
        var errors = project.Errors();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("cycle", e.Message, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("compose.yaml:a -> compose.yaml:b -> compose.yaml:c -> compose.yaml:a", StringComparison.Ordinal));
    }

    [Fact]
    public void Extends_of_an_unknown_service_suggests_one()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  base: { image: x }\n  app:\n    extends: bse\n");
        var errors = project.Errors();
        DiagnosticAssert.Single(errors, 4, 14, "no service \"bse\"", "did you mean \"base\"");
    }

    [Fact]
    public void A_depends_on_cycle_is_an_error()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              a: { image: x, depends_on: [b] }
              b: { image: x, depends_on: [c] }
              c: { image: x, depends_on: [a] }
            """);
        var error = Assert.Single(project.Errors());
        Assert.Contains("dependency cycle a -> b -> c -> a", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Unknown_dependency_is_an_error_with_a_suggestion()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web: { image: x, depends_on: [dbb] }\n  db: { image: y }\n");
        DiagnosticAssert.Single(project.Errors(), 2, 33, "no service \"dbb\"", "did you mean \"db\"");
    }

    [Fact]
    public void Profiles_enable_services_and_services_without_profiles_are_always_on()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              web: { image: x }
              debug: { image: y, profiles: [debug] }
              tools: { image: z, profiles: [tools, ops] }
            """);
        Assert.Equal(["web"], project.Load().Services.Select(s => s.Name));
        var options = project.Options(new Dictionary<string, string>(), "compose.yaml") with { Profiles = ["ops"] };
        Assert.Equal(["web", "tools"], Compose2Ecs.Core.Compose.ComposeLoader.Load(options).Services.Select(s => s.Name));
        var fromEnv = project.Load(new Dictionary<string, string> { ["COMPOSE_PROFILES"] = "debug,tools" });
        Assert.Equal(["web", "debug", "tools"], fromEnv.Services.Select(s => s.Name));
    }

    [Fact]
    public void Depending_on_a_disabled_profile_says_which_profile_to_enable()
    {
        using var project = new TempProject().With("compose.yaml", """
            services:
              web: { image: x, depends_on: [debug] }
              debug: { image: y, profiles: [debug] }
            """);
        var error = Assert.Single(project.Errors());
        Assert.Contains("--profile debug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_adds_the_included_services_and_a_local_definition_merges_over_them()
    {
        using var project = new TempProject()
            .With("infra/db.yaml", "services:\n  db: { image: postgres, user: pg }\n")
            .With("compose.yaml", "include:\n  - infra/db.yaml\nservices:\n  web: { image: nginx, depends_on: [db] }\n");
        Assert.Equal(["web", "db"], project.Load().Services.Select(s => s.Name));

        // compose-go's importResources: the including file's definition over the included one.
        project.With("compose.yaml", "include:\n  - infra/db.yaml\nservices:\n  db: { image: mysql }\n");
        var db = Assert.Single(project.Load().Services);
        Assert.Equal(("mysql", "pg"), (db.Image, db.User));
    }

    [Fact]
    public void The_shell_wins_over_dotenv_and_dotenv_lines_may_use_earlier_ones()
    {
        using var project = new TempProject()
            .With(".env", "TAG=1.0\nIMAGE=registry/app:${TAG}\nPORT=80\n# comment\nexport USER_NAME='lit$eral'\n")
            .With("compose.yaml", "services:\n  web:\n    image: ${IMAGE}\n    ports: [\"${PORT}:80\"]\n    user: ${USER_NAME}\n");
        var web = project.Load(new Dictionary<string, string> { ["PORT"] = "8080" }).Services.Single();
        Assert.Equal("registry/app:1.0", web.Image);
        Assert.Equal(8080, web.Ports.Single().Published);
        Assert.Equal("lit$eral", web.User);
    }

    [Fact]
    public void Env_file_feeds_the_environment_and_environment_wins()
    {
        using var project = new TempProject()
            .With("conf/app.env", "A=from-file\nB=from-file\n")
            .With("compose.yaml", "services:\n  web:\n    image: x\n    env_file: conf/app.env\n    environment: { B: inline }\n");
        var web = project.Load().Services.Single();
        Assert.Equal([("A", "from-file"), ("B", "inline")], web.Environment.Select(e => (e.Name, e.Value!)));
    }

    [Fact]
    public void A_missing_required_env_file_is_an_error_and_an_optional_one_is_skipped()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: x\n    env_file:\n      - missing.env\n      - path: optional.env\n        required: false\n");
        var error = Assert.Single(project.Errors());
        Assert.Equal((5, 9), (error.Location.Line, error.Location.Column));
        Assert.Contains("missing.env not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_name_comes_from_the_environment_then_the_file_then_the_directory()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web: { image: x }\n");
        Assert.StartsWith("c2e-", project.Load().Name, StringComparison.Ordinal);
        project.With("compose.yaml", "name: shop\nservices:\n  web: { image: x }\n");
        Assert.Equal("shop", project.Load().Name);
        // As docker compose: COMPOSE_PROJECT_NAME wins over the top-level name.
        Assert.Equal("fromenv", project.Load(new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = "fromenv" }).Name);
    }

    [Fact]
    public void A_service_without_image_or_build_says_how_to_layer_an_override()
    {
        using var project = new TempProject().With("override.yaml", "services:\n  web:\n    environment: { A: b }\n");
        DiagnosticAssert.Single(project.Errors("override.yaml"), 2, 3, "neither \"image\" nor \"build\"", "-f base.yml -f override.yaml");
    }

    [Fact]
    public void A_missing_compose_file_is_an_input_error()
    {
        using var project = new TempProject();
        var error = Assert.Single(project.Errors("nope.yaml"));
        Assert.Equal("nope.yaml", error.Location.File);
    }

    [Fact]
    public void Compose_file_variable_names_the_files_when_no_file_is_given()
    {
        using var project = new TempProject()
            .With("a.yaml", "services:\n  web: { image: a }\n")
            .With("b.yaml", "services:\n  web: { user: b }\n");
        var options = project.Options(new Dictionary<string, string> { ["COMPOSE_FILE"] = "a.yaml:b.yaml" }) with { Files = [] };
        var web = Compose2Ecs.Core.Compose.ComposeLoader.Load(options).Services.Single();
        Assert.Equal(("a", "b"), (web.Image, web.User));
    }
}
