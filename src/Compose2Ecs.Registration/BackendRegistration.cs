using Compose2Ecs.AppMesh;
using Compose2Ecs.Consul;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.ServiceConnect;
using Microsoft.Extensions.DependencyInjection;

namespace Compose2Ecs.Registration;

/// <summary>Every mesh backend the tool offers (the CLI's composition root and the tests use this one list). A new backend adds one line here.</summary>
public static class BackendRegistration
{
    public static IServiceCollection AddMeshBackends(this IServiceCollection services) => services
        .AddSingleton<IMeshBackend, NoMeshBackend>()
        .AddSingleton<IMeshBackend, AppMeshBackend>()
        .AddSingleton<IMeshBackend, ConsulBackend>()
        .AddSingleton<IMeshBackend, ServiceConnectBackend>()
        .AddSingleton<MeshBackendRegistry>();

    public static MeshBackendRegistry CreateRegistry() =>
        new ServiceCollection().AddMeshBackends().BuildServiceProvider().GetRequiredService<MeshBackendRegistry>();
}
