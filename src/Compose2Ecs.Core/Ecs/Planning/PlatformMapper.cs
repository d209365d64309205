using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>compose <c>platform</c> → the Fargate CPU architecture.</summary>
internal static class PlatformMapper
{
    public static string CpuArchitecture(ComposeService service, DiagnosticBag diagnostics)
    {
        var platform = service.Platform?.ToLowerInvariant();
        switch (platform)
        {
            case null:
            case "linux/amd64" or "linux/x86_64" or "amd64":
                return "X86_64";
            case "linux/arm64" or "linux/arm64/v8" or "linux/aarch64" or "arm64":
                return "ARM64";
            default:
                diagnostics.Warning(KeyLocations.Of(service, "platform"), EcsDiagnosticCodes.NotOnFargate,
                    $"services.{service.Name}.platform: Fargate runs linux/amd64 or linux/arm64; {service.Platform} is not one of them, so the task runs on linux/amd64");
                return "X86_64";
        }
    }
}
