using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A backend's own <c>x-mesh.&lt;key&gt;</c> section: its key, and the reader that turns it
/// (written or not) into the backend's settings record. The model carries the settings
/// opaquely; the backend reads them back with <see cref="MeshModel.Settings{T}"/>.
/// </summary>
public abstract class MeshSection
{
    private protected MeshSection(string key, Type settingsType, string? schema)
    {
        Key = key;
        SettingsType = settingsType;
        Schema = schema;
    }

    /// <summary>The key under <c>x-mesh</c>, such as <c>my_backend</c>.</summary>
    public string Key { get; }

    /// <summary>The dotted path of the section, for messages.</summary>
    public string Path => $"x-mesh.{Key}";

    /// <summary>The type the reader returns; <see cref="MeshModel.Settings{T}"/> finds it by this.</summary>
    public Type SettingsType { get; }

    /// <summary>The JSON Schema of the section's value (a JSON object's text), for <see cref="MeshSchema"/>; null: the schema leaves it open.</summary>
    public string? Schema { get; }

    internal abstract object Read(MeshSectionInput input);

    /// <summary>A section read by <paramref name="read"/>, which applies every default (the section may be absent).</summary>
    /// <param name="schema">The JSON Schema of the section (see <see cref="Schema"/>).</param>
    public static MeshSection Create<TSettings>(string key, Func<MeshSectionInput, TSettings> read, string? schema = null)
        where TSettings : class => new Typed<TSettings>(key, read, schema);

    private sealed class Typed<TSettings>(string key, Func<MeshSectionInput, TSettings> read, string? schema) : MeshSection(key, typeof(TSettings), schema)
        where TSettings : class
    {
        internal override object Read(MeshSectionInput input) => read(input);
    }
}

/// <summary>What a section reader gets.</summary>
/// <param name="Fields">Typed reads that record located errors.</param>
/// <param name="Entry">The section's entry under <c>x-mesh</c>; null: not written.</param>
/// <param name="Path">The section's dotted path (<c>x-mesh.&lt;key&gt;</c>).</param>
/// <param name="IsChosen">Whether this backend is the effective one: required settings are checked only then.</param>
/// <param name="ProjectName">The compose project name (for defaults named after it).</param>
/// <param name="MeshLocation">Where <c>x-mesh</c> is (unknown without one), for errors about a missing section.</param>
public sealed record MeshSectionInput(NodeReader Fields, MappingEntry? Entry, string Path, bool IsChosen, string ProjectName, SourceLocation MeshLocation);
