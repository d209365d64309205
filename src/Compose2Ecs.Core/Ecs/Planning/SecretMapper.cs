using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Compose secrets → container <c>Secrets</c>. Only <c>external</c> secrets are accepted: their
/// name is a Secrets Manager ARN, an SSM parameter ARN, or an SSM parameter name. A <c>file:</c>,
/// <c>environment:</c> or <c>content:</c> secret is an error, because its value would end up in
/// the template. The execution role may read exactly the secrets the service uses.
/// </summary>
internal static partial class SecretMapper
{
    public sealed record Result(ImmutableArray<ContainerSecret> Secrets, ImmutableArray<IamStatement> Statements);

    public static Result Map(ComposeProject project, ComposeService service, DiagnosticBag diagnostics)
    {
        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        var secretsManager = new List<CfnValue>();
        var parameters = new List<CfnValue>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var environment = service.Environment.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var reference in service.Secrets)
        {
            var definition = project.FindSecret(reference.Source);
            if (definition is null)
            {
                diagnostics.Error(reference.Location, EcsDiagnosticCodes.SecretSource, $"services.{service.Name}.secrets: no top-level secret \"{reference.Source}\"; declare it under secrets:");
                continue;
            }

            if (!definition.External)
            {
                var how = definition.File is not null ? $"file: {definition.File}" : definition.Environment is not null ? $"environment: {definition.Environment}" : "content:";
                diagnostics.Error(reference.Location, EcsDiagnosticCodes.SecretSource,
                    $"services.{service.Name}.secrets: secret \"{definition.Name}\" (declared at {definition.Location}) comes from {how}; compose2ecs will not put a secret's value into the template. Store it in Secrets Manager or SSM Parameter Store and declare it with external: true and name: <its ARN or parameter name>");
                continue;
            }

            var name = EnvironmentName(reference.Target);
            if (!names.Add(name))
            {
                diagnostics.Error(reference.Location, EcsDiagnosticCodes.SecretVariableClash, $"services.{service.Name}.secrets: two secrets would both become the environment variable {name}; give them different targets");
                continue;
            }

            if (environment.Contains(name))
            {
                diagnostics.Error(reference.Location, EcsDiagnosticCodes.SecretVariableClash, $"services.{service.Name}.secrets: secret \"{definition.Name}\" becomes the environment variable {name}, which environment also sets; remove one of them");
                continue;
            }

            var source = definition.ExternalName ?? definition.Name;
            var valueFrom = ValueFrom(source, definition, diagnostics, out var isSecretsManager, out var policyResource);
            if (valueFrom is null)
            {
                continue;
            }

            (isSecretsManager ? secretsManager : parameters).Add(policyResource!);
            secrets.Add(new ContainerSecret(name, valueFrom));
            diagnostics.Warning(reference.Location, EcsDiagnosticCodes.SecretAsVariable,
                $"services.{service.Name}.secrets: secret \"{definition.Name}\" is given to the container as the environment variable {name}; Fargate cannot mount it as the file {(reference.Target.StartsWith('/') ? reference.Target : "/run/secrets/" + reference.Target)}");
        }

        var statements = ImmutableArray.CreateBuilder<IamStatement>();
        if (secretsManager.Count > 0)
        {
            statements.Add(new IamStatement(["secretsmanager:GetSecretValue"], [.. secretsManager.Distinct()]));
        }

        if (parameters.Count > 0)
        {
            statements.Add(new IamStatement(["ssm:GetParameters"], [.. parameters.Distinct()]));
        }

        return new Result(secrets.ToImmutable(), statements.ToImmutable());
    }

    /// <summary>The environment variable a secret becomes: its target's file name, with characters other than letters, digits and '_' as '_'.</summary>
    public static string EnvironmentName(string target)
    {
        var file = target.TrimEnd('/');
        file = file[(file.LastIndexOf('/') + 1)..];
        return NotEnvironmentChars().Replace(file, "_");
    }

    private static CfnValue? ValueFrom(string source, SecretDefinition definition, DiagnosticBag diagnostics, out bool isSecretsManager, out CfnValue? policyResource)
    {
        isSecretsManager = false;
        policyResource = null;
        if (source.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (SecretArns.Problem(source) is { } problem)
            {
                diagnostics.Error(definition.Location, EcsDiagnosticCodes.SecretNotOne, $"secrets.{definition.Name}.name: the ARN {problem}; {SecretArns.Fix}");
                return null;
            }

            var parts = source.Split(':');
            if (parts[2] == "secretsmanager")
            {
                // ECS accepts ARN:json-key:version-stage:version-id; IAM wants the secret's own ARN.
                // A "-??????" suffix match is for IAM only; ECS finds the secret by the name before it.
                isSecretsManager = true;
                policyResource = string.Join(':', parts.Take(7));
                return parts[6].EndsWith("-??????", StringComparison.Ordinal) && parts.Length == 7 ? source[..^7] : source;
            }

            policyResource = source;
            return source;
        }

        if (!ParameterName().IsMatch(source))
        {
            diagnostics.Error(definition.Location, EcsDiagnosticCodes.SecretSource,
                $"secrets.{definition.Name}: \"{source}\" is not a Secrets Manager ARN nor an SSM parameter name; use the secret's full ARN, or a parameter name of letters, digits and _.-/");
            return null;
        }

        var arn = CfnValue.Sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/" + CfnValue.SubLiteral(source.TrimStart('/')));
        policyResource = arn;
        return arn;
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotEnvironmentChars();

    [GeneratedRegex("^[A-Za-z0-9_./-]+$")]
    private static partial Regex ParameterName();
}
