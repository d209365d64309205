using Compose2Ecs.Core.Ecs.Backends;
using Microsoft.Extensions.DependencyInjection;

namespace Compose2Ecs.Cli;

/// <summary>The composition root: every mesh backend the tool offers. A new backend adds one line here.</summary>
public static class BackendRegistration
{
    public static IServiceCollection AddMeshBackends(this IServiceCollection services) => services
        .AddSingleton<IMeshBackend, NoMeshBackend>()
        .AddSingleton<IMeshBackend, Compose2Ecs.ServiceConnect.ServiceConnectBackend>()
        .AddSingleton<MeshBackendRegistry>();

    public static MeshBackendRegistry CreateRegistry() =>
        new ServiceCollection().AddMeshBackends().BuildServiceProvider().GetRequiredService<MeshBackendRegistry>();
}
