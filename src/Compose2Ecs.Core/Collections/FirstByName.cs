namespace Compose2Ecs.Core.Collections;

/// <summary>A dictionary of the first item of each name: what a linear search by name would find.</summary>
public static class FirstByName
{
    public static Dictionary<string, T> Index<T>(IReadOnlyCollection<T> items, Func<T, string> name)
    {
        var byName = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName.TryAdd(name(item), item);
        }

        return byName;
    }
}
