using System.Text;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// The start-up order across nested stacks: the parent orders the stack resources (DependsOn or a
/// reference between them). Where the hash split put two services into stacks already ordered the other
/// way, the order is dropped with the splitter's located warning (docs/service-connect.md, a known limit).
/// </summary>
public sealed class NestedStartupOrderTests
{
    [Fact]
    public void Every_caller_is_created_after_the_services_it_calls_across_nested_stacks()
    {
        var compose = new StringBuilder("services:\n");
        const int count = 12;
        for (var i = 0; i < count; i++)
        {
            compose.Append($"  s{i}: {{ image: x, expose: [\"8080\"]{(i + 1 < count ? $", x-mesh: {{ upstreams: [s{i + 1}] }}" : "")} }}\n");
        }

        var text = compose.ToString();
        var templates = TemplateBuilder.Build(Sc.Plan(text), new SplitLimits { MaxResources = 40 });
        Assert.True(templates.Nested.Length > 1, "the test needs the application split across nested stacks");
        var order = new Order(templates);
        var orderedAcross = 0;
        for (var i = 0; i + 1 < count; i++)
        {
            var caller = LogicalIds.For($"s{i}", "Service");
            var callee = LogicalIds.For($"s{i + 1}", "Service");
            var across = templates.Holding(caller)!.Id != templates.Holding(callee)!.Id;
            if (order.WaitsFor(caller, callee))
            {
                orderedAcross += across ? 1 : 0;
                continue;
            }

            // The hash split can put two services in stacks that already wait for each other the other way:
            // then, and only then, the order is dropped, with the splitter's warning (C2E3204) at the caller.
            Assert.True(across, $"{caller} is not created after {callee}, in the same template");
            var (line, column) = Sc.Position(text, $"s{i}:");
            Assert.Contains(templates.Warnings, w => w.Code == EcsDiagnosticCodes.SplitOrderCycle && w.Location.Line == line && w.Location.Column == column);
        }

        Assert.True(orderedAcross > 0, "no call is ordered across stacks: the test proves nothing");
    }

    /// <summary>
    /// Creation order in a split template set: a resource waits for what it DependsOn or references in its
    /// template, for everything its enclosing stack resources wait for, and a stack resource for all it holds.
    /// </summary>
    private sealed class Order
    {
        private readonly Dictionary<(string Doc, string Id), List<(string, string)>> _edges = [];

        public Order(TemplateSet templates)
        {
            foreach (var doc in templates.All)
            {
                var ids = doc.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
                foreach (var resource in doc.Resources)
                {
                    var targets = resource.DependsOn.Concat(References.In(resource.Properties).Select(r => r.LogicalId))
                        .Where(ids.Contains).Select(t => (doc.Id, t)).ToList();
                    if (doc.Parent is { } parent)
                    {
                        targets.Add((parent, doc.Id));   // what the enclosing stack resource waits for
                    }

                    if (resource.Type == StackResource.Type)
                    {
                        targets.AddRange(templates.All.Single(d => d.Id == resource.LogicalId).Resources.Select(r => (resource.LogicalId, r.LogicalId)));
                    }

                    _edges[(doc.Id, resource.LogicalId)] = targets;
                }
            }

            _docOf = templates.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, d.Id))).ToDictionary(x => x.LogicalId, x => x.Id, StringComparer.Ordinal);
        }

        private readonly Dictionary<string, string> _docOf;

        public bool WaitsFor(string from, string to)
        {
            var start = (_docOf[from], from);
            var goal = (_docOf[to], to);
            var seen = new HashSet<(string, string)>();
            var stack = new Stack<(string, string)>(_edges[start]);
            while (stack.TryPop(out var node))
            {
                if (node == goal)
                {
                    return true;
                }

                // A resource's own stack resource completes after it: waiting on it from inside is no order.
                if (seen.Add(node) && _edges.TryGetValue(node, out var next))
                {
                    foreach (var n in next.Where(n => !IsEnclosing(n, start)))
                    {
                        stack.Push(n);
                    }
                }
            }

            return false;
        }

        private bool IsEnclosing((string Doc, string Id) node, (string Doc, string Id) of)
        {
            // node is a stack resource whose template (or a descendant) holds "of".
            var doc = of.Doc;
            while (_docOf.TryGetValue(doc, out var parent) || doc.Length > 0)
            {
                if (node.Id == doc)
                {
                    return true;
                }

                if (!_docOf.TryGetValue(doc, out parent))
                {
                    return false;
                }

                doc = parent;
            }

            return false;
        }
    }
}
