namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>What the output folder holds now, once <see cref="OutputFolder.Check"/> accepted it.</summary>
public enum OutputFolderState
{
    Missing,
    Empty,
    Assembly,
}

/// <summary>
/// The rules of spec §8 for <c>synth -o DIR</c>, checked before any work: DIR may be missing,
/// empty, or an assembly compose2ecs wrote (it holds <see cref="AssemblyMarker"/>). Anything else
/// is refused: a file, <c>/</c>, a folder holding the inputs or the current directory, a
/// folder with other files.
/// </summary>
public static class OutputFolder
{
    private const string Fix = "choose a new folder (-o cdk.out), or empty this one";

    /// <param name="target">DIR as the user wrote it (messages name it so).</param>
    /// <param name="protectedPaths">The current directory, the project directory and every input file: DIR may hold none of them.</param>
    /// <param name="workingDirectory">What a relative DIR is relative to: the command's working directory, which is not always the process's.</param>
    public static OutputFolderState Check(string target, IEnumerable<string> protectedPaths, string workingDirectory)
    {
        var real = RealPath.Of(Path.GetFullPath(target, workingDirectory));
        if (real == Path.GetPathRoot(real))
        {
            throw new OutputRefusedException(OutputDiagnosticCodes.RootFolder, $"-o {target}: refusing to write the cloud assembly to the root folder; {Fix}");
        }

        foreach (var path in protectedPaths)
        {
            if (RealPath.IsSameOrAncestor(real, RealPath.Of(path)))
            {
                throw new OutputRefusedException(OutputDiagnosticCodes.HoldsInputs, $"-o {target}: refusing to replace a folder that holds {path}; the output folder must be a folder of its own (-o cdk.out)");
            }
        }

        return StateOf(target, real);
    }

    /// <summary>The state of DIR, or why it cannot be replaced (no protected paths: used again right before replacing).</summary>
    public static OutputFolderState StateOf(string target, string real)
    {
        if (File.Exists(real))
        {
            throw new OutputRefusedException(OutputDiagnosticCodes.IsAFile, $"-o {target}: this is a file, and the cloud assembly is a folder; {Fix}");
        }

        if (!Directory.Exists(real))
        {
            // A file where a parent folder should be fails here, not after the work.
            for (var parent = Path.GetDirectoryName(real); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                if (File.Exists(parent))
                {
                    throw new OutputRefusedException(OutputDiagnosticCodes.ParentIsAFile, $"-o {target}: {parent} is a file, not a folder; choose another output folder");
                }

                if (Directory.Exists(parent))
                {
                    break;
                }
            }

            return OutputFolderState.Missing;
        }

        try
        {
            if (!Directory.EnumerateFileSystemEntries(real).Any())
            {
                return OutputFolderState.Empty;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputRefusedException(OutputDiagnosticCodes.CannotRead, $"-o {target}: cannot read the folder ({e.Message})", e);
        }

        if (AssemblyMarker.IsIn(real))
        {
            return OutputFolderState.Assembly;
        }

        throw new OutputRefusedException(OutputDiagnosticCodes.NotOurs, $"-o {target}: the folder holds files compose2ecs did not write (no {AssemblyMarker.FileName} in it), and synth replaces the output folder whole; {Fix}");
    }
}
