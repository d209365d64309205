using System.Text.Json.Nodes;

namespace Compose2Ecs.Testing;

/// <summary>The security-group rules between two services' groups in a template's resources.</summary>
public static class SecurityGroupEdges
{
    /// <summary>Every rule from one service's group to another's, as "caller->callee:from-to/protocol", sorted.</summary>
    public static IEnumerable<string> Between(JsonObject resources) =>
        resources.Where(r => (string?)r.Value!["Type"] == "AWS::EC2::SecurityGroupIngress")
            .Select(r => r.Value!["Properties"]!.AsObject())
            .Where(p => IsServiceGroup(p["SourceSecurityGroupId"]) && IsServiceGroup(p["GroupId"]))
            .Select(p => $"{Service(p["SourceSecurityGroupId"]!)}->{Service(p["GroupId"]!)}:{(long)p["FromPort"]!}-{(long)p["ToPort"]!}/{(string)p["IpProtocol"]!}")
            .Order(StringComparer.Ordinal);

    private static bool IsServiceGroup(JsonNode? id) =>
        id?["Fn::GetAtt"]?[0]?.GetValue<string>().EndsWith("SecurityGroup", StringComparison.Ordinal) == true;

    private static string Service(JsonNode groupId) => ((string)groupId["Fn::GetAtt"]![0]!)[..^"SecurityGroup".Length];
}
