using Amazon.CDK.RegionInfo;
using Compose2Ecs.Core.Ecs.Cdk;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>The region → Envoy repository account table is the CDK's own region-info fact.</summary>
public sealed class EnvoyImageTests
{
    [Fact]
    public void The_account_table_matches_the_cdks_app_mesh_repository_accounts()
    {
        Dictionary<string, string> cdk;
        lock (JsiiHost.Gate)
        {
            JsiiHost.EnsureConfigured();
            cdk = RegionInfo.Regions
                .Where(r => !string.IsNullOrEmpty(r.AppMeshRepositoryAccount))
                .ToDictionary(r => r.Name, r => r.AppMeshRepositoryAccount!);
        }

        Assert.Equal(cdk.OrderBy(p => p.Key, StringComparer.Ordinal), EnvoyImage.Accounts);
        Assert.Equal("840364872350", EnvoyImage.Accounts["eu-west-1"]);
    }

    [Fact]
    public void The_pinned_version_is_a_prod_release_of_envoy_1_29()
    {
        Assert.Matches(@"^v1\.29\.\d+\.\d+-prod$", EnvoyImage.Version);
    }
}
