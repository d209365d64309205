using Compose2Ecs.ServiceConnect;
using Compose2Ecs.Consul;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Mesh.Tests.Support;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Checks of the top-level x-mesh (§1) and the backend sections (§5–7).</summary>
public sealed class TopLevelCheckTests
{
    private const string Web = """
        services:
          web: { image: web, expose: ["80"] }
        """;

    [Fact]
    public void Unknown_top_level_key_suggests_the_nearest() =>
        UnknownKeyAt($"x-mesh:\n  namespaces: shop.local\n{Web}", "namespaces", "namespaces", "namespace");

    [Fact]
    public void X_keys_at_the_top_level_are_ignored() =>
        Assert.True(Read($"x-mesh:\n  x-notes: anything\n{Web}").IsEnabled);

    [Fact]
    public void X_mesh_of_a_wrong_type() =>
        ErrorAt($"x-mesh: [appmesh]\n{Web}", "[appmesh]", "x-mesh: must be a mapping, not a sequence");

    [Fact]
    public void Backend_value() =>
        ErrorAt($"x-mesh:\n  backend: app-mesh\n{Web}", "app-mesh", "x-mesh.backend: \"app-mesh\" is not one of appmesh | consul | service-connect | none; did you mean \"appmesh\"?");

    [Fact]
    public void Backend_on_the_command_line()
    {
        var errors = Errors(Web, "istio");
        var error = Assert.Single(errors);
        Assert.False(error.Location.IsKnown);
        Assert.Contains("--mesh: \"istio\" is not a backend; use one of appmesh | consul | service-connect | none", error.Message);
    }

    [Fact]
    public void Egress_value() =>
        ErrorAt($"x-mesh:\n  egress: deny\n{Web}", "deny", "x-mesh.egress: \"deny\" is not one of drop_all | allow_all");

    [Fact]
    public void Tls_mode_value() =>
        ErrorAt($"x-mesh:\n  tls: {{ mode: strcit }}\n{Web}", "strcit", "x-mesh.tls.mode: \"strcit\" is not one of strict | permissive | disabled; did you mean \"strict\"?");

    [Fact]
    public void Namespace_that_is_no_dns_name() =>
        ErrorAt($"x-mesh:\n  namespace: shop_local\n{Web}", "shop_local", "\"shop_local\" is not a valid DNS name");

    [Fact]
    public void Mesh_name_with_invalid_characters() =>
        ErrorAt($"x-mesh:\n  name: my mesh\n{Web}", "my mesh", "\"my mesh\" is not a valid mesh name");

    [Fact]
    public void Vpc_without_id() =>
        ErrorAt($"x-mesh:\n  vpc: {{ private_subnets: [subnet-00000000000000001] }}\n{Web}", "vpc", "id is required; name the existing VPC");

    [Theory]
    [InlineData("vpc-12345", "vpc-12345")]
    [InlineData("vpc-0123456789ABCDEF0", "vpc-0123456789ABCDEF0")]
    [InlineData("subnet-0123456789abcdef0", "subnet-0123456789abcdef0, private")]
    public void An_existing_vpc_id_not_of_aws_form_is_a_located_error(string id, string at)
    {
        var yaml = $"x-mesh:\n  vpc: {{ id: {id}, private_subnets: [subnet-0123456789abcdef0] }}\n{Web}";
        var error = Assert.Single(Errors(yaml), e => e.Code == MeshDiagnosticCodes.InvalidAwsId);
        Assert.Equal(Position(yaml, at), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Each_subnet_id_not_of_aws_form_is_a_located_error()
    {
        var yaml = $"x-mesh:\n  vpc: {{ id: vpc-1234abcd, private_subnets: [subnet-1234abcd, sub-1], public_subnets: [subnet-12] }}\n{Web}";
        var errors = Errors(yaml).Where(e => e.Code == MeshDiagnosticCodes.InvalidAwsId).Select(e => (e.Location.Line, e.Location.Column)).ToList();
        Assert.Equal([Position(yaml, "sub-1"), Position(yaml, "subnet-12]")], errors);
    }

    [Fact]
    public void Vpc_without_private_subnets() =>
        ErrorAt($"x-mesh:\n  vpc: {{ id: vpc-0123456789abcdef0 }}\n{Web}", "vpc", "private_subnets is required with an existing VPC");

    [Fact]
    public void Vpc_without_public_subnets_when_something_is_published() =>
        ErrorAt("""
            x-mesh:
              vpc: { id: vpc-0123456789abcdef0, private_subnets: [subnet-00000000000000001] }
            services:
              web: { image: web, ports: ["80:8080"] }
            """, "vpc", "public_subnets is required: web is published through a load balancer");

    [Fact]
    public void Consul_tls_cannot_be_disabled() =>
        ErrorAt($"x-mesh:\n  tls: {{ mode: disabled }}\n  consul: {{ dev_server: true }}\n{Web}", "disabled", "Consul's service mesh always uses mutual TLS", ConsulSpec.Name);

    [Fact]
    public void App_mesh_tls_needs_a_ca() =>
        ErrorAt($"x-mesh:\n  tls: {{ mode: strict }}\n{Web}", "strict", "mode strict needs acm_pca_arn", AppMeshSpec.Name);

    [Fact]
    public void Service_connect_tls_needs_a_ca() =>
        ErrorAt($"x-mesh:\n  tls: {{ mode: permissive }}\n{Web}", "permissive", "mode permissive needs acm_pca_arn: Service Connect issues listener certificates", ServiceConnectSpec.Name);

    [Fact]
    public void Tls_with_a_ca_is_fine_for_app_mesh() =>
        Assert.True(Read($"x-mesh:\n  tls: {{ mode: strict, acm_pca_arn: arn:pca }}\n{Web}", AppMeshSpec.Name).Tls.IsEnabled);

    [Fact]
    public void Consul_backend_needs_servers() =>
        ErrorAt($"x-mesh:\n  consul: {{ datacenter: dc1 }}\n{Web}", "consul", "the consul backend needs servers.hosts", ConsulSpec.Name);

    [Fact]
    public void Consul_backend_on_a_plain_file_needs_servers()
    {
        var error = Assert.Single(Errors(Web, ConsulSpec.Name));
        Assert.Contains("x-mesh.consul: the consul backend needs servers.hosts", error.Message);
    }

    [Fact]
    public void Consul_servers_are_not_needed_for_another_backend() =>
        Assert.Equal(AppMeshSpec.Name, Read($"x-mesh:\n  consul: {{ datacenter: dc1 }}\n{Web}", AppMeshSpec.Name).Backend);

    [Fact]
    public void Consul_acls_need_a_bootstrap_token() =>
        ErrorAt($"x-mesh:\n  consul:\n    servers: {{ hosts: c }}\n    acls: true\n{Web}", "acls", "acls: true needs bootstrap_token_secret_arn", ConsulSpec.Name);

    [Fact]
    public void Agent_keys_in_dataplane_mode() =>
        ErrorAt($"x-mesh:\n  consul:\n    servers: {{ hosts: c }}\n    retry_join: [x]\n{Web}", "retry_join", "is for mode: agent", ConsulSpec.Name);

    [Fact]
    public void Consul_mode_value() =>
        ErrorAt($"x-mesh:\n  consul: {{ mode: client }}\n{Web}", "client", "x-mesh.consul.mode: \"client\" is not one of dataplane | agent");

    [Fact]
    public void Consul_config_entries_value() =>
        ErrorAt($"x-mesh:\n  consul: {{ config_entries: terraform }}\n{Web}", "terraform", "x-mesh.consul.config_entries: \"terraform\" is not one of task | files");

    [Fact]
    public void Unknown_key_in_consul_servers() =>
        UnknownKeyAt($"x-mesh:\n  consul:\n    servers: {{ host: c }}\n{Web}", "host:", "host", "hosts");

    [Fact]
    public void Unknown_key_in_consul_images() =>
        UnknownKeyAt($"x-mesh:\n  consul:\n    images: {{ dataplane: x }}\n{Web}", "dataplane", "dataplane", "consul_dataplane");

    [Fact]
    public void Mesh_owner_that_is_no_account_id() =>
        ErrorAt($"x-mesh:\n  appmesh: {{ mesh_owner: \"1234\" }}\n{Web}", "\"1234\"", "\"1234\" is not an AWS account id");

    [Fact]
    public void Unknown_key_in_appmesh_envoy() =>
        UnknownKeyAt($"x-mesh:\n  appmesh: {{ envoy: {{ cpus: 64 }} }}\n{Web}", "cpus", "cpus", "cpu");

    [Fact]
    public void Appmesh_existing_of_a_wrong_type() =>
        ErrorAt($"x-mesh:\n  appmesh: {{ existing: maybe }}\n{Web}", "maybe", "x-mesh.appmesh.existing: must be true or false");

    [Fact]
    public void Unknown_key_in_service_connect() =>
        UnknownKeyAt($"x-mesh:\n  service_connect: {{ loggroup: /x }}\n{Web}", "loggroup", "loggroup", "log_group");

    [Fact]
    public void Errors_across_files_come_in_layer_order_then_line()
    {
        var dir = Directory.CreateTempSubdirectory("c2e-mesh-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.yaml"), "services:\n  web: { image: web, expose: [\"80\"], x-mesh: { upstreams: [nope] } }\n");
        File.WriteAllText(Path.Combine(dir, "b.yaml"), "x-mesh:\n  egress: none\n  bogus: 1\n");
        var project = Compose2Ecs.Core.Compose.ComposeLoader.Load(new Compose2Ecs.Core.Compose.LoadOptions
        {
            Files = ["b.yaml", "a.yaml"],
            WorkingDirectory = dir,
            Environment = new Dictionary<string, string>(),
        });

        var errors = Assert.Throws<InvalidInputException>(() => MeshReader.Read(project, null, RegisteredBackends.Specs)).Errors.ToList();

        Assert.Equal(["b.yaml:2:11", "b.yaml:3:3", "a.yaml:2:60"], errors.Select(e => e.Location.ToString()));
    }
}
