using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// The consul-ecs config check is a full JSON Schema validator: the keywords a hand-written one
/// skipped (<c>uniqueItems</c>, <c>minLength</c>) fail a config that breaks them.
/// </summary>
public class SchemaStrictnessTests
{
    private static readonly JsonObject Valid = JsonNode.Parse("""
        {"bootstrapDir":"/consul","healthSyncContainers":["web"],"service":{"name":"web","port":8080}}
        """)!.AsObject();

    [Fact]
    public void A_minimal_agent_mode_config_is_valid() =>
        Assert.Empty(Consul.SchemaFor("hashicorp/consul-ecs:0.6.2").Validate(Element(Valid)));

    [Fact]
    public void A_repeated_health_sync_container_breaks_uniqueItems()
    {
        var config = Valid.DeepClone().AsObject();
        config["healthSyncContainers"] = new JsonArray("web", "web");

        Assert.Contains(Consul.SchemaFor("hashicorp/consul-ecs:0.6.2").Validate(Element(config)),
            e => e.StartsWith("$.healthSyncContainers: uniqueItems:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_bootstrap_dir_breaks_minLength()
    {
        var config = Valid.DeepClone().AsObject();
        config["bootstrapDir"] = "";

        Assert.Contains(Consul.SchemaFor("hashicorp/consul-ecs:0.6.2").Validate(Element(config)),
            e => e.StartsWith("$.bootstrapDir: minLength:", StringComparison.Ordinal));
    }

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
