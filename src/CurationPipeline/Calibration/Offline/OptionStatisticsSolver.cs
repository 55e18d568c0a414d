using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// <c>offline:option-statistics</c>: test-taking heuristics that never read the medicine: "以上都是" when
/// offered; for negated stems ("错误的是", "不属于", "除外") the option least like the others; otherwise the
/// longest, most specific option. Extracts only the terms of the type it finds most often; answers open
/// tasks with a fixed cautious template.
/// </summary>
public sealed class OptionStatisticsSolver(OfflineKnowledge knowledge) : OfflineSolver(knowledge)
{
    private static readonly string[] AllOfAbove = ["以上都是", "以上均是", "以上都对", "以上均正确", "以上都正确", "all of the above"];
    private static readonly string[] Negations = ["错误的是", "不正确的是", "不属于", "除外", "不是", "不包括", "不符合", "不宜", "不应", "禁用"];

    public override string Name => "offline:option-statistics";

    protected override int? Choose(BenchmarkItem item)
    {
        var options = item.Options;
        for (var i = 0; i < options.Count; i++)
        {
            if (AllOfAbove.Any(a => options[i].Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        if (Negations.Any(n => item.Question.Contains(n, StringComparison.Ordinal)))
        {
            // The odd one out: lowest mean bigram coverage by the other options.
            return TextOverlap.ArgMax([.. options.Select((o, i) =>
                -options.Where((_, j) => j != i).Average(other => TextOverlap.Coverage(o, other, 1)))]);
        }

        return TextOverlap.ArgMax([.. options.Select(o => o.Length + 0.5 * o.Count(c => char.IsDigit(c) || c is '、' or '，' or ','))]);
    }

    protected override IEnumerable<ParsedEntity> Extract(BenchmarkItem item)
    {
        var terms = Knowledge.FindTerms(Source(item));
        var top = terms.GroupBy(t => t.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        return top is null ? [] : Typed(top);
    }

    protected override string Compose(BenchmarkItem item) =>
        "这个问题需要结合具体情况判断。建议您及时到正规医院就诊，由专业医生面诊评估后再决定处理方式；"
        + "请勿自行用药或听信未经证实的说法，如症状加重请立即就医。";
}
