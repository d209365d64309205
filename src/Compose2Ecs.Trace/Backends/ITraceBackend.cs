using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends;

/// <summary>
/// What trace knows about one backend's runtime: how to recognise its templates, how a call's
/// name resolves and which port is on the wire when its proxy carries the call, and its own
/// hop rules. One folder per backend; the core rules (names, network, start-up) ask it.
/// </summary>
public interface ITraceBackend
{
    /// <summary>The backend's name, as <c>--mesh</c> spells it.</summary>
    string Name { get; }

    /// <summary>Whether the templates were written for this backend.</summary>
    bool Detect(ResourceGraph graph);

    /// <summary>Whether callers dial upstreams on a local listener (<c>localhost:&lt;local_port&gt;</c>).</summary>
    bool LocalUpstreams => false;

    /// <summary>The name hop when the backend resolves the name itself (a Service Connect alias, a local listener); null: DNS decides.</summary>
    Hop? ResolveName(Call call, string target, TraceContext context) => null;

    /// <summary>The destination port of the packets that reach <paramref name="target"/>'s tasks.</summary>
    int WirePort(Call call, string target, TraceContext context) => call.Port;

    /// <summary>Ports the backend's proxy listens on in every mesh task (no port mapping needed).</summary>
    IReadOnlySet<int> ProxyListenerPorts => new HashSet<int>();

    /// <summary>What the backend's proxy does to traffic a load balancer sends to a task (TLS it demands, the gateway's listener).</summary>
    IEnumerable<Hop> IngressHops(Ingress.IngressPath path, TraceContext context) => [];

    /// <summary>The backend's rules: proxy, mesh, its start-up conditions.</summary>
    IReadOnlyList<IHopRule> Rules { get; }
}
