using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// Written images that do not pair with the design they run: consul-ecs 0.10 (dataplane mode) is
/// tested with Consul 1.21, 1.22 and 2.0 (its test matrix) and dataplane 2.0 (which bundles
/// Envoy 1.37); the dataplane design needs consul-ecs 0.7 or newer and the client-agent one
/// consul-ecs 0.6 (0.7+ mesh-init writes only a consul-dataplane config). A tag that is no
/// version (latest, a digest) is left alone: nothing is known about it.
/// </summary>
internal static partial class ImagePairing
{
    private static readonly (int Major, int Minor)[] ServerVersions = [(1, 21), (1, 22), (2, 0)];

    public static IEnumerable<Diagnostic> Check(MeshModel model, ConsulSettings consul)
    {
        const string P = "x-mesh.consul.images";
        var written = (string key) => model.KeyLocations.ContainsKey($"{P}.{key}");
        var agent = consul.Mode == ConsulMode.Agent;

        if (written("consul_server") && Version(consul.Images.ConsulServer) is { } server && !ServerVersions.Contains(server))
        {
            yield return Diagnostic.Warning(model.LocationOf($"{P}.consul_server"), ConsulDiagnosticCodes.UnsupportedImage,
                $"{P}.consul_server: {consul.Images.ConsulServer} is Consul {server.Major}.{server.Minor}, outside what consul-ecs 0.10 supports (1.21, 1.22, 2.0); use {ConsulImages.DefaultConsulServer}");
        }

        if (written("consul_ecs") && Version(consul.Images.ConsulEcs) is { } ecs)
        {
            var old = ecs.Major == 0 && ecs.Minor < 7;
            if (!agent && old)
            {
                yield return Diagnostic.Warning(model.LocationOf($"{P}.consul_ecs"), ConsulDiagnosticCodes.UnsupportedImage,
                    $"{P}.consul_ecs: {consul.Images.ConsulEcs} is consul-ecs {ecs.Major}.{ecs.Minor}, whose mesh-init needs a client agent; mode: dataplane needs consul-ecs 0.7 or newer ({ConsulImages.DefaultConsulEcs}), or set mode: agent");
            }
            else if (agent && !old)
            {
                yield return Diagnostic.Warning(model.LocationOf($"{P}.consul_ecs"), ConsulDiagnosticCodes.UnsupportedImage,
                    $"{P}.consul_ecs: {consul.Images.ConsulEcs} is consul-ecs {ecs.Major}.{ecs.Minor}, whose mesh-init writes only a consul-dataplane config, so mode: agent's Envoy never starts; leave consul_ecs out (agent mode runs {ConsulEcsDefaults.AgentConsulEcsImage}) or use mode: dataplane");
            }
        }

        if (!agent && written("consul_dataplane") && Version(consul.Images.ConsulDataplane) is { } dataplane && dataplane.Major < 2)
        {
            yield return Diagnostic.Warning(model.LocationOf($"{P}.consul_dataplane"), ConsulDiagnosticCodes.UnsupportedImage,
                $"{P}.consul_dataplane: {consul.Images.ConsulDataplane} is consul-dataplane {dataplane.Major}.{dataplane.Minor}; consul-ecs 0.10 pairs with consul-dataplane 2.0 ({ConsulImages.DefaultConsulDataplane})");
        }
    }

    /// <summary>The major and minor version of an image's tag (<c>hashicorp/consul:1.15.10</c> → 1.15), or null for a tag that is no version.</summary>
    internal static (int Major, int Minor)? Version(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (image.Contains('@', StringComparison.Ordinal) || colon <= slash)
        {
            return null;
        }

        var match = Tag().Match(image[(colon + 1)..]);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^v?(\d{1,4})\.(\d{1,4})(\.\d+)?([-+].*)?$")]
    private static partial Regex Tag();
}
