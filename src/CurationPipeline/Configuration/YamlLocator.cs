using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Configuration;

/// <summary>Maps key paths such as <c>datasets[3].target_n</c> to the line they stand on, and positions back to keys.</summary>
public sealed class YamlLocator
{
    private readonly Dictionary<string, Mark> _byPath = new(StringComparer.Ordinal);
    private readonly List<(Mark Start, Mark End, string Path)> _spans = [];

    public YamlLocator(YamlNode root) => Walk(root, "");

    public static YamlLocator Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? new YamlLocator(new YamlMappingNode()) : new YamlLocator(stream.Documents[0].RootNode);
    }

    /// <summary>The line (1-based) of a key path, or of its nearest ancestor that exists.</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_byPath.TryGetValue(p, out var mark))
            {
                return (int)mark.Line;
            }
        }

        return 1;
    }

    /// <summary>The innermost key path whose value spans the given position.</summary>
    public string PathAt(Mark mark)
    {
        var best = "";
        foreach (var (start, end, path) in _spans)
        {
            if (Compare(start, mark) <= 0 && Compare(mark, end) <= 0 && path.Length >= best.Length)
            {
                best = path;
            }
        }

        return best;
    }

    private void Walk(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    var child = path.Length == 0 ? name : path + "." + name;
                    _byPath[child] = key.Start;
                    _spans.Add((key.Start, value.End, child));
                    Walk(value, child);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var child = $"{path}[{i}]";
                    _byPath[child] = seq.Children[i].Start;
                    _spans.Add((seq.Children[i].Start, seq.Children[i].End, child));
                    Walk(seq.Children[i], child);
                }

                break;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static int Compare(Mark a, Mark b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
