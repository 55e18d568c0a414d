using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// <c>offline:lexical-overlap</c>: picks the option whose character bigrams are most covered by the question
/// and context; extracts every lexicon term it sees, overlapping ones included (recall over precision);
/// answers open tasks with the context sentences closest to the question.
/// </summary>
public sealed class LexicalOverlapSolver(OfflineKnowledge knowledge) : OfflineSolver(knowledge)
{
    public override string Name => "offline:lexical-overlap";

    protected override int? Choose(BenchmarkItem item)
    {
        var stem = Stem(item);
        return TextOverlap.ArgMax([.. item.Options.Select(o => TextOverlap.Coverage(o, stem, 2))]);
    }

    protected override IEnumerable<ParsedEntity> Extract(BenchmarkItem item) =>
        Typed(Knowledge.FindTerms(Source(item), overlapping: true)).Concat(PanelVocabulary.Procedures(Source(item)).Select(p => new ParsedEntity("pro", p)));

    protected override string Compose(BenchmarkItem item)
    {
        var sentences = TextOverlap.Sentences(item.Context);
        var best = sentences.OrderByDescending(s => TextOverlap.Coverage(s, item.Question, 2)).Take(3).ToList();
        return best.Count > 0 ? "根据所给信息：" + string.Join("。", best) + "。" : "请提供更多信息以便回答。";
    }
}
