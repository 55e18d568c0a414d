using CurationPipeline.Calibration;

namespace CurationPipeline.Evaluation;

/// <summary>
/// How result rows become figures (0..100): a dataset's score is the mean over trials of its accuracy, its
/// pooled micro-F1 (TP, FP, FN summed over items before the ratio) or its mean judge score; a group of several
/// datasets (a dimension, a department, a difficulty) scores the mean of its datasets' scores.
/// </summary>
public static class ScoreMath
{
    /// <summary>The score of rows that all belong to one dataset; null when there are none.</summary>
    public static double? Dataset(IEnumerable<ResultRow> rows)
    {
        var byTrial = rows.GroupBy(r => r.Trial).ToList();
        if (byTrial.Count == 0)
        {
            return null;
        }

        return 100 * byTrial.Average(t => t.First().Scoring == "micro-f1" ? Pooled(t).F1 : t.Average(r => r.FinalScore));
    }

    /// <summary>The mean of the dataset scores of rows from any datasets.</summary>
    public static double? Group(IEnumerable<ResultRow> rows)
    {
        var scores = rows.GroupBy(r => r.Dataset, StringComparer.Ordinal).Select(g => Dataset(g)).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>Pooled extraction counts of rows.</summary>
    public static MicroF1.Counts Pooled(IEnumerable<ResultRow> rows) =>
        rows.Aggregate(default(MicroF1.Counts), (acc, r) => acc + new MicroF1.Counts(r.TruePositives ?? 0, r.FalsePositives ?? 0, r.FalseNegatives ?? 0));
}
