using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// depends_on → the compose services whose ECS services must exist first. Conditions ECS cannot
/// hold are warnings: an ECS service keeps its tasks running (so "completed successfully" never
/// happens), and ECS ignores an image's own HEALTHCHECK (so "healthy" needs a compose healthcheck).
/// </summary>
internal static class DependsOnMapper
{
    public static ImmutableArray<string> Map(ComposeProject project, ComposeService service, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var dependency in service.DependsOn)
        {
            var target = project.FindService(dependency.Service);
            if (target is null)
            {
                continue; // required: false on a service that is not active: compose skips it too.
            }

            var where = $"services.{service.Name}.depends_on.{dependency.Service}";
            switch (dependency.Condition)
            {
                case ServiceDependency.Healthy when target.Healthcheck is null || target.Healthcheck.Disable:
                    diagnostics.Warning(dependency.Location, EcsDiagnosticCodes.DependsOnCondition,
                        $"{where}: condition service_healthy, but {dependency.Service} has no healthcheck in compose, and ECS ignores an image's own HEALTHCHECK; {service.Name} waits only for {dependency.Service}'s service to be created");
                    break;
                case ServiceDependency.CompletedSuccessfully:
                    diagnostics.Warning(dependency.Location, EcsDiagnosticCodes.DependsOnCondition,
                        $"{where}: condition service_completed_successfully: {dependency.Service} runs as an ECS service, which restarts its task whenever it exits; run one-off jobs as ECS tasks instead");
                    break;
            }

            if (!result.Contains(dependency.Service))
            {
                result.Add(dependency.Service);
            }
        }

        return result.ToImmutable();
    }
}
