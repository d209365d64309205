using System.Runtime.CompilerServices;

namespace Compose2Ecs.Testing;

/// <summary>
/// A test that runs only at the full depth (<see cref="TestDepth"/>, CI): an end-to-end check
/// outside the code under test (a package install, say) too slow for every local run. At the
/// quick depth it is reported as skipped, with the variable that runs it.
/// </summary>
public sealed class FullDepthFactAttribute : FactAttribute
{
    // The caller's file and line are xunit v3's source information for the test.
    public FullDepthFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!TestDepth.Full)
        {
            Skip = $"runs at the full depth: {TestDepth.Variable}=full dotnet test";
        }
    }
}
