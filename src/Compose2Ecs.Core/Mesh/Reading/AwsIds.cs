using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Mesh;

/// <summary>The form of EC2 resource ids: a prefix, a dash, and 8 or 17 lowercase hexadecimal digits.</summary>
internal static partial class AwsIds
{
    public static bool IsValid(string id, string prefix) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && Digits().IsMatch(id.AsSpan(prefix.Length + 1));

    [GeneratedRegex("^([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex Digits();
}
