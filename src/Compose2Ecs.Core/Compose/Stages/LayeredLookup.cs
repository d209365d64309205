using System.Collections;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Variables looked up through layers, the first that has a name winning, without copying
/// them (an env file of 100k lines reads each line against the lines before it).
/// </summary>
internal sealed class LayeredLookup(params IReadOnlyDictionary<string, string>[] layers) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => layers.SelectMany(l => l.Keys).Distinct(StringComparer.Ordinal);

    public IEnumerable<string> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public bool ContainsKey(string key) => layers.Any(l => l.ContainsKey(key));

    public bool TryGetValue(string key, out string value)
    {
        foreach (var layer in layers)
        {
            if (layer.TryGetValue(key, out value!))
            {
                return true;
            }
        }

        value = null!;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Keys.Select(k => new KeyValuePair<string, string>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
