using System.Globalization;
using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>
/// Byte sizes as compose reads them (docker/go-units RAMInBytes): binary multiples, with an
/// optional <c>b</c>: <c>512m</c>, <c>1g</c> = 1073741824, <c>640kb</c> = 655360, <c>1.5G</c>.
/// </summary>
public static partial class ByteSizes
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        if (!double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var multiplier = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" => 1d,
            "k" => 1024d,
            "m" => 1024d * 1024,
            "g" => 1024d * 1024 * 1024,
            "t" => 1024d * 1024 * 1024 * 1024,
            _ => 1024d * 1024 * 1024 * 1024 * 1024, // p
        };

        var result = number * multiplier;
        if (result > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)result;
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtTpP]?)[bB]?$")]
    private static partial Regex Pattern();
}
