using System.Collections.Concurrent;
using CurationPipeline.Calibration;
using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>
/// Runs models over a split: every item x model x trial is one unit, answered with bounded concurrency and
/// scored the way its item says (three shuffled presentations for multiple-choice, micro-F1 counts for
/// extraction, logical accuracy for maturity Type B, two judges with dispute handling for open-ended).
/// Judges: the first two score; a third, when given, settles disputes that no human decision settles.
/// </summary>
public sealed class Evaluator
{
    private readonly IReadOnlyList<IEvaluatedModel> _models;
    private readonly IReadOnlyList<IResponseScorer> _judges;
    private readonly EvaluationOptions _options;

    public Evaluator(IReadOnlyList<IEvaluatedModel> models, IReadOnlyList<IResponseScorer> judges, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(options);
        if (models.Count == 0)
        {
            throw new ArgumentException("give at least one model to evaluate", nameof(models));
        }

        if (judges.Count is < 2 or > 3)
        {
            throw new ArgumentException($"give two judges (and optionally a third for disputes), not {judges.Count}", nameof(judges));
        }

        if (options.Trials < 1 || options.Concurrency < 1)
        {
            throw new ArgumentException("trials and concurrency must be at least 1", nameof(options));
        }

        _models = models;
        _judges = judges;
        _options = options;
    }

    public async Task<EvaluationResult> RunAsync(IReadOnlyList<BenchmarkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Validate(item);
        }

        var units = (from i in Enumerable.Range(0, items.Count)
                     from m in Enumerable.Range(0, _models.Count)
                     from t in Enumerable.Range(0, _options.Trials)
                     select (Index: (i * _models.Count + m) * _options.Trials + t, Item: items[i], Model: _models[m], Trial: t)).ToList();
        var rows = new ResultRow[units.Count];
        var disputes = new ConcurrentBag<(int Index, DisputeRecord Record)>();
        var done = 0;
        var scorer = new UnitScorer(_judges, _options);
        await Parallel.ForEachAsync(
            units,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (unit, ct) =>
            {
                var (row, dispute) = await scorer.ScoreAsync(unit.Item, unit.Model, unit.Trial, ct);
                rows[unit.Index] = row;
                if (dispute is not null)
                {
                    disputes.Add((unit.Index, dispute));
                }

                _options.OnUnitDone?.Invoke(Interlocked.Increment(ref done));
            });
        return new EvaluationResult(rows, [.. disputes.OrderBy(d => d.Index).Select(d => d.Record)]);
    }

    /// <summary>Checks up front that an item can be scored, so a bad item fails before any model is asked.</summary>
    public static void Validate(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var type = MaturityItem.Type(item);
        if (type == MaturityType.B)
        {
            if (string.IsNullOrWhiteSpace(item.Answer))
            {
                throw new FormatException($"item {item.Id} ({item.Dataset}): field 'answer' is empty; a Type B item needs the reference decision");
            }

            return;
        }

        switch (item.Scoring)
        {
            case ScoringMethod.Accuracy:
                try
                {
                    _ = AnswerScoring.GoldChoice(item);
                }
                catch (Core.ItemInvalidException e)
                {
                    throw new FormatException($"{item.Dataset}: {e.Message}", e);
                }

                break;
            case ScoringMethod.Judge when string.IsNullOrWhiteSpace(item.Answer) && item.Rubric.Count == 0:
                throw new FormatException($"item {item.Id} ({item.Dataset}): field 'answer' and field 'rubric' are both empty; a judged item needs one");
        }
    }
}
