using System.Text;

namespace Compose2Ecs.Testing;

/// <summary>
/// A compose project of N HTTP services with ports, depends_on edges (some reaching far back) and,
/// every tenth, a published port. Each says it speaks http (x-mesh.protocol): the default is tcp
/// (spec §2), and App Mesh cannot tell two tcp upstreams on one port apart.
/// </summary>
public static class GeneratedProject
{
    public static string Yaml(int services, int skip = -1)
    {
        var yaml = new StringBuilder("name: big\nservices:\n");
        for (var i = 0; i < services; i++)
        {
            if (i == skip)
            {
                continue;
            }

            yaml.Append($"  s{i:D4}:\n    image: example/s{i}:1\n    expose: [\"8080\"]\n    x-mesh: {{ protocol: http }}\n");
            if (i % 10 == 0)
            {
                yaml.Append($"    ports: [\"{10000 + i}:8080\"]\n");
            }

            var dependencies = new[] { i - 1, i - 37, i / 2 }.Where(d => d >= 0 && d != i && d != skip).Distinct().ToList();
            if (dependencies.Count > 0)
            {
                yaml.Append("    depends_on: [").Append(string.Join(", ", dependencies.Select(d => $"s{d:D4}"))).Append("]\n");
            }
        }

        return yaml.ToString();
    }
}
