namespace Compose2Ecs.Testing;

/// <summary>
/// How many cases the exhaustive tests (fuzzing, truncation, scale, mutation) run.
/// <c>dotnet test</c> runs them at the quick depth, so the suite stays a short loop on a 2-core
/// machine; CI runs the same tests at the full depth (<c>C2E_TEST_DEPTH=full</c>, set by
/// <c>.ci/run</c>). Both depths run every kind of case; the full depth runs more of each.
/// </summary>
public static class TestDepth
{
    public const string Variable = "C2E_TEST_DEPTH";

    public static bool Full { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>The count for this depth, unless <paramref name="overrideVariable"/> names a number (a longer run by hand).</summary>
    public static int Pick(int quick, int full, string? overrideVariable = null) =>
        overrideVariable is not null && int.TryParse(Environment.GetEnvironmentVariable(overrideVariable), out var n) ? n
        : Full ? full : quick;
}
