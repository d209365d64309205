using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// The dev server's bootstrap token with ACLs and no <c>bootstrap_token_secret_arn</c>: a random
/// (version 4) UUID in Secrets Manager, as dev-server/main.tf makes it (<c>random_uuid</c> into
/// an <c>aws_secretsmanager_secret</c>). Consul takes only UUIDs as token SecretIDs, and
/// <c>GenerateSecretString</c> cannot make one, so a custom resource does: an inline Lambda
/// function (the config writer's pattern: <c>Code.ZipFile</c>, no assets) answers a fresh
/// <c>uuid4</c> with <c>NoEcho</c>, and the secret's <c>SecretString</c> is that attribute.
/// Like <c>random_uuid</c> the value is made once: the custom resource's properties never
/// change, so no stack update makes another.
/// </summary>
internal static class BootstrapToken
{
    public static IEnumerable<TemplateResource> Resources(ConsulContext consul)
    {
        yield return new TemplateResource(ConsulContext.Ids.BootstrapTokenFunctionLogGroup, "AWS::Logs::LogGroup", new CfnMapBuilder().Add("RetentionInDays", 30).Build())
        {
            DeletionPolicy = "Delete",
            UpdateReplacePolicy = "Delete",
        };

        yield return new TemplateResource(ConsulContext.Ids.BootstrapTokenFunctionRole, "AWS::IAM::Role", new CfnMapBuilder()
            .Add("AssumeRolePolicyDocument", TrustPolicy.For("lambda.amazonaws.com"))
            .Add("Description", "consul backend: makes the dev server's bootstrap token (a UUID)")
            .AddList("Policies", [new CfnMapBuilder()
                .Add("PolicyName", "consul-bootstrap-token-logs")
                .Add("PolicyDocument", new CfnMapBuilder()
                    .Add("Version", "2012-10-17")
                    .AddList("Statement", [new CfnMapBuilder()
                        .Add("Effect", "Allow")
                        .AddList("Action", ["logs:CreateLogStream", "logs:PutLogEvents"])
                        .Add("Resource", CfnValue.GetAtt(ConsulContext.Ids.BootstrapTokenFunctionLogGroup, "Arn"))
                        .Build()])
                    .Build())
                .Build()])
            .Build());

        yield return new TemplateResource(ConsulContext.Ids.BootstrapTokenFunction, "AWS::Lambda::Function", new CfnMapBuilder()
            .Add("Description", "consul backend: answers a random UUID for the dev server's bootstrap token")
            .Add("Runtime", "python3.12")
            .Add("Handler", "index.handler")
            .Add("Timeout", 30)
            .Add("MemorySize", 128)
            .Add("Role", CfnValue.GetAtt(ConsulContext.Ids.BootstrapTokenFunctionRole, "Arn"))
            .Add("LoggingConfig", new CfnMapBuilder().Add("LogGroup", CfnValue.Ref(ConsulContext.Ids.BootstrapTokenFunctionLogGroup)).Build())
            .Add("Code", new CfnMapBuilder().Add("ZipFile", FunctionCode).Build())
            .Build());

        yield return new TemplateResource(ConsulContext.Ids.BootstrapTokenValue, "Custom::ConsulBootstrapToken", new CfnMapBuilder()
            .Add("ServiceToken", CfnValue.GetAtt(ConsulContext.Ids.BootstrapTokenFunction, "Arn"))
            .Build());

        yield return new TemplateResource(ConsulContext.Ids.BootstrapToken, "AWS::SecretsManager::Secret", new CfnMapBuilder()
            .Add("Description", $"{consul.Model.ProjectName}: bootstrap (initial management) token of the Consul dev server")
            .Add("SecretString", CfnValue.GetAtt(ConsulContext.Ids.BootstrapTokenValue, "Token"))
            .Build())
        {
            DeletionPolicy = "Delete",
            UpdateReplacePolicy = "Delete",
        };
    }

    /// <summary>
    /// Inline (cfnresponse is provided). uuid4 draws on os.urandom. NoEcho keeps the token out of
    /// what describe calls show; Delete has nothing to undo.
    /// </summary>
    private const string FunctionCode = """
        import uuid
        import cfnresponse


        def handler(event, context):
            physical = event.get("PhysicalResourceId", "consul-bootstrap-token")
            try:
                data = {} if event["RequestType"] == "Delete" else {"Token": str(uuid.uuid4())}
                cfnresponse.send(event, context, cfnresponse.SUCCESS, data, physical, noEcho=True)
            except Exception as e:
                cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical, reason=str(e)[:400])

        """;
}
