using System.Globalization;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Cdk;

namespace Compose2Ecs.Cli;

/// <summary>
/// Which Node.js runs the CDK: older than <see cref="NodeRuntime.MinimumMajorVersion"/> is refused
/// (exit 3, before any work); a release past its end of life still runs, with warning C2E7002, since
/// refusing it would break machines that work today (Node 20 reached its end on 2026-04-30).
/// </summary>
public static class NodeSupport
{
    /// <summary>End of life of each Node.js major release (nodejs.org/en/about/previous-releases).</summary>
    private static readonly Dictionary<int, DateOnly> EndOfLife = new()
    {
        [18] = new(2025, 4, 30),
        [19] = new(2023, 6, 1),
        [20] = new(2026, 4, 30),
        [21] = new(2024, 6, 1),
        [22] = new(2027, 4, 30),
        [23] = new(2025, 6, 1),
        [24] = new(2028, 4, 30),
        [25] = new(2026, 6, 1),
    };

    /// <summary>The releases to recommend on a given day: even (long-term support) ones not yet at their end.</summary>
    public static IEnumerable<int> Supported(DateOnly today) =>
        EndOfLife.Where(e => e.Key % 2 == 0 && e.Value > today).Select(e => e.Key).Order();

    /// <summary>Checks the Node.js the CDK will use (throws <see cref="PrerequisiteException"/> when it is missing or too old) and warns if it is past its end of life.</summary>
    public static IEnumerable<Diagnostic> Check()
    {
        NodeRuntime.EnsureAvailable();
        return Warning(NodeRuntime.Version ?? "", DateOnly.FromDateTime(DateTime.UtcNow)) is { } warning ? [warning] : [];
    }

    /// <summary>The warning for <paramref name="version"/> (<c>v20.11.1</c>) on <paramref name="today"/>, or null.</summary>
    public static Diagnostic? Warning(string version, DateOnly today)
    {
        if (!int.TryParse(version.TrimStart('v').Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !EndOfLife.TryGetValue(major, out var end) || end > today)
        {
            return null;
        }

        var supported = string.Join(" or ", Supported(today));
        return Diagnostic.Warning(SourceLocation.None, CliDiagnosticCodes.NodeEndOfLife,
            $"Node.js {version} reached its end of life on {end:yyyy-MM-dd}; synth still runs with it, but install Node.js {supported} (or set JSII_NODE to one)");
    }
}
