using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Paths, header names and values go into proxy configuration and HTTP requests as one line:
/// a control character (a newline, a NUL) would split a header or inject into generated text.
/// Route matches and gateway path prefixes are both checked here.
/// </summary>
internal static class OneLineText
{
    /// <summary>Whether <paramref name="value"/> holds no control character; else a located error (C2E3105).</summary>
    public static bool Check(NodeReader fields, Node node, string path, string value)
    {
        var index = value.AsSpan().IndexOfAnyInRange('\0', '\x1f');
        if (index < 0)
        {
            index = value.IndexOf('\x7f', StringComparison.Ordinal);
        }

        if (index < 0)
        {
            return true;
        }

        fields.Diagnostics.Error(node.Location, Ecs.Planning.EcsDiagnosticCodes.ControlCharacter,
            $"{path}: holds the control character U+{(int)value[index]:X4} at position {index + 1}; a path or header is one line of printable text; remove it");
        return false;
    }
}
