using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>Security-group rules between services, named so that IDs stay stable and unique.</summary>
public static class IngressRules
{
    /// <summary>
    /// <paramref name="caller"/> may reach <paramref name="callee"/> on <paramref name="protocol"/> ports
    /// <paramref name="from"/>–<paramref name="to"/>: <c>{callee}IngressFrom{caller}Tcp5432</c> (or <c>…Tcp8000To8010</c>).
    /// </summary>
    public static IngressRulePlan Between(string callee, string caller, string protocol, int from, int to)
    {
        var range = from == to ? $"{from}" : $"{from}To{to}";
        var ports = from == to ? $"{from}" : $"{from}-{to}";
        var id = new ServiceIds(callee).For($"IngressFrom{Naming.LogicalIds.Part(caller)}{ServiceIds.ProtocolWord(protocol)}{range}");
        return new IngressRulePlan(id, new ServiceSecurityGroup(callee), new ServiceSecurityGroup(caller), protocol, from, to,
            Description($"{caller} to {callee} on {ports}/{protocol}"));
    }

    /// <summary>EC2 takes at most 255 characters of a rule's description (long service names exceed it): shortened stably, with a hash.</summary>
    public static string Description(string text) => Naming.AwsNames.Fit(text, Naming.AwsNames.SecurityGroupDescription);

    /// <summary>
    /// Without a mesh, a service may call what it depends on: for each depends_on edge, one rule
    /// per container port (consecutive ports merged into a range) and protocol of the callee.
    /// </summary>
    public static ImmutableArray<IngressRulePlan> FromDependsOn(EcsPlan plan, Func<ServicePlan, bool>? include = null)
    {
        var rules = ImmutableArray.CreateBuilder<IngressRulePlan>();
        var byName = plan.Services.DistinctBy(s => s.Name).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var caller in plan.Services.Where(s => include?.Invoke(s) ?? true))
        {
            foreach (var calleeName in caller.EcsService.DependsOnServices)
            {
                if (byName.GetValueOrDefault(calleeName) is not { } callee || callee.Name == caller.Name)
                {
                    continue;
                }

                foreach (var (protocol, from, to) in Ranges(callee.AppContainer.Ports))
                {
                    rules.Add(Between(callee.Name, caller.Name, protocol, from, to));
                }
            }
        }

        return rules.ToImmutable();
    }

    /// <summary>Ports grouped by protocol into runs of consecutive numbers, in ascending order.</summary>
    public static IEnumerable<(string Protocol, int From, int To)> Ranges(IEnumerable<ContainerPort> ports)
    {
        foreach (var group in ports.GroupBy(p => p.Protocol).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sorted = group.Select(p => p.Port).Distinct().Order().ToList();
            var start = 0;
            for (var i = 1; i <= sorted.Count; i++)
            {
                if (i == sorted.Count || sorted[i] != sorted[i - 1] + 1)
                {
                    yield return (group.Key, sorted[start], sorted[i - 1]);
                    start = i;
                }
            }
        }
    }
}
