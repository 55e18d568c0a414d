using CurationPipeline.Calibration;
using CurationPipeline.Items;
using CurationPipeline.Llm;

namespace CurationPipeline.Evaluation;

/// <summary>Asks one model one item in one trial and scores the answer; see <see cref="Evaluator"/>.</summary>
internal sealed class UnitScorer(IReadOnlyList<IResponseScorer> judges, EvaluationOptions options)
{
    // The method's rule for a correct extraction answer (informational; the dataset score is the pooled F1).

    public async Task<(ResultRow Row, DisputeRecord? Dispute)> ScoreAsync(BenchmarkItem item, IEvaluatedModel model, int trial, CancellationToken ct)
    {
        var row = NewRow(item, model, trial);
        try
        {
            var type = MaturityItem.Type(item);
            if (type == MaturityType.B)
            {
                await LogicalAsync(item, model, trial, row, ct);
            }
            else if (item.Scoring == ScoringMethod.Accuracy)
            {
                await ChoiceAsync(item, model, trial, row, ct);
            }
            else if (item.Scoring == ScoringMethod.MicroF1)
            {
                await ExtractionAsync(item, model, trial, row, ct);
            }
            else
            {
                return (row, await JudgedAsync(item, model, trial, row, ct));
            }
        }
        catch (Exception e) when (e is LlmException or HttpRequestException or TimeoutException)
        {
            row.Flags.Add("call-failed");
            row.Error = e.Message;
            row.FinalScore = 0;
            row.Correct = false;
            if (item.Scoring == ScoringMethod.MicroF1 && MaturityItem.Type(item) != MaturityType.B)
            {
                // A failed call found nothing: its gold still counts against the pooled recall.
                var missed = MicroF1.Count([], item.Entities);
                (row.TruePositives, row.FalsePositives, row.FalseNegatives) = (0, 0, missed.FalseNegatives);
            }
        }

        return (row, null);
    }

    private static async Task ChoiceAsync(BenchmarkItem item, IEvaluatedModel model, int trial, ResultRow row, CancellationToken ct)
    {
        var orders = OptionShuffle.Orders(item.Id, item.Options.Count, trial);
        var shown = orders.Select(o => OptionShuffle.Present(item, o)).ToList();
        var prompts = shown.Select(PromptBuilder.Build).ToList();
        var responses = await Task.WhenAll(shown.Select((s, p) => model.AnswerAsync(s, prompts[p], trial, ct)));
        var parsed = new List<string>();
        var allRight = true;
        for (var p = 0; p < shown.Count; p++)
        {
            var (_, correct) = AnswerScoring.Choice(shown[p], responses[p]);
            var original = OptionShuffle.ToOriginal(ChoiceParser.Parse(responses[p], shown[p].Options), orders[p]);
            parsed.Add(ChoiceParser.ToLetters(original));
            allRight &= correct;
            if (original.Count == 0 && !row.Flags.Contains("unparsed"))
            {
                row.Flags.Add("unparsed");
            }
        }

        row.Prompt = prompts[0];
        row.RawResponse = string.Join("\n---\n", responses);
        row.Presentations = [.. orders.Select(o => new string([.. o.Select(AnswerLetters.Letter)]))];
        row.ParsedAnswer = string.Join("|", parsed);
        row.Correct = allRight;
        row.FinalScore = allRight ? 1 : 0;
    }

    private static async Task ExtractionAsync(BenchmarkItem item, IEvaluatedModel model, int trial, ResultRow row, CancellationToken ct)
    {
        row.Prompt = PromptBuilder.Build(item);
        row.RawResponse = await model.AnswerAsync(item, row.Prompt, trial, ct);
        var predicted = EntityResponseParser.Parse(row.RawResponse, AnswerScoring.DefaultType(item));
        var counts = MicroF1.Count(predicted, item.Entities);
        row.ParsedAnswer = EntityResponseParser.Render(predicted);
        row.TruePositives = counts.TruePositives;
        row.FalsePositives = counts.FalsePositives;
        row.FalseNegatives = counts.FalseNegatives;
        row.FinalScore = counts.F1;
        row.Correct = counts.F1 > PaperConstants.F1Correct;
        if (predicted.Count == 0 && !string.IsNullOrWhiteSpace(row.RawResponse))
        {
            row.Flags.Add("unparsed");
        }
    }

    private static async Task LogicalAsync(BenchmarkItem item, IEvaluatedModel model, int trial, ResultRow row, CancellationToken ct)
    {
        row.Prompt = PromptBuilder.Build(item);
        row.RawResponse = await model.AnswerAsync(item, row.Prompt, trial, ct);
        var (parsed, correct, problem) = LogicalAccuracy.Score(item, row.RawResponse);
        row.ParsedAnswer = parsed;
        row.Correct = correct;
        row.FinalScore = correct ? 1 : 0;
        if (problem is not null)
        {
            row.Flags.Add("format-violation");
            row.Error = problem;
        }
    }

    private async Task<DisputeRecord?> JudgedAsync(BenchmarkItem item, IEvaluatedModel model, int trial, ResultRow row, CancellationToken ct)
    {
        row.Prompt = PromptBuilder.Build(item);
        row.RawResponse = await model.AnswerAsync(item, row.Prompt, trial, ct);
        row.Judges = [judges[0].Name, judges[1].Name];
        var scores = await Task.WhenAll(TryScoreAsync(judges[0], item, row, ct), TryScoreAsync(judges[1], item, row, ct));
        row.JudgeA = scores[0];
        row.JudgeB = scores[1];
        var known = scores.OfType<double>().ToList();
        if (known.Count == 0)
        {
            row.FinalScore = 0;
            return null;
        }

        var mean = known.Average();
        row.FinalScore = mean;
        if (known.Count < 2 || Math.Abs(known[0] - known[1]) <= options.DisputeGap)
        {
            return null;
        }

        row.Flags.Add("disputed");
        string decidedBy;
        if (options.HumanDecisions.TryGetValue(row.Key, out var human))
        {
            row.FinalScore = Math.Clamp(human, 0, 1);
            row.Flags.Add("adjudicated-by-human");
            decidedBy = "human";
        }
        else if (judges.Count > 2 && await TryScoreAsync(judges[2], item, row, ct) is { } third)
        {
            row.JudgeC = third;
            row.Judges.Add(judges[2].Name);
            row.FinalScore = third;
            row.Flags.Add("adjudicated-by-judge");
            decidedBy = "judge:" + judges[2].Name;
        }
        else
        {
            row.Flags.Add("dispute-unsettled");
            decidedBy = "unsettled";
        }

        return new DisputeRecord
        {
            Id = row.Key,
            ItemId = item.Id,
            Dataset = item.Dataset,
            Model = model.Name,
            Trial = trial,
            Question = item.Question,
            Context = item.Context,
            Reference = item.Answer,
            Rubric = item.Rubric,
            Response = row.RawResponse,
            Judges = [judges[0].Name, judges[1].Name],
            Scores = [known[0], known[1]],
            Gap = Math.Round(Math.Abs(known[0] - known[1]), 4),
            Decision = row.FinalScore,
            DecidedBy = decidedBy,
        };
    }

    private static async Task<double?> TryScoreAsync(IResponseScorer judge, BenchmarkItem item, ResultRow row, CancellationToken ct)
    {
        try
        {
            return Math.Clamp(await judge.ScoreAsync(item, row.RawResponse, ct), 0, 1);
        }
        catch (JudgeVerdictException e)
        {
            lock (row)
            {
                if (!row.Flags.Contains("judge-unreadable"))
                {
                    row.Flags.Add("judge-unreadable");
                }

                row.Error = e.Message;
            }

            return null;
        }
    }

    private static ResultRow NewRow(BenchmarkItem item, IEvaluatedModel model, int trial) => new()
    {
        ItemId = item.Id,
        Dataset = item.Dataset,
        PrimaryDimension = item.PrimaryDimension,
        SecondaryDimension = item.SecondaryDimension,
        Task = item.TertiaryTask,
        Difficulty = item.Difficulty.Level?.ToString(),
        Departments = [.. item.Departments],
        Scoring = MaturityItem.Type(item) == MaturityType.B ? "logical-accuracy"
            : item.Scoring switch { ScoringMethod.Accuracy => "accuracy", ScoringMethod.MicroF1 => "micro-f1", _ => "judge" },
        MaturityType = MaturityItem.Type(item) is var t && t != MaturityType.None ? t.ToString() : null,
        Model = model.Name,
        Engine = model.Engine,
        Trial = trial,
    };
}
