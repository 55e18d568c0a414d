using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// Base of the deterministic offline solvers: dispatches on the item's scoring and writes the answer the
/// way a model would (a letter; entities as <c>type：text</c> lines; a free-text response), so the panel
/// parses offline and model answers alike. The same item always gets the same answer.
/// </summary>
public abstract class OfflineSolver(OfflineKnowledge knowledge) : ICalibrationSolver
{
    protected OfflineKnowledge Knowledge { get; } = knowledge;

    public abstract string Name { get; }

    public string Kind => "offline";

    public Task<SolverAnswer> AnswerAsync(BenchmarkItem item, int trial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var response = item.Scoring switch
        {
            ScoringMethod.Accuracy => Choose(item) is { } i ? $"答案：{AnswerLetters.Letter(i)}" : "无法确定",
            ScoringMethod.MicroF1 => EntityResponseParser.Render(item.TertiaryTask.Contains("Normalization", StringComparison.OrdinalIgnoreCase)
                ? Normalize(item)
                : Extract(item).DistinctBy(e => (e.Type, e.Text))),
            _ => Compose(item),
        };
        return Task.FromResult(new SolverAnswer(response));
    }

    /// <summary>The chosen option index, or null to abstain (counted wrong).</summary>
    protected abstract int? Choose(BenchmarkItem item);

    /// <summary>Entities found in the item's context (or question when it has none).</summary>
    protected abstract IEnumerable<ParsedEntity> Extract(BenchmarkItem item);

    /// <summary>A free-text answer to an open-ended task.</summary>
    protected abstract string Compose(BenchmarkItem item);

    /// <summary>Term normalisation: disease terms found in the text, else the text itself as its own standard term.</summary>
    protected virtual IEnumerable<ParsedEntity> Normalize(BenchmarkItem item)
    {
        var text = Source(item);
        var terms = Knowledge.FindTerms(text, keep: (_, type) => type == "disease").Select(t => new ParsedEntity("term", t.Term)).ToList();
        return terms.Count > 0 ? terms : [new ParsedEntity("term", text.Trim())];
    }

    /// <summary>The text an extraction works on.</summary>
    protected static string Source(BenchmarkItem item) => item.Context ?? item.Question;

    /// <summary>Question and context together, the text the options are compared with.</summary>
    protected static string Stem(BenchmarkItem item) => item.Context is null ? item.Question : item.Question + "\n" + item.Context;

    protected static IEnumerable<ParsedEntity> Typed(IEnumerable<(string Term, string Type)> terms) =>
        terms.Select(t => new ParsedEntity(EntityTypes.Normalize(t.Type), t.Term));
}
