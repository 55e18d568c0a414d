using System.Text.RegularExpressions;

namespace CurationPipeline.Paradigms.ClinicalReasoning;

/// <summary>Section rules of P4: dialogue turns, headed lines of records, and the diagnoses of a diagnosis field.</summary>
public static partial class ClinicalText
{
    /// <summary>The sections of a written outpatient record, in the order they are written.</summary>
    public static IReadOnlyList<string> RecordSections { get; } = ["主诉", "现病史", "既往史", "查体", "辅助检查", "初步诊断", "处理"];

    /// <summary>One line of a dialogue: the speaker (患者, 医生, or empty for other lines) and what was said.</summary>
    public sealed record Turn(string Speaker, string Content, string Line);

    public static IReadOnlyList<Turn> Turns(string dialogue) =>
        [.. dialogue.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var m = Speaker().Match(l);
            return m.Success ? new Turn(m.Groups[1].Value, l[m.Length..].Trim(), l) : new Turn("", l.Trim(), l);
        })];

    public static bool IsDoctor(Turn t) => t.Speaker is "医生" or "大夫";

    /// <summary>The heading of a line like <c>入院诊断：…</c> (up to 8 characters before the colon), or null.</summary>
    public static string? HeadingOf(string line)
    {
        var trimmed = line.TrimStart();
        var colon = trimmed.IndexOfAny(['：', ':']);
        return colon is > 0 and <= 8 ? trimmed[..colon].Trim() : null;
    }

    /// <summary>Drops every line whose heading matches; returns the remaining text.</summary>
    public static string RemoveHeadedLines(string text, Func<string, bool> heading) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => HeadingOf(l) is not { } h || !heading(h)));

    /// <summary>The diagnoses of a field such as <c>1.社区获得性肺炎；2.原发性高血压</c>, in order.</summary>
    public static IReadOnlyList<string> Diagnoses(string field) =>
        [.. DiagnosisSeparator().Split(field).Select(d => Numbering().Replace(d.Trim(), "").Trim()).Where(d => d.Length > 0)];

    [GeneratedRegex(@"^\s*(患者|医生|大夫|家属)\s*[：:]")]
    private static partial Regex Speaker();

    [GeneratedRegex(@"[；;，,、\n]|(?=\d+[.、．])")]
    private static partial Regex DiagnosisSeparator();

    [GeneratedRegex(@"^(\d+[.、．]|[（(]\d+[)）])\s*")]
    private static partial Regex Numbering();
}
