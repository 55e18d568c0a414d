using System.Text.RegularExpressions;

namespace CurationPipeline.Paradigms;

/// <summary>Fills <c>{{placeholders}}</c> of a prompt template; an unknown placeholder is left visible so a broken template shows.</summary>
public static partial class PromptTemplate
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
