using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Tests.Support;

/// <summary>A throwaway project directory with compose files written from test text.</summary>
public sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "c2e-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public TempProject With(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public ComposeProject Load(params string[] files) => Load(new Dictionary<string, string>(), files);

    public ComposeProject Load(IReadOnlyDictionary<string, string> environment, params string[] files) =>
        ComposeLoader.Load(Options(environment, files));

    public LoadOptions Options(IReadOnlyDictionary<string, string> environment, params string[] files) => new()
    {
        Files = files.Length == 0 ? ["compose.yaml"] : [.. files],
        WorkingDirectory = Directory,
        Environment = environment,
    };

    /// <summary>Loads and expects failure; returns the errors.</summary>
    public IReadOnlyList<Diagnostic> Errors(params string[] files) => Errors(new Dictionary<string, string>(), files);

    public IReadOnlyList<Diagnostic> Errors(IReadOnlyDictionary<string, string> environment, params string[] files)
    {
        var e = Assert.Throws<InvalidInputException>(() => Load(environment, files));
        return [.. e.Errors];
    }

    /// <summary>The findings with <paramref name="code"/>, whether the files load (warnings) or not (the exception's diagnostics).</summary>
    public IReadOnlyList<Diagnostic> Findings(string code, params string[] files)
    {
        try
        {
            return [.. Load(new Dictionary<string, string>(), files).Warnings.Where(d => d.Code == code)];
        }
        catch (InvalidInputException e)
        {
            return [.. e.Diagnostics.Where(d => d.Code == code)];
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
