using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Checks of a service's own x-mesh (spec §2): one input each, asserting the message and where it points.</summary>
public sealed class ServiceCheckTests
{
    [Fact]
    public void Unknown_key_suggests_the_nearest()
    {
        var error = UnknownKeyAt("""
            services:
              api:
                image: api
                expose: ["80"]
                x-mesh:
                  upstream: [web]
            """, "upstream:", "upstream", "upstreams");
        Assert.StartsWith("services.api.x-mesh: ", error.Message);
    }

    [Fact]
    public void X_keys_are_ignored()
    {
        var model = Read("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { x-owner: team-a, port: 80 } }
            """);
        Assert.Equal(80, model.FindService("api")!.Listener!.Port);
    }

    [Fact]
    public void X_mesh_of_a_wrong_type() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: yes }
            """, "yes", "must be a mapping, true, or false (to leave the mesh), not \"yes\"");

    [Fact]
    public void Port_of_a_wrong_type() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { port: http } }
            """, "http", "x-mesh.port: must be a whole number from 1 to 65535, not \"http\"");

    [Fact]
    public void Port_out_of_range() =>
        ErrorAt("""
            services:
              api: { image: api, x-mesh: { port: 70000 } }
            """, "70000", "70000 is out of range; use a whole number from 1 to 65535");

    [Fact]
    public void Port_that_is_not_a_container_port() =>
        ErrorAt("""
            services:
              api:
                image: api
                ports: ["8080"]
                expose: ["9000"]
                x-mesh: { port: 9090 }
            """, "9090", "9090 is not a container port of api (8080, 9000); use one of them, or add 9090 to the service's expose");

    [Fact]
    public void Port_is_allowed_when_the_service_declares_no_container_ports()
    {
        var model = Read("""
            services:
              api: { image: api, x-mesh: { port: 9090 } }
            """);
        Assert.Equal(9090, model.FindService("api")!.Listener!.Port);
    }

    [Fact]
    public void Protocol_value_suggests_the_nearest() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { protocol: htp } }
            """, "htp", "\"htp\" is not one of http | http2 | grpc | tcp; did you mean \"http\"?");

    [Fact]
    public void App_protocol_that_is_no_mesh_protocol() =>
        ErrorAt("""
            x-mesh: {}
            services:
              db:
                image: db
                ports:
                  - target: 3306
                    app_protocol: mysql
            """, "target: 3306", "app_protocol \"mysql\" of port 3306 is not a mesh protocol (http, http2, grpc, tcp); set x-mesh.protocol on the service");

    [Fact]
    public void Outbound_only_with_a_listener_key() =>
        ErrorAt("""
            services:
              worker:
                image: w
                x-mesh:
                  outbound_only: true
                  port: 8080
            """, "port:", "outbound_only: true means the service has no listener; remove this key, or remove outbound_only");

    [Fact]
    public void Listener_settings_on_a_service_without_any_port() =>
        ErrorAt("""
            services:
              worker:
                image: w
                x-mesh:
                  health_check: { path: /healthz }
            """, "health_check", "worker has no container port, so it has no listener; set x-mesh.port (or ports/expose on the service), or remove health_check");

    [Fact]
    public void Outbound_only_of_a_wrong_type() =>
        ErrorAt("""
            services:
              worker: { image: w, x-mesh: { outbound_only: sometimes } }
            """, "sometimes", "outbound_only: must be true or false, not \"sometimes\"");

    [Fact]
    public void Health_check_path_on_tcp() =>
        ErrorAt("""
            services:
              db:
                image: db
                expose: ["5432"]
                x-mesh:
                  protocol: tcp
                  health_check: { path: /healthz }
            """, "path", "a tcp listener has no paths to check; remove path");

    [Fact]
    public void Health_check_path_must_start_with_a_slash() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { health_check: { path: healthz } } }
            """, "healthz }", "\"healthz\" must start with '/', such as /healthz");

    [Fact]
    public void Health_check_timeout_must_be_shorter_than_the_interval() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { health_check: { interval: 5s, timeout: 5s } } }
            """, "5s }", "timeout: must be shorter than the interval (5s)");

    [Fact]
    public void Health_check_threshold_out_of_range() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { health_check: { healthy_threshold: 0 } } }
            """, "0 }", "healthy_threshold: 0 is out of range; use a whole number from 1 to 10");

    [Fact]
    public void Invalid_duration() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { timeout: { per_request: 15 secs } } }
            """, "15 secs", "timeout.per_request: \"15 secs\" is not a duration; write one such as 15s, 1m30s or 500ms");

    [Fact]
    public void Zero_duration() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { timeout: { per_request: 0s } } }
            """, "0s", "timeout.per_request: must be longer than 0s");

    [Fact]
    public void Per_request_timeout_on_tcp() =>
        ErrorAt("""
            services:
              db: { image: db, expose: ["5432"], x-mesh: { protocol: tcp, timeout: { per_request: 5s } } }
            """, "per_request", "a tcp listener has no requests; use idle, or set the protocol to http, http2 or grpc");

    [Fact]
    public void Request_limits_in_a_tcp_connection_pool() =>
        ErrorAt("""
            services:
              db: { image: db, expose: ["5432"], x-mesh: { protocol: tcp, connection_pool: { max_requests: 5 } } }
            """, "max_requests", "connection_pool.max_requests: a tcp listener has no requests; use max_connections");

    [Fact]
    public void Outlier_ejection_percent_out_of_range() =>
        ErrorAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { outlier_detection: { max_ejection_percent: 150 } } }
            """, "150", "max_ejection_percent: 150 is out of range; use a whole number from 0 to 100");

    [Fact]
    public void Unknown_key_in_a_policy() =>
        UnknownKeyAt("""
            services:
              api: { image: api, expose: ["80"], x-mesh: { connection_pool: { max_connection: 5 } } }
            """, "max_connection:", "max_connection", "max_connections");

    [Fact]
    public void A_database_port_defaults_to_tcp_without_warning()
    {
        const string yaml = """
            x-mesh: {}
            services:
              db: { image: postgres, expose: ["5432"] }
            """;
        var model = Read(yaml, AppMeshSpec.Name);

        Assert.Empty(model.Warnings);
        Assert.Equal(MeshProtocol.Tcp, model.FindService("db")!.Listener!.Protocol);
    }

    [Fact]
    public void A_database_port_declared_http_warns_that_its_traffic_will_break()
    {
        const string yaml = """
            x-mesh: {}
            services:
              db: { image: postgres, expose: ["5432"], x-mesh: { protocol: http } }
            """;
        var model = Read(yaml, AppMeshSpec.Name);

        var warning = Assert.Single(model.Warnings);
        Assert.Equal((Severity.Warning, MeshDiagnosticCodes.NonHttpPortAsHttp), (warning.Severity, warning.Code));
        Assert.Equal(Position(yaml, "http }"), (warning.Location.Line, warning.Location.Column));
        Assert.Equal(MeshProtocol.Http, model.FindService("db")!.Listener!.Protocol);
    }

    [Fact]
    public void Without_a_mesh_backend_the_protocol_of_a_database_port_is_not_worth_a_warning()
    {
        var model = Read("x-mesh: {}\nservices:\n  db: { image: postgres, expose: [\"5432\"] }\n", MeshBackends.None);
        Assert.Empty(model.Warnings);
    }
}
