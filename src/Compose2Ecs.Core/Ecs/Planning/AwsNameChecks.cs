using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// The names AWS would refuse, or would give two services at once, found before any template is
/// written (and by <c>validate</c>, which shares these checks with <c>synth</c>). Names AWS lets
/// us choose freely are shortened stably instead (<see cref="AwsNames.Fit"/>); a name other
/// services call (the Cloud Map DNS name) cannot be, so a name too long for it is an error.
/// </summary>
public static partial class AwsNameChecks
{
    /// <summary>Throws <see cref="InvalidInputException"/> when a service name does not fit AWS (for <c>validate</c>).</summary>
    public static void Validate(ComposeProject project)
    {
        var diagnostics = new DiagnosticBag();
        Check(project, project.Name, diagnostics);
        diagnostics.ThrowIfErrors();
    }

    /// <summary>Cloud Map names (DNS labels, case-insensitive) and task families (after sanitising) of every service.</summary>
    public static void Check(ComposeProject project, string projectName, DiagnosticBag diagnostics)
    {
        var listening = project.Services.Where(s => !ContainerMapper.Ports(s, project).IsEmpty).ToList();
        foreach (var service in listening)
        {
            if (CloudMapProblem(service.Name) is { } problem)
            {
                diagnostics.Error(service.Location, EcsDiagnosticCodes.NameTooLong,
                    $"services.{service.Name}: the service registers in Cloud Map (DNS) under its name, and {problem}; rename the service (other services reach it by this name)");
            }
        }

        // DNS is case-insensitive: "Web" and "web" would be one name in the namespace.
        foreach (var group in listening.GroupBy(s => s.Name.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            Collision(group.ToList(), "register the same DNS name in Cloud Map (DNS ignores case)", diagnostics);
        }

        foreach (var group in project.Services.GroupBy(s => EcsNames.Clean($"{projectName}-{s.Name}"), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Collision(group.ToList(), $"would share the ECS task definition family {group.Key} (characters other than letters, digits, '_' and '-' become '-')", diagnostics);
        }
    }

    private static void Collision(List<ComposeService> services, string what, DiagnosticBag diagnostics)
    {
        var names = string.Join(" and ", services.Select(s => $"\"{s.Name}\" ({s.Location})"));
        diagnostics.Error(services[^1].Location, EcsDiagnosticCodes.NameCollision,
            $"services.{services[^1].Name}: services {names} {what}; rename one of them");
    }

    /// <summary>What Cloud Map refuses in a service name: labels of 1-63 letters, digits, '_' and '-', not starting or ending with '-'; 127 in all.</summary>
    private static string? CloudMapProblem(string name)
    {
        if (name.Length > AwsNames.CloudMapServiceName)
        {
            return $"the name is {name.Length} characters, more than the {AwsNames.CloudMapServiceName} Cloud Map allows";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length > AwsNames.DnsLabel)
            {
                return $"\"{AwsNames.Fit(label, 20)}…\" is {label.Length} characters, more than the {AwsNames.DnsLabel} a DNS label allows";
            }

            if (!Label().IsMatch(label))
            {
                return $"\"{label}\" is not a DNS label (letters, digits, '_' and '-', not starting or ending with '-')";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^([A-Za-z0-9_]|[A-Za-z0-9_][A-Za-z0-9_-]*[A-Za-z0-9_])$")]
    private static partial Regex Label();
}
