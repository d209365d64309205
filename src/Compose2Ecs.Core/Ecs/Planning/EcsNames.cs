using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>Names as ECS accepts them: families, container names and volume names allow letters, digits, '_' and '-'.</summary>
internal static partial class EcsNames
{
    /// <summary>Other characters become '-'; a name longer than <paramref name="maxLength"/> is shortened stably (its start and a hash).</summary>
    public static string Clean(string name, int maxLength = Naming.AwsNames.EcsName) =>
        Naming.AwsNames.Fit(NotAllowed().Replace(name, "-"), maxLength);

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotAllowed();
}
