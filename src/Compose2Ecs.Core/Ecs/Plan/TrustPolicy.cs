namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>An IAM role's trust policy, its <c>AssumeRolePolicyDocument</c>: one AWS service may assume the role.</summary>
public static class TrustPolicy
{
    /// <param name="service">The service principal, such as <c>ecs-tasks.amazonaws.com</c> or <c>lambda.amazonaws.com</c>.</param>
    public static CfnMap For(string service) => new CfnMapBuilder()
        .Add("Version", "2012-10-17")
        .AddList("Statement", [new CfnMapBuilder()
            .Add("Effect", "Allow")
            .Add("Principal", new CfnMapBuilder().Add("Service", service).Build())
            .Add("Action", "sts:AssumeRole")
            .Build()])
        .Build();
}
