using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Compose volumes on Fargate. A named or anonymous volume becomes task storage mounted at
/// the same path (its data lives as long as the task, not longer: a warning says so). Bind
/// mounts and tmpfs have no Fargate equivalent: a warning each, and a bind-mounted file gets
/// a warning that the app will not find it.
/// </summary>
internal static class VolumeMapper
{
    public sealed record Result(ImmutableArray<VolumePlan> Volumes, ImmutableArray<MountPointPlan> MountPoints);

    public static Result Map(ComposeService service, string projectDirectory, DiagnosticBag diagnostics)
    {
        var volumes = ImmutableArray.CreateBuilder<VolumePlan>();
        var mounts = ImmutableArray.CreateBuilder<MountPointPlan>();
        var anonymous = 0;
        foreach (var volume in service.Volumes)
        {
            var where = $"services.{service.Name}.volumes";
            switch (volume.Type)
            {
                case "volume":
                {
                    var name = volume.Source is { Length: > 0 } source ? EcsNames.Clean(source) : $"anonymous-{++anonymous}";
                    if (!volumes.Any(v => v.Name == name))
                    {
                        volumes.Add(new VolumePlan(name));
                    }

                    mounts.Add(new MountPointPlan(name, volume.Target, volume.ReadOnly));
                    diagnostics.Warning(volume.Location, EcsDiagnosticCodes.TaskStorage, volume.Source is null
                        ? $"{where}: the anonymous volume at {volume.Target} becomes task storage, as in compose it is not kept when the task is replaced"
                        : $"{where}: the volume \"{volume.Source}\" at {volume.Target} becomes task storage: its data is lost when the task stops and it is not shared between tasks or services (compose keeps it); use EFS for data that must last");
                    break;
                }

                case "bind":
                    diagnostics.Warning(volume.Location, EcsDiagnosticCodes.TaskStorage, BindMessage(where, volume, projectDirectory));
                    break;
                case "tmpfs":
                    diagnostics.Warning(volume.Location, EcsDiagnosticCodes.NotOnFargate, $"{where}: Fargate has no tmpfs mounts; {volume.Target} is left out and is part of the container's file system");
                    break;
                default:
                    diagnostics.Warning(volume.Location, EcsDiagnosticCodes.NotOnFargate, $"{where}: a {volume.Type} volume has no ECS equivalent; {volume.Target} is left out");
                    break;
            }
        }

        return new Result(volumes.ToImmutable(), mounts.ToImmutable());
    }

    private static string BindMessage(string where, ServiceVolume volume, string projectDirectory)
    {
        var path = volume.Source ?? "";
        var source = Shown(path, projectDirectory);
        if (source.EndsWith("docker.sock", StringComparison.Ordinal))
        {
            return $"{where}: the Docker socket {source} does not exist on Fargate; the mount is left out and anything in the container that talks to Docker will fail";
        }

        if (File.Exists(path) || (!Directory.Exists(path) && Path.HasExtension(path)))
        {
            return $"{where}: the bind-mounted file {source} is not on ECS: the app will not find {volume.Target}. Copy it into the image (COPY in the Dockerfile), or pass its content another way (an environment variable, a secret)";
        }

        return $"{where}: bind mounts have no Fargate equivalent; {source} is not mounted at {volume.Target}: what the app needs there must be in the image";
    }

    /// <summary>A path as the user wrote it: relative to the project directory when inside it.</summary>
    private static string Shown(string path, string projectDirectory)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(projectDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : "./" + relative;
    }
}
