namespace Compose2Ecs.Core.Diagnostics;

/// <summary>A position in an input file: 1-based line and column, as editors count them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new("", 0, 0);

    public bool IsKnown => File.Length > 0;

    public override string ToString() =>
        !IsKnown ? "" : Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
