using System.Reflection;
using CurationPipeline.Items;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Architecture;

/// <summary>
/// The layering of the library, read from the compiled assemblies: no two namespaces use each other (directly or
/// through others), the floor uses nothing but the item types, and the host knows no engine.
/// </summary>
public sealed class NamespaceTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(BenchmarkItem).Assembly,
        typeof(Llm.ModelHub).Assembly,
        typeof(Parquet.ParquetSerializer).Assembly,
    ];

    private static readonly NamespaceGraph Graph = NamespaceGraph.Of("CurationPipeline", Assemblies, Node);

    /// <summary>
    /// The model layer and the Parquet codec are projects of their own, below the library: each counts as one node
    /// (the Parquet codec's namespaces are its layers under one facade).
    /// </summary>
    public static string Node(string ns) =>
        new[] { "CurationPipeline.Parquet", "CurationPipeline.Llm" }.FirstOrDefault(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)) ?? ns;

    [Fact]
    public void No_namespace_uses_one_that_uses_it_back()
    {
        var cycles = Graph.Cycles();

        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(Graph.Describe)));
    }

    [Fact]
    public void The_floor_uses_nothing_but_the_item_types()
    {
        Assert.Contains("CurationPipeline.Core", Graph.Namespaces);
        Assert.Empty(Graph.UsesOf("CurationPipeline.Items"));
        Assert.Equal(["CurationPipeline.Items"], Graph.UsesOf("CurationPipeline.Core"));
    }

    [Fact]
    public void Every_area_stands_on_the_floor()
    {
        string[] areas = ["Calibration", "Departments", "Evaluation", "Hosting", "Paradigms", "Review", "Sampling", "Sources", "Splits"];

        Assert.All(areas, a => Assert.Contains(Graph.UsesOf("CurationPipeline." + a), ns => ns is "CurationPipeline.Core" or "CurationPipeline.Items"));
    }

    [Fact]
    public void The_host_knows_no_engine_and_nothing_but_the_cli_knows_the_composition_root()
    {
        var host = Graph.UsesOf("CurationPipeline.Hosting");
        string[] engines = ["Calibration", "Departments", "Deidentification", "Paradigms", "Composition", "Roles", "Evaluation"];

        Assert.DoesNotContain(host, ns => engines.Any(e => ns == "CurationPipeline." + e || ns.StartsWith("CurationPipeline." + e + ".", StringComparison.Ordinal)));
        Assert.DoesNotContain(Graph.Namespaces, ns => Graph.UsesOf(ns).Contains("CurationPipeline.Composition"));
    }
}
