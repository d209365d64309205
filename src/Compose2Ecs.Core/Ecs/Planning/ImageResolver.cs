using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// The image a service's container runs: its <c>image</c>, or for a build-only service
/// <c>&lt;registry&gt;/&lt;service&gt;:&lt;tag&gt;</c> (compose2ecs does not build; the image must be pushed there).
/// </summary>
internal static partial class ImageResolver
{
    public static string? Resolve(ComposeService service, EcsSettings settings, DiagnosticBag diagnostics)
    {
        if (service.Image is { } image)
        {
            if (service.Build is not null)
            {
                diagnostics.Warning(KeyLocations.Of(service, "build"), EcsDiagnosticCodes.BuildNotRun,
                    $"services.{service.Name}.build: not run by compose2ecs; the service uses its image {image}, which must already be pushed");
            }

            return image;
        }

        if (service.Build is null)
        {
            diagnostics.Error(service.Location, EcsDiagnosticCodes.NoImage, $"services.{service.Name}: has neither image nor build; give it an image");
            return null;
        }

        if (settings.Registry is null)
        {
            diagnostics.Error(KeyLocations.Of(service, "build"), EcsDiagnosticCodes.NoImage,
                $"services.{service.Name}: has only a build section and no image; pass --registry REGISTRY (or set x-mesh.registry) so its image is REGISTRY/{RepositoryName(service.Name)}:{settings.Tag}, and push it there");
            return null;
        }

        var built = $"{settings.Registry.TrimEnd('/')}/{RepositoryName(service.Name)}:{settings.Tag}";
        diagnostics.Warning(KeyLocations.Of(service, "build"), EcsDiagnosticCodes.BuildNotRun,
            $"services.{service.Name}.build: not run by compose2ecs; the service uses the image {built}: build and push it there before deploying");
        return built;
    }

    /// <summary>Execution-role statements needed to pull <paramref name="image"/>: none for public registries, ECR pull rights for an ECR repository.</summary>
    public static IEnumerable<IamStatement> PullStatements(string image)
    {
        var match = EcrImage().Match(image);
        if (!match.Success)
        {
            yield break;
        }

        var account = match.Groups["account"].Value;
        var region = match.Groups["region"].Value;
        var repository = match.Groups["repository"].Value;

        // GetAuthorizationToken has no resource-level permissions: "*" is the only resource it takes.
        yield return new IamStatement(["ecr:GetAuthorizationToken"], ["*"]);
        yield return new IamStatement(
            ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            [CfnValue.Sub($"arn:${{AWS::Partition}}:ecr:{CfnValue.SubLiteral(region)}:{CfnValue.SubLiteral(account)}:repository/{CfnValue.SubLiteral(repository)}")]);
    }

    /// <summary>A docker repository path component: lowercase letters, digits and separators.</summary>
    private static string RepositoryName(string service) => service.ToLowerInvariant();

    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/(?<repository>[^:@]+)")]
    private static partial Regex EcrImage();
}
