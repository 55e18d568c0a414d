using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>One item's difficulty recomputed from the calibration table.</summary>
public sealed record RelabelledItem(string ItemId, string Dataset, DifficultyLabel Label, bool DisputeUnsettled);

/// <summary>
/// Recomputes difficulty from a calibration table with other thresholds, without any model call: the
/// consensus counts and the micro-F1 cut are applied to the stored correctness and F1, and judge items are
/// re-decided from the two stored scores (a human score, when present, is final).
/// </summary>
public static class Relabel
{
    /// <summary>Labels per item, in the order items first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<RelabelledItem> Run(IEnumerable<CalibrationRow> rows, CalibrationThresholds thresholds, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        var result = new List<RelabelledItem>();
        foreach (var group in rows.Where(r => r.Trial == 0).GroupBy(r => r.ItemId, StringComparer.Ordinal))
        {
            var items = group.ToList();
            var first = items[0];
            var label = first.Scoring switch
            {
                "accuracy" => Consensus(items, ScoringMethod.Accuracy, thresholds, r => r.Correct == true),
                "micro-f1" => Consensus(items, ScoringMethod.MicroF1, thresholds,
                    r => DifficultyRules.IsCorrectF1(r.F1 ?? throw Missing(r, "f1"), thresholds)),
                "judge" => Judge(items, thresholds, policy),
                _ => throw new InvalidDataException($"calibration row of item {first.ItemId} (solver {first.Solver}): unknown scoring '{first.Scoring}'"),
            };
            result.Add(new RelabelledItem(first.ItemId, first.Dataset, label.Label, label.Unsettled));
        }

        return result;
    }

    /// <summary>Reads a calibration Parquet file and relabels it.</summary>
    public static async Task<IReadOnlyList<RelabelledItem>> RunAsync(string calibrationPath, CalibrationThresholds thresholds, ReviewPolicy policy,
        CancellationToken cancellationToken = default) =>
        Run(await CalibrationTable.ReadAsync(calibrationPath, cancellationToken), thresholds, policy);

    private static (DifficultyLabel Label, bool Unsettled) Consensus(List<CalibrationRow> rows, ScoringMethod scoring, CalibrationThresholds t, Func<CalibrationRow, bool> correct)
    {
        var panel = Panel(rows);
        return (DifficultyRules.FromCorrectCount(rows.Count(correct), panel, scoring, t), false);
    }

    private static (DifficultyLabel Label, bool Unsettled) Judge(List<CalibrationRow> rows, CalibrationThresholds t, ReviewPolicy policy)
    {
        var panel = Panel(rows);
        var finals = new List<double>();
        var disputes = 0;
        var unsettled = 0;
        foreach (var r in rows)
        {
            var s1 = r.Score1 ?? throw Missing(r, "score_1");
            var s2 = r.Score2 ?? throw Missing(r, "score_2");
            var disputed = DifficultyRules.IsDisputed(s1, s2, t);
            disputes += disputed ? 1 : 0;
            if (r.HumanScore is { } human)
            {
                finals.Add(human);
            }
            else if (disputed && policy == ReviewPolicy.Required)
            {
                continue;
            }
            else
            {
                unsettled += disputed ? 1 : 0;
                finals.Add((s1 + s2) / 2);
            }
        }

        if (finals.Count < rows.Count)
        {
            return (DifficultyRules.Pending(panel, rows.Count - finals.Count, t), false);
        }

        return (DifficultyRules.FromMeanScore(finals.Average(), panel, t, unsettled), unsettled > 0);
    }

    private static int Panel(List<CalibrationRow> rows) => rows.Select(r => r.Solver).Distinct(StringComparer.Ordinal).Count();

    private static InvalidDataException Missing(CalibrationRow r, string column) =>
        new($"calibration row of item {r.ItemId} (solver {r.Solver}): column '{column}' is empty");
}
