namespace Compose2Ecs.Core.Diagnostics;

/// <summary>"Did you mean …?" for unknown keys, names, values and options: one rule everywhere.</summary>
public static class Suggest
{
    /// <summary>The closest candidate within a distance that still looks like a typo, or null.</summary>
    private static string? Nearest(string input, IEnumerable<string> candidates)
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
    /// The candidate to suggest: the nearest by edit distance, or else the one candidate that
    /// contains the input or is contained in it (<c>prefix</c> → <c>path_prefix</c>), which edit
    /// distance misses; null when there is none. One rule for compose keys, x-mesh keys and values,
    /// and the command line.
    /// </summary>
    private static string? Best(string input, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (Nearest(input, list) is { } near)
        {
            return near;
        }

        if (input.Length < 3)
        {
            return null;
        }

        var containing = list.Where(c => c.Contains(input, StringComparison.OrdinalIgnoreCase) || input.Contains(c, StringComparison.OrdinalIgnoreCase)).ToList();
        return containing.Count == 1 ? containing[0] : null;
    }

    /// <summary>"; did you mean …?" with <see cref="Best"/>'s candidate, or an empty string.</summary>
    /// <param name="quote">Double quotes in diagnostics; the command line quotes with <c>'</c>, as System.CommandLine does.</param>
    public static string DidYouMean(string input, IEnumerable<string> candidates, char quote = '"') =>
        Best(input, candidates) is { } best ? $"; did you mean {quote}{best}{quote}?" : "";

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
