using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>compose labels → AWS tags, keeping only what AWS accepts (a warning for each label left out).</summary>
internal static partial class TagMapper
{
    private const int MaxTags = 45; // ECS allows 50 per resource; ECS-managed tags use some.

    public static ImmutableArray<KeyValuePair<string, string>> Map(ComposeService service, DiagnosticBag diagnostics)
    {
        var tags = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var location = KeyLocations.Of(service, "labels");
        foreach (var (key, value) in service.Labels)
        {
            string? problem = key.Length is 0 or > 128 ? "a tag key has 1 to 128 characters"
                : value.Length > 256 ? "a tag value has at most 256 characters"
                : key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "tag keys starting with aws: are reserved"
                : !TagText().IsMatch(key) || !TagText().IsMatch(value) ? "tags may hold only letters, digits, spaces and _ . : / = + - @"
                : tags.Count >= MaxTags ? $"at most {MaxTags} labels become tags"
                : null;
            if (problem is not null)
            {
                diagnostics.Warning(location, EcsDiagnosticCodes.NotATag, $"services.{service.Name}.labels.{key}: not a tag: {problem}");
                continue;
            }

            tags.Add(KeyValuePair.Create(key, value));
        }

        return tags.ToImmutable();
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
