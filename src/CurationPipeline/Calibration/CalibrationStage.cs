using System.Collections.Concurrent;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// Labels difficulty with a calibration panel (section 3.4): every solver answers the item in parallel;
/// multiple-choice and micro-F1 items use the consensus rule, judge items the mean final score of two
/// scorers per response. Every response, its parse, scores and decision go to the calibration sink.
/// </summary>
public sealed class CalibrationStage : IItemStage
{
    /// <summary>The flag of an item whose disputed scores were settled by their mean (policy <c>recorded</c>).</summary>
    public const string DisputeUnsettledFlag = "dispute-unsettled";

    private readonly IReadOnlyList<ICalibrationSolver> _panel;
    private readonly IResponseScorer _scorer1;
    private readonly IResponseScorer _scorer2;
    private readonly ReviewPolicy _policy;
    private readonly ICalibrationSink? _sink;
    private readonly CalibrationThresholds _thresholds;
    private readonly ConcurrentQueue<CalibrationDispute> _disputes = new();

    /// <param name="panel">The solvers (five in the paper); at least two, distinct names.</param>
    /// <param name="scorers">Exactly two scorer instances for judge items.</param>
    /// <param name="policy">What a dispute does: wait for a human (required) or let the mean stand (recorded).</param>
    /// <param name="sink">Where the calibration rows go; null keeps none.</param>
    /// <param name="thresholds">The paper's thresholds unless given.</param>
    public CalibrationStage(IReadOnlyList<ICalibrationSolver> panel, IReadOnlyList<IResponseScorer> scorers, ReviewPolicy policy,
        ICalibrationSink? sink, CalibrationThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(scorers);
        if (panel.Count < 2)
        {
            throw new ArgumentException($"the calibration panel needs at least two solvers, it has {panel.Count}", nameof(panel));
        }

        if (panel.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != panel.Count)
        {
            throw new ArgumentException("the calibration panel has two solvers with the same name: " + string.Join(", ", panel.Select(s => s.Name)), nameof(panel));
        }

        if (scorers.Count != PaperConstants.ScorerCount)
        {
            throw new ArgumentException($"judge scoring needs exactly two scorer instances, got {scorers.Count}", nameof(scorers));
        }

        _panel = panel;
        (_scorer1, _scorer2) = (scorers[0], scorers[1]);
        _policy = policy;
        _sink = sink;
        _thresholds = thresholds ?? CalibrationThresholds.Paper;
        _thresholds.Validate();
    }

    public StageName Name => StageName.Calibrate;

    /// <summary>The thresholds the labels follow.</summary>
    public CalibrationThresholds Thresholds => _thresholds;

    public IReadOnlyList<ICalibrationSolver> Panel => _panel;

    /// <summary>Disputed responses found so far (all policies), for the review store.</summary>
    public IReadOnlyList<CalibrationDispute> Disputes => [.. _disputes];

    /// <summary>Items not yet labelled; a labelled or pending item passes through.</summary>
    public bool AppliesTo(BenchmarkItem item) => item.Difficulty.State == DifficultyState.Unlabelled;

    public async Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        Validate(item);
        var answers = await Task.WhenAll(_panel.Select(s => AskAsync(s, item, cancellationToken)));
        var rows = item.Scoring == ScoringMethod.Judge
            ? await ScoreJudgedAsync(item, answers, cancellationToken)
            : ScoreObjective(item, answers);
        var (label, unsettled) = Decide(item, rows);
        if (_sink is not null)
        {
            await _sink.WriteAsync(rows, cancellationToken);
        }

        var labelled = item with { Difficulty = label };
        return unsettled ? labelled.WithFlag(DisputeUnsettledFlag) : labelled;
    }

    private static async Task<(ICalibrationSolver Solver, string Response)> AskAsync(ICalibrationSolver solver, BenchmarkItem item, CancellationToken ct)
    {
        try
        {
            var answer = await solver.AnswerAsync(item, 0, ct);
            return (solver, answer.Response ?? "");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"calibration solver {solver.Name} failed on item {item.Id}: {e.Message}", e);
        }
    }

    private List<CalibrationRow> ScoreObjective(BenchmarkItem item, (ICalibrationSolver Solver, string Response)[] answers)
    {
        var rows = new List<CalibrationRow>(answers.Length);
        foreach (var (solver, response) in answers)
        {
            var row = NewRow(item, solver, response);
            if (item.Scoring == ScoringMethod.Accuracy)
            {
                (row.Parsed, row.Correct) = AnswerScoring.Choice(item, response);
            }
            else
            {
                (row.Parsed, var f1) = AnswerScoring.Extraction(item, response);
                row.F1 = Math.Round(f1, 6);
                row.Correct = DifficultyRules.IsCorrectF1(f1, _thresholds);
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<CalibrationRow>> ScoreJudgedAsync(BenchmarkItem item, (ICalibrationSolver Solver, string Response)[] answers, CancellationToken ct)
    {
        var scored = await Task.WhenAll(answers.Select(async a =>
        {
            var scores = await Task.WhenAll(ScoreAsync(_scorer1, item, a.Response, ct), ScoreAsync(_scorer2, item, a.Response, ct));
            return (a.Solver, a.Response, S1: scores[0], S2: scores[1]);
        }));
        var rows = new List<CalibrationRow>(scored.Length);
        foreach (var (solver, response, s1, s2) in scored)
        {
            var row = NewRow(item, solver, response);
            (row.Scorer1, row.Score1, row.Scorer2, row.Score2) = (_scorer1.Name, s1, _scorer2.Name, s2);
            row.Disputed = DifficultyRules.IsDisputed(s1, s2, _thresholds);
            row.FinalScore = row.Disputed && _policy == ReviewPolicy.Required ? null : Math.Round((s1 + s2) / 2, 6);
            if (row.Disputed)
            {
                _disputes.Enqueue(new CalibrationDispute(item.Id, item.Dataset, solver.Name, response, _scorer1.Name, s1, _scorer2.Name, s2));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task<double> ScoreAsync(IResponseScorer scorer, BenchmarkItem item, string response, CancellationToken ct)
    {
        var score = await scorer.ScoreAsync(item, response, ct);
        return double.IsFinite(score) && score is >= 0 and <= 1
            ? score
            : throw new InvalidOperationException($"scorer {scorer.Name} gave {score} for item {item.Id}; scores must be within 0..1");
    }

    private (DifficultyLabel Label, bool Unsettled) Decide(BenchmarkItem item, List<CalibrationRow> rows)
    {
        if (item.Scoring != ScoringMethod.Judge)
        {
            var correct = rows.Count(r => r.Correct == true);
            return (DifficultyRules.FromCorrectCount(correct, rows.Count, item.Scoring, _thresholds), false);
        }

        var disputes = rows.Count(r => r.Disputed);
        if (rows.Any(r => r.FinalScore is null))
        {
            return (DifficultyRules.Pending(rows.Count, disputes, _thresholds), false);
        }

        var mean = rows.Average(r => r.FinalScore!.Value);
        return (DifficultyRules.FromMeanScore(mean, rows.Count, _thresholds, disputes), disputes > 0);
    }

    private CalibrationRow NewRow(BenchmarkItem item, ICalibrationSolver solver, string response) => new()
    {
        ItemId = item.Id,
        Dataset = item.Dataset,
        Scoring = DifficultyRules.ScoringName(item.Scoring),
        Solver = solver.Name,
        Kind = solver.Kind,
        PanelSize = _panel.Count,
        Response = response,
    };

    private static void Validate(BenchmarkItem item)
    {
        switch (item.Scoring)
        {
            case ScoringMethod.Accuracy:
                AnswerScoring.GoldChoice(item);
                break;
            case ScoringMethod.Judge when item.Rubric.Count == 0 && string.IsNullOrWhiteSpace(item.Answer):
                throw new ItemInvalidException("rubric", $"item {item.Id}: a judge-scored item needs a rubric or a reference answer");
        }
    }
}
