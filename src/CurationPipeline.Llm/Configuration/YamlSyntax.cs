namespace CurationPipeline.Llm;

/// <summary>
/// YamlDotNet throws <see cref="InvalidOperationException"/> (no position) on some unclosed flow collections
/// (<c>seed: [1</c> followed by more keys); this finds the line to name instead.
/// </summary>
public static class YamlSyntax
{
    public const string UnclosedFlow = "not valid YAML: a flow sequence or mapping ('[' or '{') is not closed";

    /// <summary>The first 1-based line that opens more '[' or '{' than it closes (outside quotes), or 1.</summary>
    public static int UnclosedFlowLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            int depth = 0;
            char quote = '\0';
            foreach (var c in lines[i])
            {
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '#')
                {
                    break;
                }
                else
                {
                    depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
                }
            }

            if (depth > 0)
            {
                return i + 1;
            }
        }

        return 1;
    }
}
