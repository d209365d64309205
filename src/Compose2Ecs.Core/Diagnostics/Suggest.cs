namespace Compose2Ecs.Core.Diagnostics;

/// <summary>"Did you mean …?" by edit distance, for unknown keys, names and options.</summary>
public static class Suggest
{
    /// <summary>The closest candidate within a distance that still looks like a typo, or null.</summary>
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var limit = Math.Max(2, input.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>
    /// "; did you mean …?" by edit distance, or else the one candidate that contains the input
    /// or is contained in it (<c>prefix</c> → <c>path_prefix</c>), which edit distance misses;
    /// an empty string when there is none. One rule for compose keys, x-mesh keys and values,
    /// and command-line options.
    /// </summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var near = Nearest(input, list);
        if (near is null && input.Length >= 3)
        {
            var containing = list.Where(c => c.Contains(input, StringComparison.OrdinalIgnoreCase) || input.Contains(c, StringComparison.OrdinalIgnoreCase)).ToList();
            near = containing.Count == 1 ? containing[0] : null;
        }

        return near is null ? "" : $"; did you mean \"{near}\"?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
