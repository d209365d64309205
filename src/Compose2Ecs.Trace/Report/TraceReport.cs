using System.Collections.Immutable;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Report;

/// <summary>One call and the hops it passes through.</summary>
public sealed record CallTrace(Call Call, ImmutableArray<Hop> Hops)
{
    public bool IsBroken => Hops.Any(h => h.Verdict == Verdict.Broken);
}

/// <summary>A security-group ingress rule between two tasks that no call needs.</summary>
public sealed record UnusedPath(string From, string To, string Rule, string Ports);

/// <summary>Everything trace found: the backend it recognised, each call, and the unneeded paths.</summary>
public sealed record TraceReport(string Backend, ImmutableArray<CallTrace> Calls, ImmutableArray<UnusedPath> UnusedPaths)
{
    public bool IsBroken => Calls.Any(c => c.IsBroken);

    public IEnumerable<CallTrace> Broken => Calls.Where(c => c.IsBroken);
}
