using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates.Resources;

/// <summary>A <see cref="ContainerPlan"/> → an ECS container definition.</summary>
internal static class ContainerDefinitions
{
    public static CfnMap Build(ContainerPlan container, ServiceIds ids)
    {
        var builder = new CfnMapBuilder()
            .Add("Name", container.Name)
            .Add("Image", container.Image)
            .Add("Essential", container.Essential);
        if (container.EntryPoint is { } entryPoint)
        {
            builder.Add("EntryPoint", CfnList.Of(entryPoint.Select(s => (CfnValue)s)));
        }

        if (container.Command is { } command)
        {
            builder.Add("Command", CfnList.Of(command.Select(s => (CfnValue)s)));
        }

        builder
            .AddList("Environment", container.Environment.Select(e => (CfnValue)new CfnMapBuilder().Add("Name", e.Name).Add("Value", e.Value).Build()))
            .AddList("Secrets", container.Secrets.Select(s => (CfnValue)new CfnMapBuilder().Add("Name", s.Name).Add("ValueFrom", s.ValueFrom).Build()))
            .AddList("PortMappings", container.Ports.Select(p => (CfnValue)new CfnMapBuilder()
                .Add("ContainerPort", p.Port)
                .Add("Protocol", p.Protocol)
                .Add("Name", p.Name)
                .Add("AppProtocol", p.AppProtocol)
                .Build()))
            .Add("HealthCheck", HealthCheck(container.HealthCheck))
            .Add("Cpu", container.Cpu)
            .Add("Memory", container.MemoryMiB)
            .Add("MemoryReservation", container.MemoryReservationMiB)
            .Add("User", container.User)
            .Add("WorkingDirectory", container.WorkingDirectory)
            .Add("ReadonlyRootFilesystem", container.ReadonlyRootFilesystem ? true : null)
            .AddList("Ulimits", container.Ulimits.Select(u => (CfnValue)new CfnMapBuilder()
                .Add("Name", u.Name).Add("SoftLimit", u.SoftLimit).Add("HardLimit", u.HardLimit).Build()))
            .Add("StopTimeout", container.StopTimeoutSeconds)
            .AddMap("LinuxParameters", LinuxParameters(container))
            .AddList("MountPoints", container.MountPoints.Select(m => (CfnValue)new CfnMapBuilder()
                .Add("SourceVolume", m.SourceVolume).Add("ContainerPath", m.ContainerPath).Add("ReadOnly", m.ReadOnly).Build()))
            .AddList("DependsOn", container.DependsOn.Select(d => (CfnValue)new CfnMapBuilder()
                .Add("ContainerName", d.ContainerName).Add("Condition", d.Condition).Build()))
            .Add("PseudoTerminal", container.PseudoTerminal ? true : null)
            .Add("Interactive", container.Interactive ? true : null);
        if (container.LogStreamPrefix is { } prefix)
        {
            builder.Add("LogConfiguration", new CfnMapBuilder()
                .Add("LogDriver", "awslogs")
                .Add("Options", new CfnMapBuilder()
                    .Add("awslogs-group", CfnValue.Ref(ids.LogGroup))
                    .Add("awslogs-region", CfnValue.Ref("AWS::Region"))
                    .Add("awslogs-stream-prefix", prefix)
                    .Build())
                .Build());
        }

        return builder.Build().Merge(container.Extra);
    }

    private static CfnMap? HealthCheck(HealthCheckPlan? check) => check is null ? null : new CfnMapBuilder()
        .Add("Command", CfnList.Of(check.Command.Select(c => (CfnValue)c)))
        .Add("Interval", check.IntervalSeconds)
        .Add("Timeout", check.TimeoutSeconds)
        .Add("Retries", check.Retries)
        .Add("StartPeriod", check.StartPeriodSeconds)
        .Build();

    private static CfnMap LinuxParameters(ContainerPlan container)
    {
        var capabilities = new CfnMapBuilder()
            .AddList("Add", container.CapabilitiesAdd.Select(c => (CfnValue)c))
            .AddList("Drop", container.CapabilitiesDrop.Select(c => (CfnValue)c))
            .Build();
        return new CfnMapBuilder()
            .Add("InitProcessEnabled", container.InitProcessEnabled)
            .AddMap("Capabilities", capabilities)
            .Build();
    }
}
