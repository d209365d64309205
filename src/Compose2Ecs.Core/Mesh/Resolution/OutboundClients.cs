using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A service without a port and without <c>x-mesh</c> that calls a mesh service with a listener
/// (depends on it or names it in its environment, <see cref="ImpliedCalls"/>) joins the mesh as an outbound-only client (spec §2), so egress, TLS and intentions
/// apply to its calls as to every other caller's; without such a call it stays a plain service.
/// </summary>
internal static class OutboundClients
{
    public static List<ServiceDraft> Join(IReadOnlyList<ServiceDraft> drafts, KnownAddressNames names)
    {
        var listening = drafts.Where(d => d.Mesh?.Listener is not null).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. drafts.Select(draft =>
                draft.Plain is { Reason: PlainReason.NoPort } plain
                && ImpliedCalls.Of(draft.Compose, names).Any(call => listening.Contains(call.Service))
                    ? new ServiceDraft(draft.Compose, ServiceReader.Mesh(draft.Compose, plain.ContainerPorts, plain.PublishedPorts, draft.Compose.Location, isDeclared: false), null, null)
                    : draft),
        ];
    }
}
