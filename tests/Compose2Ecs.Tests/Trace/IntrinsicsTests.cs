using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Tests;

/// <summary>Values resolve across nested stacks the way the splitter passes them.</summary>
public sealed class IntrinsicsTests
{
    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    [Fact]
    public void A_list_parameter_item_resolves_to_the_parents_resource()
    {
        var root = Json("""
            {"Resources": {
              "aSecurityGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {}},
              "bSecurityGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {}},
              "Services0": {"Type": "AWS::CloudFormation::Stack", "Metadata": {"aws:asset:path": "n.json"},
                "Properties": {"Parameters": {
                  "Groups": {"Fn::Join": [",", [{"Fn::GetAtt": ["aSecurityGroup", "GroupId"]}, {"Fn::GetAtt": ["bSecurityGroup", "GroupId"]}]]},
                  "Ns": {"Fn::GetAtt": ["Services1", "Outputs.NsId"]}}}},
              "Services1": {"Type": "AWS::CloudFormation::Stack", "Metadata": {"aws:asset:path": "m.json"}, "Properties": {}}}}
            """);
        var nested = Json("""
            {"Parameters": {"Groups": {"Type": "CommaDelimitedList"}, "Ns": {"Type": "String"}},
             "Resources": {"r": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
               "GroupId": {"Fn::Select": [1, {"Ref": "Groups"}]},
               "Other": {"Fn::Select": [0, {"Fn::Split": [",", {"Fn::Join": [",", {"Ref": "Groups"}]}]}]},
               "Ns": {"Ref": "Ns"},
               "Imported": {"Fn::ImportValue": "demo-ns"}}}}}
            """);
        var other = Json("""
            {"Resources": {"Namespace": {"Type": "AWS::ServiceDiscovery::PrivateDnsNamespace", "Properties": {}}},
             "Outputs": {"NsId": {"Value": {"Fn::GetAtt": ["Namespace", "Id"]}, "Export": {"Name": "demo-ns"}}}}
            """);
        var graph = new ResourceGraph(CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }, new Dictionary<string, JsonObject> { ["n.json"] = nested, ["m.json"] = other }));
        var rule = graph.Find(new ResourceId("demo/Services0", "r"))!;

        Assert.Equal(new ResourceId("demo", "bSecurityGroup"), graph.Value(rule, "GroupId").Resource);
        Assert.Equal(new ResourceId("demo", "aSecurityGroup"), graph.Value(rule, "Other").Resource);
        Assert.Equal(new ResourceId("demo/Services1", "Namespace"), graph.Value(rule, "Ns").Resource);
        Assert.Equal(new ResourceId("demo/Services1", "Namespace"), graph.Value(rule, "Imported").Resource);
    }

    [Fact]
    public void Sub_and_join_of_literals_are_literals()
    {
        var root = Json("""
            {"Parameters": {"P": {"Type": "String", "Default": "x"}},
             "Resources": {"r": {"Type": "T", "Properties": {"S": {"Fn::Sub": "${P}-y"}, "J": {"Fn::Join": ["-", ["a", {"Ref": "P"}]]}}}}}
            """);
        var graph = new ResourceGraph(CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }));
        var r = graph.Find(new ResourceId("demo", "r"))!;

        Assert.Equal("x-y", graph.Value(r, "S").Text);
        Assert.Equal("a-x", graph.Value(r, "J").Text);
    }
}
