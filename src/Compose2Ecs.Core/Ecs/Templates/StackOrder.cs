namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>SecurityGroups0, SecurityGroups1 …, then ServiceGroup0 …, then Services0 …: numeric order within each kind.</summary>
internal sealed class StackOrder : IComparer<string>
{
    public static StackOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (kx, nx) = Split(x ?? "");
        var (ky, ny) = Split(y ?? "");
        var byKind = string.CompareOrdinal(kx, ky);
        return byKind != 0 ? byKind : nx.CompareTo(ny);
    }

    private static (string Kind, long Number) Split(string id)
    {
        var digits = id.Length;
        while (digits > 0 && char.IsAsciiDigit(id[digits - 1]))
        {
            digits--;
        }

        return (id[..digits], digits < id.Length && id.Length - digits < 18 ? long.Parse(id[digits..], System.Globalization.CultureInfo.InvariantCulture) : 0);
    }
}
