using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>Rules that more than one backend states, for their <see cref="MeshBackendSpec.Rules"/>.</summary>
public static class MeshRules
{
    /// <summary>
    /// TLS on needs <c>tls.acm_pca_arn</c> when the backend's proxies get their listener
    /// certificates from an ACM Private CA. <paramref name="who"/> names the backend in the message.
    /// </summary>
    public static IEnumerable<Diagnostic> TlsNeedsPrivateCa(MeshModel model, string who)
    {
        var tls = model.Tls;
        if (tls.IsEnabled && tls.AcmPcaArn is null)
        {
            yield return Diagnostic.Error(tls.ModeLocation, MeshDiagnosticCodes.TlsNeedsPrivateCa,
                $"x-mesh.tls: mode {tls.Mode.Name()} needs acm_pca_arn: {who} issues listener certificates from an ACM Private CA; set tls.acm_pca_arn, or mode: disabled");
        }
    }
}
