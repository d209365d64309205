using System.Globalization;
using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>Go-style durations, as compose uses them: <c>1m30s</c>, <c>1h5m30s20ms</c>, <c>500ms</c>, <c>10</c> (seconds).</summary>
public static partial class Durations
{
    /// <summary>Ten years: far past any timeout, far below TimeSpan's range.</summary>
    private const double MaxSeconds = 10 * 365 * 24 * 3600;

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        // compose-go accepts a bare number as seconds.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && Regex.IsMatch(text, @"^[0-9.]+$"))
        {
            if (seconds > MaxSeconds)
            {
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            return false;
        }

        double total = 0;
        foreach (Match m in matches)
        {
            var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ns" => number / 1_000_000,
                "us" or "µs" or "μs" => number / 1000,
                "ms" => number,
                "s" => number * 1000,
                "m" => number * 60_000,
                _ => number * 3_600_000, // h
            };
        }

        if (total > MaxSeconds * 1000)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Formats as Go does: <c>1m30s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (value.Days * 24 + value.Hours > 0)
        {
            parts.Add($"{(int)value.TotalHours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0 || value.Milliseconds > 0)
        {
            parts.Add(value.Milliseconds > 0 && value.Seconds == 0 && parts.Count == 0
                ? $"{value.Milliseconds}ms"
                : value.Milliseconds > 0
                    ? $"{(value.Seconds + value.Milliseconds / 1000.0).ToString(CultureInfo.InvariantCulture)}s"
                    : $"{value.Seconds}s");
        }

        return string.Concat(parts);
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)")]
    private static partial Regex Part();
}
