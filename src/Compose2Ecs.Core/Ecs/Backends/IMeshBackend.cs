using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// A service-mesh backend (<c>--mesh NAME</c>). It extends the ECS base without editing it,
/// in two steps that run in this order:
/// <list type="number">
/// <item><see cref="IMeshChecks.Check"/>: report what this backend cannot express in the mesh model
/// (errors stop synthesis before anything is written; <c>validate --mesh NAME</c> runs the same checks).</item>
/// <item><see cref="Transform"/>: a pure function over the plan: add sidecars, container dependencies, volumes,
/// proxy configuration, environment, task-role statements, security-group rules, ECS service settings
/// and extra resources as data. Task CPU/memory are chosen afterwards, so sidecars count.</item>
/// </list>
/// A backend is found by <see cref="Name"/>; the CLI registers backends with dependency injection.
/// </summary>
public interface IMeshBackend : IMeshChecks
{
    /// <summary>The <c>--mesh</c> value: lowercase, such as <c>none</c> or <c>appmesh</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c> and <c>compose2ecs backends</c>.</summary>
    string Description { get; }

    /// <summary>The checks are this backend's: <c>validate --mesh NAME</c> finds them by its name.</summary>
    string IMeshChecks.Backend => Name;

    /// <summary>The plan with this backend's additions. Must not call the CDK; may throw <see cref="InvalidInputException"/>.</summary>
    EcsPlan Transform(EcsPlan plan, BackendContext context);
}
