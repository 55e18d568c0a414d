using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Llm;

/// <summary>
/// The endpoints file: a YAML document with an <c>endpoints:</c> list (see docs/model-layer.md).
/// Unknown keys and wrong values are errors naming the file, the line and the key.
/// </summary>
public sealed class EndpointsFile
{
    private EndpointsFile(IReadOnlyList<EndpointOptions> endpoints) => Endpoints = endpoints;

    /// <summary>The endpoints in file order.</summary>
    public IReadOnlyList<EndpointOptions> Endpoints { get; }

    /// <summary>Endpoints built in code (tests, benchmarks); validated like a parsed file.</summary>
    public static EndpointsFile From(IEnumerable<EndpointOptions> endpoints)
    {
        var list = endpoints.ToList();
        EndpointsFileValidator.CheckSet(list, "(code)");
        return new EndpointsFile(list);
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static EndpointsFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"endpoints file not found: {path}", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses YAML text; <paramref name="fileNameForErrors"/> is used in error messages.</summary>
    public static EndpointsFile Parse(string yaml, string fileNameForErrors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new EndpointsFileException(fileNameForErrors, (int)e.Start.Line, null, "not valid YAML: " + e.Message);
        }
        catch (InvalidOperationException)
        {
            throw new EndpointsFileException(fileNameForErrors, YamlSyntax.UnclosedFlowLine(yaml), null, YamlSyntax.UnclosedFlow);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a key given twice in one mapping this way, without a position.
            throw new EndpointsFileException(fileNameForErrors, 1, null, "a key is given twice in one mapping: " + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new EndpointsFileException(fileNameForErrors, 1, null, "expected a mapping with an 'endpoints:' list");
        }

        YamlSequenceNode? list = null;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (key != "endpoints")
            {
                throw new EndpointsFileException(fileNameForErrors, Line(keyNode), key, "unknown key (expected 'endpoints')");
            }

            list = valueNode as YamlSequenceNode
                ?? throw new EndpointsFileException(fileNameForErrors, Line(valueNode), key, "expected a list of endpoints");
        }

        if (list is null || list.Children.Count == 0)
        {
            throw new EndpointsFileException(fileNameForErrors, Line(root), "endpoints", "at least one endpoint is required");
        }

        var endpoints = new List<EndpointOptions>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            endpoints.Add(EndpointReader.Read(list.Children[i], fileNameForErrors, i));
        }

        EndpointsFileValidator.CheckSet(endpoints, fileNameForErrors);
        return new EndpointsFile(endpoints);
    }

    internal static int Line(YamlNode node) => (int)node.Start.Line;
}
