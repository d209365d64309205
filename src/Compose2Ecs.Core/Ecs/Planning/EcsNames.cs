using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>Names as ECS accepts them: families, container names and volume names allow letters, digits, '_' and '-'.</summary>
internal static partial class EcsNames
{
    public static string Clean(string name, int maxLength = 255)
    {
        var cleaned = NotAllowed().Replace(name, "-");
        return cleaned.Length > maxLength ? cleaned[..maxLength] : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotAllowed();
}
