using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// <c>offline:reference-overlap</c>: builds its answer from the item's own text. Open tasks get the context's
/// sentences ranked by character-trigram overlap with the question; extraction keeps only lexicon terms of
/// three or more characters (precision over recall); multiple-choice takes the option with the highest
/// weighted 1-3-gram overlap with the question and context.
/// </summary>
public sealed class ReferenceOverlapSolver(OfflineKnowledge knowledge) : OfflineSolver(knowledge)
{
    public override string Name => "offline:reference-overlap";

    protected override int? Choose(BenchmarkItem item)
    {
        var stem = Stem(item);
        return TextOverlap.ArgMax([.. item.Options.Select(o =>
            0.5 * TextOverlap.Coverage(o, stem, 1) + 0.3 * TextOverlap.Coverage(o, stem, 2) + 0.2 * TextOverlap.Coverage(o, stem, 3))]);
    }

    protected override IEnumerable<ParsedEntity> Extract(BenchmarkItem item) =>
        Typed(Knowledge.FindTerms(Source(item), keep: (term, _) => term.Length >= 3))
            .Concat(PanelVocabulary.Procedures(Source(item)).Select(p => new ParsedEntity("pro", p)));

    protected override string Compose(BenchmarkItem item)
    {
        var sentences = TextOverlap.Sentences(item.Context).Concat(TextOverlap.Sentences(item.Question)).ToList();
        var ranked = sentences.OrderByDescending(s => TextOverlap.Coverage(item.Question, s, 3)).Take(4).ToList();
        return ranked.Count > 0 ? string.Join("。", ranked) + "。" : item.Question;
    }
}
