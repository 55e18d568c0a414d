using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// <c>offline:knowledge-retrieval</c>: retrieves the knowledge-table rows closest to the question and picks
/// the option best covered by them (without a hit, the option sharing most character trigrams with the
/// question); extracts only names of the knowledge tables; answers open tasks with the retrieved rows.
/// </summary>
public sealed class KnowledgeRetrievalSolver(OfflineKnowledge knowledge) : OfflineSolver(knowledge)
{
    public override string Name => "offline:knowledge-retrieval";

    protected override int? Choose(BenchmarkItem item)
    {
        var stem = Stem(item);
        var docs = Knowledge.Retrieve(stem, 3);
        if (docs.Count == 0)
        {
            return TextOverlap.ArgMax([.. item.Options.Select(o => TextOverlap.Coverage(o, stem, 3) + 0.1 * TextOverlap.Coverage(o, stem, 1))]);
        }

        var evidence = string.Join("。", docs.Select(d => d.Name + "：" + d.Text));
        return TextOverlap.ArgMax([.. item.Options.Select(o => TextOverlap.Coverage(o, evidence, 2))]);
    }

    protected override IEnumerable<ParsedEntity> Extract(BenchmarkItem item)
    {
        var names = Knowledge.Documents.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return Typed(Knowledge.FindTerms(Source(item), keep: (term, type) => names.Contains(term) || type == "disease"));
    }

    protected override string Compose(BenchmarkItem item)
    {
        var docs = Knowledge.Retrieve(Stem(item), 2);
        return docs.Count > 0
            ? string.Join("\n", docs.Select(d => $"{d.Name}：{d.Text}"))
            : "目前资料中没有与此相关的内容，建议咨询专业医生。";
    }
}
