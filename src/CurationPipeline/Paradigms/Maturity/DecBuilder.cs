using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>One planted documentation error and its correction.</summary>
public sealed record PlantedError(string Type, string ErrorText, string Correction);

/// <summary>
/// DEC (L3, Type B, json): an imaging report (the record's text: 检查所见, 诊断意见, 检查日期 and 报告日期) with one or two
/// errors planted, each of a known kind: typo, unit, value, date, duplication, laterality or negation. The gold lists
/// them with their corrections; the decision fields are the error count and the kinds.
/// </summary>
public sealed partial class DecBuilder() : ScenarioBuilder("DEC", "Document Error Correction", ScenarioType.B, "json", "error_count", "error_types")
{
    public static readonly IReadOnlyList<string> Kinds = ["typo", "unit", "value", "date", "duplication", "laterality", "negation"];

    /// <summary>Correct word and the wrong character a typist puts in its place.</summary>
    public static readonly IReadOnlyList<(string Right, string Wrong)> Typos =
        [("囊肿", "囊种"), ("钙化", "钙华"), ("增强", "增墙"), ("边界", "边介"), ("结石", "结实"), ("密度", "密渡"), ("积液", "积夜"), ("淋巴结", "淋巴节"), ("脂肪", "脂防"), ("强化", "强华")];

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(random);
        var text = RecordFields.RequiredText(record).Trim();
        var errors = new List<PlantedError>();
        var wanted = random.Next(1, 3);
        var duplicate = false;
        foreach (var kind in random.Shuffled(Kinds))
        {
            if (errors.Count + (duplicate ? 1 : 0) == wanted)
            {
                break;
            }

            if (kind == "duplication")
            {
                // Planted last, in a sentence without another error, so that each correction undoes exactly its own error.
                duplicate = true;
            }
            else if (Plant(kind, text, random) is { } planted && Keeps(planted.Text, planted.Error, errors))
            {
                text = planted.Text;
                errors.Add(planted.Error);
            }
        }

        for (var attempt = 0; duplicate && attempt < 5; attempt++)
        {
            if (Plant("duplication", text, random) is { } planted && Keeps(planted.Text, planted.Error, errors))
            {
                text = planted.Text;
                errors.Add(planted.Error);
                duplicate = false;
            }
        }

        if (errors.Count == 0)
        {
            throw new RecordRejectedException("the report has nothing any error kind can be planted in (no findings sentence)", "text");
        }

        var ordered = errors.OrderBy(e => text.IndexOf(e.ErrorText, StringComparison.Ordinal)).ToList();
        var answer = new JsonObject
        {
            ["error_count"] = ordered.Count,
            ["error_types"] = new JsonArray([.. ordered.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t))]),
            ["errors"] = new JsonArray([.. ordered.Select(e => (JsonNode?)new JsonObject { ["type"] = e.Type, ["error_text"] = e.ErrorText, ["correction"] = e.Correction })]),
        };
        return new ScenarioDraft(
            "你是资深放射科质控专家。请找出下列报告中的错误（错别字typo、单位错误unit、数值与所见不符value、日期错误date、内容重复duplication、左右错误laterality、否定错误negation）并给出更正，保持原意。" +
            "只输出一个JSON对象：{\"error_count\": 错误数, \"error_types\": [错误类型代码，按字母顺序去重], \"errors\": [{\"type\": 类型代码, \"error_text\": 原文错误片段, \"correction\": 更正后文字}]}。",
            text, MaturityJson.Write(answer))
        {
            Facts = EngineItems.Attributes(("planted_errors", string.Join(",", ordered.Select(e => e.Type)))),
            Keep = [.. ordered.Select(e => e.ErrorText)],
        };
    }

    /// <summary>The report with one error of a kind planted, or null when the report has nothing it can change.</summary>
    public static (string Text, PlantedError Error)? Plant(string kind, string text, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        var (findingsStart, conclusionStart) = (text.IndexOf("检查所见：", StringComparison.Ordinal), text.IndexOf("诊断意见：", StringComparison.Ordinal));
        if (findingsStart < 0 || conclusionStart < findingsStart)
        {
            return null;
        }

        var findings = (Start: findingsStart, End: conclusionStart);
        var conclusion = (Start: conclusionStart, End: NextSection(text, conclusionStart));
        switch (kind)
        {
            case "typo":
                foreach (var (right, wrong) in random.Shuffled(Typos))
                {
                    var at = IndexIn(text, right, findings);
                    if (at >= 0)
                    {
                        return (Splice(text, at, right.Length, wrong), new PlantedError(kind, Window(Splice(text, at, right.Length, wrong), at, wrong.Length), Window(text, at, right.Length)));
                    }
                }

                return null;
            case "unit":
                return Number(text, findings) is { } u
                    ? Replace(text, u.Index, u.Length, u.Groups[1].Value + "cm", kind)
                    : null;
            case "value":
                if (Number(text, conclusion) is not { } v)
                {
                    return null;
                }

                var n = int.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture);
                return Replace(text, v.Index, v.Length, (n + random.Next(3, 10)).ToString(CultureInfo.InvariantCulture) + "mm", kind);
            case "date":
                var exam = DateAfter().Match(text);
                var report = ReportDate().Match(text);
                if (!exam.Success || !report.Success || !DateTime.TryParse(exam.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var examDate))
                {
                    return null;
                }

                var wrongDate = examDate.AddDays(-random.Next(2, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var g = report.Groups[1];
                var planted = Splice(text, g.Index, g.Length, wrongDate);
                return (planted, new PlantedError(kind, "报告日期：" + wrongDate, "报告日期：" + g.Value));
            case "duplication":
                var body = text[findings.Start..findings.End];
                var sentences = body["检查所见：".Length..].Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length >= 6).ToList();
                if (sentences.Count == 0)
                {
                    return null;
                }

                var sentence = sentences[random.Next(sentences.Count)] + "。";
                var where = text.IndexOf(sentence, findings.Start, StringComparison.Ordinal);
                if (where < 0)
                {
                    return null;
                }

                return (Splice(text, where + sentence.Length, 0, sentence), new PlantedError(kind, sentence + sentence, sentence));
            case "laterality":
                var side = SideIn(text, conclusion);
                if (side < 0)
                {
                    return null;
                }

                var swapped = text[side] == '左' ? "右" : "左";
                return (Splice(text, side, 1, swapped), new PlantedError(kind, Window(Splice(text, side, 1, swapped), side, 1), Window(text, side, 1)));
            case "negation":
                var neg = IndexIn(text, "未见", findings);
                return neg < 0 ? null : (Splice(text, neg, 2, "可见"), new PlantedError(kind, Window(Splice(text, neg, 2, "可见"), neg, 2), Window(text, neg, 2)));
            default:
                throw new ArgumentException($"unknown error kind '{kind}'", nameof(kind));
        }
    }

    // A plant that touches an earlier error's text is left out: each error must stay as it was recorded, and no
    // error's text (with its context window) may overlap another's, or undoing one would change the other.
    private static bool Keeps(string text, PlantedError planted, List<PlantedError> errors)
    {
        var at = text.IndexOf(planted.ErrorText, StringComparison.Ordinal);
        return at >= 0 && errors.All(e =>
        {
            var other = text.IndexOf(e.ErrorText, StringComparison.Ordinal);
            return other >= 0 && (other + e.ErrorText.Length <= at || at + planted.ErrorText.Length <= other);
        });
    }

    private static (string, PlantedError) Replace(string text, int at, int length, string with, string kind) =>
        (Splice(text, at, length, with), new PlantedError(kind, Window(Splice(text, at, length, with), at, with.Length), Window(text, at, length)));

    private static int NextSection(string text, int from)
    {
        var next = text.IndexOf("\n报告日期", from, StringComparison.Ordinal);
        return next < 0 ? text.Length : next;
    }

    private static Match? Number(string text, (int Start, int End) span)
    {
        var m = Millimetres().Match(text, span.Start, span.End - span.Start);
        return m.Success ? m : null;
    }

    private static int IndexIn(string text, string what, (int Start, int End) span)
    {
        var at = text.IndexOf(what, span.Start, span.End - span.Start, StringComparison.Ordinal);
        return at;
    }

    private static int SideIn(string text, (int Start, int End) span)
    {
        var m = Side().Match(text, span.Start, span.End - span.Start);
        return m.Success ? m.Index : -1;
    }

    private static string Splice(string text, int start, int length, string with) => text[..start] + with + text[(start + length)..];

    /// <summary>The changed part with up to four characters of context after it, within its line: enough to find it again.</summary>
    private static string Window(string text, int start, int length)
    {
        var end = Math.Min(text.Length, start + length + 4);
        var newline = text.IndexOfAny(['\n', '。', '，'], start + length);
        if (newline >= 0 && newline < end)
        {
            end = newline;
        }

        var begin = Math.Max(0, start - 2);
        var lineStart = text.LastIndexOfAny(['\n', '：', '。', '，'], Math.Max(0, start - 1));
        if (lineStart >= begin)
        {
            begin = lineStart + 1;
        }

        return text[begin..end];
    }

    [GeneratedRegex(@"(\d+)mm")]
    private static partial Regex Millimetres();

    [GeneratedRegex("[左右](?=[肾肺侧])")]
    private static partial Regex Side();

    [GeneratedRegex(@"检查日期：(\d{4}-\d{2}-\d{2})")]
    private static partial Regex DateAfter();

    [GeneratedRegex(@"报告日期：(\d{4}-\d{2}-\d{2})")]
    private static partial Regex ReportDate();
}
