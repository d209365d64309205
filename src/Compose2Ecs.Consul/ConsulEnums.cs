namespace Compose2Ecs.Consul;

public enum ConsulMode
{
    /// <summary>consul-ecs mesh-init + consul-dataplane + health-sync (mesh-task module v0.8+).</summary>
    Dataplane,

    /// <summary>Consul client + mesh-init + Envoy sidecar + health-sync (mesh-task module v0.6 and earlier).</summary>
    Agent,
}

public enum ConsulConfigEntries
{
    /// <summary>A run-once ECS task writes intentions and L7 entries at deploy time.</summary>
    Task,

    /// <summary>Written next to the templates, for <c>consul config write</c>.</summary>
    Files,
}

/// <summary>The words of the Consul enums, as written in <c>x-mesh.consul</c>.</summary>
public static class ConsulModeNames
{
    public static string Name(this ConsulMode mode) => mode == ConsulMode.Agent ? "agent" : "dataplane";
}
