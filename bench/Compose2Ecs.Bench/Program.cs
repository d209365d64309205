using Compose2Ecs.Registration;
using System.Diagnostics;
using System.Globalization;
using Compose2Ecs.Bench;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Templates;

// Benchmark: generated projects of 10, 100 and 1000 services, each synthesized end to end
// (load, plan, templates, CDK cloud assembly) in a fresh process of its own, so that wall
// time includes starting the CDK's Node.js runtime and peak memory is that size's alone.
//   dotnet run -c Release --project bench/Compose2Ecs.Bench -- [--sizes 10,100,1000] [--mesh none] [--keep DIR]
// --construct-cost N times N typed L1 constructs against one CfnInclude of the same resources.
// --moves 40:45,50:120 counts the resources that change template as the project grows, without and with the stack layout file.
// --keep DIR leaves each size's cloud assembly in DIR/<size> (to check it with cfn-check).
// --consul-servers HOST adds x-mesh.consul.servers (hosts HOST and a security group) to the generated
//   project; with --mesh consul it defaults to consul.bench.internal (consul needs servers).
var sizes = Argument("--sizes", "10,100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var mesh = Argument("--mesh", "none");
var one = Argument("--one", "");
var keep = Argument("--keep", "");
var consulServers = Argument("--consul-servers", mesh == "consul" ? "consul.bench.internal" : "");

if (Argument("--construct-cost", "") is { Length: > 0 } constructs)
{
    ConstructCost.Run(int.Parse(constructs, CultureInfo.InvariantCulture));
    return 0;
}

if (Argument("--moves", "") is { Length: > 0 } pairs)
{
    LayoutMoves.Run(pairs, mesh, consulServers);
    return 0;
}

if (one.Length > 0)
{
    return RunOne(int.Parse(one, CultureInfo.InvariantCulture), mesh, keep, consulServers);
}

Console.WriteLine($"compose2ecs synth benchmark: --mesh {mesh}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("services | resources | templates | load+plan s | templates s | cdk s | wall s | peak .NET MB | peak node MB");
Console.WriteLine("-------: | --------: | --------: | ---------: | ----------: | ----: | -----: | -----------: | -----------:");
foreach (var size in sizes)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, [.. ThisCommand(), "--one", size.ToString(CultureInfo.InvariantCulture), "--mesh", mesh, "--consul-servers", consulServers, .. (keep.Length > 0 ? new[] { "--keep", Path.Combine(keep, size.ToString(CultureInfo.InvariantCulture)) } : [])])
    {
        RedirectStandardOutput = true,
    };
    using var child = Process.Start(start)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    Console.WriteLine(child.ExitCode == 0 ? line : $"{size} | failed with exit code {child.ExitCode}");
}

return 0;

static int RunOne(int size, string meshName, string keep, string consulServers)
{
    var wall = Stopwatch.StartNew();
    var work = Path.Combine(Path.GetTempPath(), $"compose2ecs-bench-{Guid.NewGuid():N}");
    try
    {
        var file = ProjectGenerator.Write(size, work);
        if (consulServers.Length > 0)
        {
            File.AppendAllText(file, $"\nx-mesh:\n  consul:\n    servers:\n      hosts: {consulServers}\n      security_group: sg-0123456789abcdef0\n");
        }

        var backends = BackendRegistration.CreateRegistry();
        var options = new SynthOptions { Mesh = meshName, OutputDirectory = keep.Length > 0 ? Path.GetFullPath(keep) : Path.Combine(work, "cdk.out") };

        var project = ComposeLoader.Load(new LoadOptions { Files = [file], WorkingDirectory = work });
        var (plan, context, backend) = EcsSynthesis.Plan(project, options, backends);
        var planned = wall.Elapsed;
        var templates = TemplateBuilder.Build(plan);
        var built = wall.Elapsed;
        var result = EcsSynthesis.Write(plan, templates, options);
        var total = wall.Elapsed;

        var resources = result.TemplateSet.All.Sum(d => d.Resources.Length);
        var json = result.Templates.Count(t => t.EndsWith(".json", StringComparison.Ordinal));
        var node = ProcessMemory.NodePeakBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size} | {resources} | {json} | {planned.TotalSeconds:F1} | {(built - planned).TotalSeconds:F1} | {(total - built).TotalSeconds:F1} | {total.TotalSeconds:F1} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} | {(node is { } n ? (n / 1e6).ToString("F0", CultureInfo.InvariantCulture) : "n/a")}"));
        return 0;
    }
    finally
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

string Argument(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string[] ThisCommand()
{
    // Running as "dotnet Compose2Ecs.Bench.dll": the host is dotnet and the first argument is the dll.
    var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
    return Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [entry] : [];
}
