using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>Stage 1: one compose file's text to one mapping (several YAML documents are layered in order).</summary>
internal static class FileParser
{
    public static MappingNode Parse(ComposeFile file)
    {
        var displayPath = file.DisplayPath;
        var text = file.Text ?? Read(file.FullPath, displayPath);

        var documents = YamlReader.ReadDocuments(text, displayPath);

        MappingNode? result = null;
        foreach (var document in documents)
        {
            if (document is ScalarNode { IsNull: true })
            {
                continue;
            }

            if (document is not MappingNode map)
            {
                throw new InvalidInputException(document.Location, ComposeDiagnosticCodes.NotACompose, $"a compose file must be a mapping with \"services\" at the top, not {document.KindName}");
            }

            result = result is null ? map : Merger.MergeProjects(result, map);
        }

        return result ?? MappingNode.Empty(new SourceLocation(displayPath, 1, 1));
    }

    private static string Read(string path, string displayPath) =>
        BoundedFile.TryRead(path, out var problem)
        ?? throw new InvalidInputException(new SourceLocation(displayPath, 0, 0), ComposeDiagnosticCodes.FileNotFound, $"the compose file {problem}");
}
