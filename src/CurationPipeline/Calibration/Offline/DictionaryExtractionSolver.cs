using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// <c>offline:dictionary-extraction</c>: longest-match lookup of every lexicon term in the text, typed by
/// its lexicon. For multiple-choice it picks the option whose lexicon terms share most knowledge rows
/// with the question's terms (falling back to bigram overlap); for open tasks it lists the terms it found
/// with the knowledge row of each.
/// </summary>
public sealed class DictionaryExtractionSolver(OfflineKnowledge knowledge) : OfflineSolver(knowledge)
{
    public override string Name => "offline:dictionary-extraction";

    protected override int? Choose(BenchmarkItem item)
    {
        var stem = Stem(item);
        var questionTerms = Knowledge.FindTerms(stem).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var related = Knowledge.Documents.Where(d => questionTerms.Any(t => d.Name == t || d.Text.Contains(t, StringComparison.Ordinal)))
            .Select(d => d.Name + d.Text).ToList();
        return TextOverlap.ArgMax([.. item.Options.Select(o =>
        {
            var optionTerms = Knowledge.FindTerms(o).Select(t => t.Term).ToList();
            var support = optionTerms.Count == 0 ? 0 : related.Count(r => optionTerms.Any(t => r.Contains(t, StringComparison.Ordinal)));
            return support + 0.01 * TextOverlap.Coverage(o, stem, 2);
        })]);
    }

    protected override IEnumerable<ParsedEntity> Extract(BenchmarkItem item) =>
        Typed(Knowledge.FindTerms(Source(item))).Concat(PanelVocabulary.Procedures(Source(item)).Select(p => new ParsedEntity("pro", p)));

    protected override string Compose(BenchmarkItem item)
    {
        var terms = Knowledge.FindTerms(Stem(item)).Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(5).ToList();
        if (terms.Count == 0)
        {
            return "未识别到明确的医学术语，建议就医后由医生评估。";
        }

        var notes = terms.Select(t => Knowledge.Documents.FirstOrDefault(d => d.Name == t) is { } d ? $"{t}：{d.Text}" : t);
        return "涉及的要点：" + string.Join("；", notes);
    }
}
