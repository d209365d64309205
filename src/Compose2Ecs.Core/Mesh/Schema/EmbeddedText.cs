using System.Reflection;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A text file built into an assembly (a schema fragment), read whole.</summary>
public static class EmbeddedText
{
    public static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from {assembly.GetName().Name}'s build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
