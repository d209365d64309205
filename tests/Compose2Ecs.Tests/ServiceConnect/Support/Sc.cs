using Compose2Ecs.ServiceConnect;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests.Support;

/// <summary>
/// Compose text → what <c>--mesh service-connect</c> makes of it, through the same registry the CLI
/// uses. Most tests read the templates as the base builds them (pure C#, no CDK); the example and
/// corpus tests go through the CDK and cfn-check.
/// </summary>
internal static class Sc
{
    public const string Mesh = ServiceConnectSpec.Name;

    public static SynthOptions Options => new() { Mesh = Mesh };

    /// <summary>The plan after the backend's transform and sizing.</summary>
    public static EcsPlan Plan(string compose)
    {
        using var dir = new TempDir();
        return Synth.Plan(dir, compose, Options);
    }

    /// <summary>The root template (resources and outputs) as JSON, built from the plan without the CDK.</summary>
    public static JsonObject Template(string compose) => TemplateJson.ToObject(TemplateBuilder.Build(Plan(compose)).Root);

    public static JsonObject Resources(string compose) => Template(compose)["Resources"]!.AsObject();

    /// <summary>The mesh model with Service Connect's checks run; throws <see cref="InvalidInputException"/> on errors.</summary>
    public static MeshModel Read(string compose)
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", compose);
        return MeshReader.Read(Synth.Load(dir.Path, "compose.yaml"), Mesh, Synth.Backends.All);
    }

    /// <summary>The diagnostics (errors and warnings) of an input the checks reject.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string compose)
    {
        var error = Assert.Throws<InvalidInputException>(() => Read(compose));
        return error.Diagnostics;
    }

    /// <inheritdoc cref="Located.At"/>
    public static Diagnostic At(IEnumerable<Diagnostic> diagnostics, string compose, string at, string message, Severity severity = Severity.Error, int occurrence = 1) =>
        Located.At(diagnostics, compose, at, message, severity, occurrence);

    /// <inheritdoc cref="Located.Coded"/>
    public static Diagnostic Coded(IEnumerable<Diagnostic> diagnostics, string compose, string at, string code, Severity severity, int occurrence = 1) =>
        Located.Coded(diagnostics, compose, at, code, severity, occurrence);

    /// <inheritdoc cref="Located.Position"/>
    public static (int Line, int Column) Position(string yaml, string text, int occurrence = 1) => Located.Position(yaml, text, occurrence);

    public static string Id(string service, string kind) => LogicalIds.For(service, kind);

    public static JsonObject Props(JsonObject resources, string id) =>
        resources[id]?["Properties"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no resource {id}; have {string.Join(", ", resources.Select(r => r.Key))}");

    /// <summary>A service's <c>ServiceConnectConfiguration</c>, or null.</summary>
    public static JsonObject? Connect(JsonObject resources, string service) => Props(resources, Id(service, "Service"))["ServiceConnectConfiguration"]?.AsObject();

    /// <summary>The app container of a service's task definition.</summary>
    public static JsonObject App(JsonObject resources, string service) =>
        Props(resources, Id(service, "TaskDefinition"))["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()).First(c => (string?)c["Name"] == service);

    /// <summary>Every rule between two services' groups, as "caller->callee:port".</summary>
    public static IEnumerable<string> ServiceEdges(JsonObject resources) => SecurityGroupEdges.Between(resources);
}
