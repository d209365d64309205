using System.Globalization;
using System.Text;

namespace Compose2Ecs.Bench;

/// <summary>
/// Writes a compose project of N services that looks like a real one: every service has an
/// image, a port, environment, a health check, resources and depends_on edges; every tenth
/// publishes an HTTP port; every fifth reads an external secret.
/// </summary>
public static class ProjectGenerator
{
    public static string Write(int services, string directory)
    {
        Directory.CreateDirectory(directory);
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"name: bench{services}\n\nservices:\n");
        for (var i = 0; i < services; i++)
        {
            var name = Name(i);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  {name}:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/bench/{name}:1.0.{i}
                    command: ["serve", "--port", "8080", "--name", "{name}"]
                    expose: ["8080"]
                    x-mesh:
                      protocol: http
                    environment:
                      SERVICE_NAME: {name}
                      LOG_LEVEL: info
                      UPSTREAM: http://{Name(Math.Max(0, i - 1))}:8080

                """);
            if (i % 10 == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    ports: [\"{8000 + (i % 1000)}:8080\"]\n");
            }

            if (i % 5 == 0)
            {
                yaml.Append("    secrets: [api_key]\n");
            }

            var dependencies = new[] { i - 1, i - 7 }.Where(d => d >= 0).Select(Name).ToList();
            if (dependencies.Count > 0)
            {
                yaml.Append("    depends_on:\n");
                foreach (var dependency in dependencies)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"      {dependency}:\n        condition: service_healthy\n");
                }
            }

            yaml.Append("""
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
                      interval: 10s
                      timeout: 3s
                      retries: 3
                    deploy:
                      replicas: 2
                      resources:
                        limits: {cpus: "0.5", memory: 512M}
                        reservations: {memory: 256M}

                """);
        }

        yaml.Append("\nsecrets:\n  api_key:\n    external: true\n    name: /bench/api-key\n");
        var file = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(file, yaml.ToString());
        return file;
    }

    public static string Name(int i) => $"svc{i:D4}";
}
