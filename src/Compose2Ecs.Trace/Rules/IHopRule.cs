using Compose2Ecs.Trace.Calls;

namespace Compose2Ecs.Trace.Rules;

/// <summary>One kind of check on a call: it returns the hops it decides (none when it does not apply).</summary>
public interface IHopRule
{
    IEnumerable<Hop> Check(Call call, TraceContext context);
}
