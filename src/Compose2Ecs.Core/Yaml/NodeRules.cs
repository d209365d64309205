using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// What differs between the two kinds of YAML the tool reads, for <see cref="NodeReader"/>: the
/// codes of a failed read, and three rules. Compose follows compose-go; <c>x-mesh</c> is ours
/// (docs/x-mesh-reference.md) and is stricter where a mistake would deploy a mesh that does not
/// work. Both rule sets are here, side by side, so that the difference is one place to read.
/// </summary>
public sealed record NodeRules
{
    /// <summary>Compose files and env-file lists: compose-go's rules.</summary>
    public static NodeRules Compose { get; } = new()
    {
        WrongKind = ComposeDiagnosticCodes.WrongType,
        OutOfRange = ComposeDiagnosticCodes.InvalidValue,
        NotAChoice = ComposeDiagnosticCodes.InvalidValue,
        UnknownKey = ComposeDiagnosticCodes.UnknownKey,
        NullIsEmptyMapping = false,
        EmptyTextIsValue = true,
        ListsValidKeys = false,
    };

    /// <summary>The <c>x-mesh</c> extension and every backend's section in it.</summary>
    public static NodeRules Mesh { get; } = new()
    {
        WrongKind = MeshDiagnosticCodes.WrongKind,
        OutOfRange = MeshDiagnosticCodes.OutOfRange,
        NotAChoice = MeshDiagnosticCodes.NotAChoice,
        UnknownKey = MeshDiagnosticCodes.UnknownKey,
        NullIsEmptyMapping = true,
        EmptyTextIsValue = false,
        ListsValidKeys = true,
    };

    /// <summary>The code when a value is of the wrong kind (a mapping where a string belongs).</summary>
    public required string WrongKind { get; init; }

    /// <summary>The code when a number is outside its range.</summary>
    public required string OutOfRange { get; init; }

    /// <summary>The code when a word is not one of its choices.</summary>
    public required string NotAChoice { get; init; }

    /// <summary>The code of a key the mapping does not have.</summary>
    public required string UnknownKey { get; init; }

    /// <summary>
    /// Whether <c>key:</c> with nothing after it reads as an empty mapping. Compose: no, it is an
    /// error where a mapping is required, as in compose-go. x-mesh: yes, an empty section.
    /// </summary>
    public required bool NullIsEmptyMapping { get; init; }

    /// <summary>
    /// Whether an empty string is a value. Compose: yes, as in compose-go. x-mesh: no, a name or
    /// text that says nothing is a mistake.
    /// </summary>
    public required bool EmptyTextIsValue { get; init; }

    /// <summary>
    /// Whether an unknown key's error lists the valid keys. Compose: no, a service has about 90,
    /// so only the nearest is suggested. x-mesh: yes, a section has few.
    /// </summary>
    public required bool ListsValidKeys { get; init; }
}
