using System.Security.Cryptography;
using System.Text;

namespace Compose2Ecs.Core.Ecs.Naming;

/// <summary>
/// CloudFormation logical IDs, derived from compose names only, so that adding, removing or
/// reordering a service never renames another service's resources (a rename is a replacement).
/// <para>
/// A service's resources are <c>{part}{Kind}</c>: <c>part</c> is the service name when it is
/// lowercase letters and digits, else those characters followed by a 6-hex-digit hash of the
/// full name (<c>my-api</c> → <c>myapi3f9a1c</c>, <c>my_api</c> → <c>myapi80b2e4</c>). A part
/// never holds an uppercase letter and every kind starts with one, so the first uppercase
/// letter ends the part: two services can only share an ID if they share a part, and parts
/// of different names differ unless a hash collides, which <see cref="Templates.TemplateBuilder"/>
/// reports as an error rather than emitting. Shared resources (<c>Vpc</c>, <c>Cluster</c>)
/// start with an uppercase letter, so they never meet a service's IDs either.
/// </para>
/// </summary>
public static class LogicalIds
{
    private const int MaxPartLength = 64;

    /// <summary>The part of every logical ID of a service's resources.</summary>
    public static string Part(string serviceName)
    {
        var cleaned = new StringBuilder(serviceName.Length);
        foreach (var c in serviceName)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                cleaned.Append(c);
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                cleaned.Append(char.ToLowerInvariant(c));
            }
        }

        var unchanged = cleaned.Length <= MaxPartLength && cleaned.ToString() == serviceName;
        if (unchanged)
        {
            return serviceName;
        }

        var kept = cleaned.Length > MaxPartLength ? cleaned.ToString(0, MaxPartLength) : cleaned.ToString();
        return kept + Hash(serviceName);
    }

    /// <summary>The ID of a service's resource: <c>For("my-api", "TaskDefinition")</c> → <c>myapi3f9a1cTaskDefinition</c>.</summary>
    /// <param name="kind">Starts with an uppercase ASCII letter; letters and digits only.</param>
    public static string For(string serviceName, string kind) => Part(serviceName) + CheckKind(kind);

    /// <summary>The ID of a resource shared by the whole application (<c>Vpc</c>, <c>Cluster</c>, a mesh).</summary>
    public static string Shared(string kind) => CheckKind(kind);

    /// <summary>A short, stable hash: the first 3 bytes of SHA-256 of the UTF-8 text, in lowercase hex.</summary>
    public static string Hash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest, 0, 3);
    }

    private static string CheckKind(string kind)
    {
        if (kind.Length == 0 || !char.IsAsciiLetterUpper(kind[0]) || !kind.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"logical ID kind \"{kind}\" must start with an uppercase letter and hold only letters and digits", nameof(kind));
        }

        return kind;
    }
}
