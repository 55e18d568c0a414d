using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

public sealed class NamespaceTests
{
    [Fact]
    public void The_cli_namespaces_use_each_other_one_way_only()
    {
        var graph = NamespaceGraph.Of("CurationPipeline.Cli", [typeof(CurateApp).Assembly]);
        var cycles = graph.Cycles();

        Assert.Contains("CurationPipeline.Cli.Commands", graph.UsesOf("CurationPipeline.Cli"));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }
}
