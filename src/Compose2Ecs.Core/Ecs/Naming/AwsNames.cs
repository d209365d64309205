using System.Security.Cryptography;
using System.Text;

namespace Compose2Ecs.Core.Ecs.Naming;

/// <summary>
/// The length limits AWS puts on the names and texts the templates set, and the one stable way
/// to shorten a name AWS lets us choose: keep the start, append a hash of the whole, so the same
/// input always gives the same name and two long names that share a start stay apart.
/// </summary>
public static class AwsNames
{
    /// <summary>A DNS label, and so one label of a Cloud Map service name.</summary>
    public const int DnsLabel = 63;

    /// <summary>A Cloud Map service name in all (its labels and dots).</summary>
    public const int CloudMapServiceName = 127;

    /// <summary>An ECS task definition family, service or container name.</summary>
    public const int EcsName = 255;

    /// <summary>An EC2 security group's description.</summary>
    public const int SecurityGroupDescription = 255;

    /// <summary>A tag's value.</summary>
    public const int TagValue = 256;

    /// <summary><paramref name="value"/> if it fits in <paramref name="max"/> characters, else its start and an 8-digit hash of all of it.</summary>
    public static string Fit(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
        return $"{value[..(max - 9)].TrimEnd('-', ' ', '.')}-{hash}";
    }
}
