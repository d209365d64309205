using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// The Envoy image App Mesh vends: <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.&lt;suffix&gt;/aws-appmesh-envoy:&lt;version&gt;</c>,
/// where the account depends on the region. The stack is region-agnostic (one template for every
/// region), so the account is read at deploy time from a template mapping over regions.
/// </summary>
public static partial class EnvoyImage
{
    /// <summary>
    /// The pinned image version: the last v1.29 release App Mesh published before its end of support
    /// (also what terraform-aws-modules' ECS App Mesh example pins). <c>x-mesh.appmesh.envoy_image</c> overrides it.
    /// </summary>
    public const string Version = "v1.29.12.1-prod";

    public const string Repository = "aws-appmesh-envoy";

    /// <summary>The template mapping: region → <c>Account</c>.</summary>
    public const string MappingName = "AppMeshEnvoyRepository";

    /// <summary>
    /// The account that hosts the Envoy repository in each region where App Mesh runs: the CDK's
    /// region-info fact <c>AppMeshRepositoryAccount</c> (aws-cdk-lib 2.160.0), which a test compares
    /// with this table. A region App Mesh does not run in has no entry, so such a stack fails at
    /// deploy time naming the region, rather than pulling an image that is not there.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Accounts { get; } = new Dictionary<string, string>
    {
        ["af-south-1"] = "924023996002",
        ["ap-east-1"] = "856666278305",
        ["ap-northeast-1"] = "840364872350",
        ["ap-northeast-2"] = "840364872350",
        ["ap-northeast-3"] = "840364872350",
        ["ap-south-1"] = "840364872350",
        ["ap-southeast-1"] = "840364872350",
        ["ap-southeast-2"] = "840364872350",
        ["ap-southeast-3"] = "909464085924",
        ["ca-central-1"] = "840364872350",
        ["cn-north-1"] = "919366029133",
        ["cn-northwest-1"] = "919830735681",
        ["eu-central-1"] = "840364872350",
        ["eu-north-1"] = "840364872350",
        ["eu-south-1"] = "422531588944",
        ["eu-west-1"] = "840364872350",
        ["eu-west-2"] = "840364872350",
        ["eu-west-3"] = "840364872350",
        ["il-central-1"] = "564877687649",
        ["me-south-1"] = "772975370895",
        ["sa-east-1"] = "840364872350",
        ["us-east-1"] = "840364872350",
        ["us-east-2"] = "840364872350",
        ["us-west-1"] = "840364872350",
        ["us-west-2"] = "840364872350",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static TemplateMapping Mapping { get; } = new(MappingName, new CfnMap([.. Accounts.Select(a =>
        KeyValuePair.Create(a.Key, (CfnValue)new CfnMapBuilder().Add("Account", a.Value).Build()))]));

    /// <summary>The repository account in the stack's region.</summary>
    public static CfnValue Account { get; } = CfnValue.Function("Fn::FindInMap", CfnList.Of(MappingName, CfnValue.Ref("AWS::Region"), "Account"));

    /// <summary>The official image in the stack's region.</summary>
    public static CfnValue Official { get; } = CfnValue.Join("",
        Account, ".dkr.ecr.", CfnValue.Ref("AWS::Region"), ".", CfnValue.Ref("AWS::URLSuffix"), $"/{Repository}:{Version}");

    /// <summary>The image the envoy containers run: <paramref name="configured"/>, or the official one.</summary>
    public static CfnValue For(string? configured) => configured is null ? Official : CfnValue.Of(configured);

    /// <summary>Execution-role statements to pull the image: ECR pull rights on its repository only; none for a public registry.</summary>
    public static ImmutableArray<IamStatement> PullStatements(string? configured)
    {
        CfnValue repository;
        if (configured is null)
        {
            repository = CfnValue.Join("", "arn:", CfnValue.Ref("AWS::Partition"), ":ecr:", CfnValue.Ref("AWS::Region"), ":", Account, $":repository/{Repository}");
        }
        else if (EcrImage().Match(configured) is { Success: true } match)
        {
            repository = CfnValue.Sub($"arn:${{AWS::Partition}}:ecr:{CfnValue.SubLiteral(match.Groups["region"].Value)}:{CfnValue.SubLiteral(match.Groups["account"].Value)}:repository/{CfnValue.SubLiteral(match.Groups["repository"].Value)}");
        }
        else
        {
            return [];
        }

        return
        [
            // GetAuthorizationToken has no resource-level permissions: "*" is the only resource it takes.
            new IamStatement(["ecr:GetAuthorizationToken"], ["*"]),
            new IamStatement(["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], [repository]),
        ];
    }

    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/(?<repository>[^:@]+)")]
    private static partial Regex EcrImage();
}
