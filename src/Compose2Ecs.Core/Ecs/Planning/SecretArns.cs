using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// What a secret ARN must look like before it becomes an IAM resource: one secret or parameter,
/// named in full (partition, region, account, name). A wildcard in any part would let the
/// execution role read every secret it matches, so only the random suffix Secrets Manager
/// appends to a name (<c>-??????</c>) may be left open.
/// </summary>
public static partial class SecretArns
{
    /// <summary>What is wrong with <paramref name="arn"/> as one Secrets Manager secret or SSM parameter, or null when it names exactly one.</summary>
    public static string? Problem(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return "is not an ARN";
        }

        var service = parts[2];
        var isSecret = service == "secretsmanager" && parts.Length >= 7 && parts[5] == "secret";
        var isParameter = service == "ssm" && parts.Length == 6 && parts[5].StartsWith("parameter/", StringComparison.Ordinal);
        if (!isSecret && !isParameter)
        {
            return "is neither a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>) nor an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)";
        }

        if (!Partition().IsMatch(parts[1]))
        {
            return $"has the partition \"{parts[1]}\"; write aws, aws-cn or aws-us-gov";
        }

        if (!Region().IsMatch(parts[3]))
        {
            return $"has the region \"{parts[3]}\"; name the one region the secret is in, such as eu-west-1";
        }

        if (!Account().IsMatch(parts[4]))
        {
            return $"has the account \"{parts[4]}\"; name the 12-digit account the secret belongs to";
        }

        if (isSecret)
        {
            var name = parts[6].EndsWith("-??????", StringComparison.Ordinal) ? parts[6][..^7] : parts[6];
            return SecretName().IsMatch(name)
                ? null
                : "does not name one secret: the name may hold letters, digits and /_+=.@- only (a trailing -?????? for the random suffix at most), no * or ?";
        }

        return ParameterName().IsMatch(parts[5]["parameter/".Length..])
            ? null
            : "does not name one parameter: the name may hold letters, digits and _.-/ only, no * or ?";
    }

    /// <summary>The fix every wildcard or malformed secret error ends with.</summary>
    public const string Fix =
        "name exactly one secret, for example arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf or arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db, so the execution role can read that secret and no other";

    [GeneratedRegex(@"^aws(-[a-z]+)*$")]
    private static partial Regex Partition();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[A-Za-z0-9_./-]{1,2048}$")]
    private static partial Regex ParameterName();
}
