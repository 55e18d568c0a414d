using CurationPipeline.Reference;

namespace CurationPipeline.Calibration.Offline;

/// <summary>The embedded offline calibration panel: five deterministic baselines of different kinds and the scorer pair.</summary>
public static class OfflinePanel
{
    /// <summary>The five solvers over the knowledge of <paramref name="reference"/> (what exists of it).</summary>
    public static IReadOnlyList<ICalibrationSolver> Create(ReferenceData reference) => Create(OfflineKnowledge.For(reference));

    public static IReadOnlyList<ICalibrationSolver> Create(OfflineKnowledge knowledge) =>
    [
        new KnowledgeRetrievalSolver(knowledge),
        new LexicalOverlapSolver(knowledge),
        new OptionStatisticsSolver(knowledge),
        new DictionaryExtractionSolver(knowledge),
        new ReferenceOverlapSolver(knowledge),
    ];

    /// <summary>The two offline scorer instances (<see cref="RubricOverlapScorer.Pair"/>).</summary>
    public static IReadOnlyList<IResponseScorer> Scorers() => RubricOverlapScorer.Pair();
}
