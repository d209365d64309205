using System.Globalization;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Registration;

namespace Compose2Ecs.Bench;

/// <summary>
/// <c>--moves 40:45,50:120</c>: how many of the resources a project of A services had change
/// template (or disappear) when it grows to B, placed from the names (no layout file: the
/// behaviour before stack layouts, and what <c>--rebalance</c> does) and with the layout file
/// of A kept. Templates only, no CDK.
/// </summary>
internal static class LayoutMoves
{
    public static void Run(string pairs, string mesh, string consulServers)
    {
        Console.WriteLine($"stack layout moves: --mesh {mesh}");
        Console.WriteLine("from | to | resources at from | moved without layout | moved with layout | templates at to (without / with)");
        Console.WriteLine("---: | --: | ---: | ---: | ---: | ---:");
        foreach (var pair in pairs.Split(','))
        {
            var (from, to) = (int.Parse(pair.Split(':')[0], CultureInfo.InvariantCulture), int.Parse(pair.Split(':')[1], CultureInfo.InvariantCulture));
            var before = Build(from, mesh, consulServers, null);
            var layout = StackLayoutFile.Parse(StackLayoutFile.Format(before.Layout), StackLayoutFile.DefaultName);
            var hashed = Build(to, mesh, consulServers, null);
            var kept = Build(to, mesh, consulServers, layout);
            var homes = Homes(before);
            Console.WriteLine($"{from} | {to} | {homes.Count} | {Moved(homes, Homes(hashed))} | {Moved(homes, Homes(kept))} | {hashed.Nested.Length + 1} / {kept.Nested.Length + 1}");
        }
    }

    private static int Moved(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Count(p => !after.TryGetValue(p.Key, out var now) || now != p.Value);

    private static TemplateSet Build(int services, string mesh, string consulServers, StackLayout? layout)
    {
        var work = Path.Combine(Path.GetTempPath(), $"compose2ecs-bench-{Guid.NewGuid():N}");
        try
        {
            var file = ProjectGenerator.Write(services, work);
            if (consulServers.Length > 0)
            {
                File.AppendAllText(file, $"\nx-mesh:\n  consul:\n    servers:\n      hosts: {consulServers}\n      security_group: sg-0123456789abcdef0\n");
            }

            var project = ComposeLoader.Load(new LoadOptions { Files = [file], WorkingDirectory = work });
            return EcsSynthesis.Build(project, new SynthOptions { Mesh = mesh, Layout = layout }, BackendRegistration.CreateRegistry()).Templates;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Each resource's template as a path from the root, so a stack under a new parent counts as moved.</summary>
    private static Dictionary<string, string> Homes(TemplateSet set)
    {
        var byId = set.Nested.ToDictionary(d => d.Id, StringComparer.Ordinal);
        string PathOf(TemplateDocument d) => d.IsRoot ? "" : d.Parent is { Length: > 0 } parent ? $"{PathOf(byId[parent])}/{d.Id}" : d.Id;
        return set.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, Path: PathOf(d)))).ToDictionary(x => x.LogicalId, x => x.Path, StringComparer.Ordinal);
    }
}
