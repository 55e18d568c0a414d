using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Sampling;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Review;

public sealed class ReviewStageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ReviewStore _store;

    public ReviewStageTests() => _store = ReviewStore.Open(_dir.File("review.db"), TimeProvider.System);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static BenchmarkItem Labelled(BenchmarkItem item, Difficulty level) =>
        item with { Difficulty = new DifficultyLabel(DifficultyState.Labelled, level, 5, null, 5, "test") };

    private void Approve(string itemId)
    {
        var task = _store.FindTask(itemId, ReviewKind.ItemQa)!;
        foreach (var a in task.Assignments.Where(a => a.Slot <= 2))
        {
            _store.SubmitQa(task.Id, a.Reviewer, [.. ReviewCriteria.For(task.Item!).Select(c => new CriterionVerdict(c, true))]);
        }
    }

    [Fact]
    public async Task Stage_returns_status_from_the_store_and_required_policy_samples_only_approved()
    {
        var stage = new ReviewStage(_store, ReviewItems.Reviewers, ReviewPolicy.Required);
        var items = Enumerable.Range(0, 20).Select(i => Labelled(ReviewItems.Choice($"i{i:00}"), (Difficulty)(i % 3))).ToList();
        var first = new List<BenchmarkItem>();
        foreach (var item in items)
        {
            first.Add(await stage.ProcessAsync(item));
        }

        Assert.Equal("review", stage.Name);
        Assert.All(first, i => Assert.Equal(ReviewStatus.Unreviewed, i.Review));
        Assert.All(first, i => Assert.False(i.HasFlag(ReviewStage.ReviewPendingFlag)));
        foreach (var id in new[] { "i00", "i01", "i02", "i03", "i04" })
        {
            Approve(id);
        }

        var second = new List<BenchmarkItem>();
        foreach (var item in items)
        {
            second.Add(await stage.ProcessAsync(item));
        }

        Assert.Equal(20, _store.Tasks().Count);
        var spec = new SamplingSpec("MedExam", 10, DifficultyRatio.Default, [], ReviewPolicy.Required);
        var sample = new StratifiedSampler().Sample([.. second.Select(SampleCandidate.From)], spec, 7);
        Assert.Equal(["i00", "i01", "i02", "i03", "i04"], sample.SelectedIds.Order());

        var recorded = new ReviewStage(_store, ReviewItems.Reviewers, ReviewPolicy.Recorded);
        var marked = await recorded.ProcessAsync(items[10]);
        Assert.True(marked.HasFlag(ReviewStage.ReviewPendingFlag));
        Assert.False((await recorded.ProcessAsync(items[0])).HasFlag(ReviewStage.ReviewPendingFlag));
    }

    [Fact]
    public async Task Recorded_flag_is_cleared_once_approved_and_parallel_processing_queues_each_item_once()
    {
        var stage = new ReviewStage(_store, ["r1", "r2", "r3", "r4"], ReviewPolicy.Recorded);
        var items = Enumerable.Range(0, 200).Select(i => Labelled(ReviewItems.Choice($"c{i:000}"), Difficulty.Medium)).ToList();
        await Parallel.ForEachAsync(items.Concat(items), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) => await stage.ProcessAsync(item, ct));
        Assert.Equal(200, _store.Tasks().Count);
        Assert.All(_store.Tasks().SelectMany(t => t.Assignments).GroupBy(a => a.Reviewer), g => Assert.Equal(100, g.Count()));

        var marked = await stage.ProcessAsync(items[0]);
        Assert.True(marked.HasFlag(ReviewStage.ReviewPendingFlag));
        Approve("c000");
        var approved = await stage.ProcessAsync(marked);
        Assert.Equal(ReviewStatus.Approved, approved.Review);
        Assert.False(approved.HasFlag(ReviewStage.ReviewPendingFlag));
    }

    [Fact]
    public async Task P3_item_becomes_gold_after_both_stages()
    {
        var stage = new ReviewStage(_store, ReviewItems.Reviewers, ReviewPolicy.Required);
        var item = Labelled(ReviewItems.Extraction("p1"), Difficulty.Hard);
        Assert.Equal(ReviewStatus.Unreviewed, (await stage.ProcessAsync(item)).Review);
        var task = _store.FindTask("p1", ReviewKind.Entities)!;
        GoldEntity[] fixedEntities = [new("diagnosis", "diabetes", 13, 21), new("drug", "metformin", 32, 41), new("drug", "aspirin", 46, 53)];
        _store.SubmitEntities(task.Id, task.Assignments[0].Reviewer, true, fixedEntities);
        Assert.Equal(ReviewStatus.InReview, (await stage.ProcessAsync(item)).Review);
        _store.SubmitEntities(task.Id, task.Assignments[1].Reviewer, true, fixedEntities);

        var gold = await stage.ProcessAsync(item);
        Assert.Equal(ReviewStatus.Approved, gold.Review);
        Assert.Equal(3, gold.Entities.Count);
        Assert.False(gold.HasFlag("prelabel"));
        Assert.Equal(Difficulty.Hard, gold.Difficulty.Level);
    }

    private static List<CalibrationRow> JudgeRows(string itemId) =>
    [
        Row(itemId, "m1", 0.8, 0.8),
        Row(itemId, "m2", 0.7, 0.75),
        Row(itemId, "m3", 0.9, 0.3),
    ];

    private static CalibrationRow Row(string itemId, string solver, double s1, double s2) => new()
    {
        ItemId = itemId, Dataset = "MedSafety", Scoring = "judge", Solver = solver, Kind = "offline", PanelSize = 3, Response = $"answer by {solver}",
        Scorer1 = "judge-1", Score1 = s1, Scorer2 = "judge-2", Score2 = s2, Disputed = Math.Abs(s1 - s2) > 0.25,
    };

    [Fact]
    public async Task Settled_dispute_decides_a_pending_difficulty_under_required()
    {
        var stage = new ReviewStage(_store, ReviewItems.Reviewers, ReviewPolicy.Required);
        await stage.CalibrationSink().WriteAsync(JudgeRows("o1"));
        var item = ReviewItems.Open("o1") with { Difficulty = DifficultyRules.Pending(3, 1, CalibrationThresholds.Paper) };

        var pending = await stage.ProcessAsync(item);
        Assert.Equal(DifficultyState.PendingHuman, pending.Difficulty.State);
        var dispute = Assert.Single(_store.Tasks(), t => t.Kind == ReviewKind.CalibrationDispute);
        Assert.Equal("m3", dispute.Subject);

        _store.SubmitScore(dispute.Id, dispute.Assignments[0].Reviewer, 0.9);
        var settled = await stage.ProcessAsync(item);
        Assert.Equal(DifficultyState.Labelled, settled.Difficulty.State);
        Assert.Equal(Difficulty.Easy, settled.Difficulty.Level);
        Assert.Equal(0.808333, settled.Difficulty.MeanScore!.Value, 6);
        Assert.False(settled.HasFlag(CalibrationStage.DisputeUnsettledFlag));
    }

    [Fact]
    public async Task Recorded_policy_keeps_the_mean_and_flag_until_a_human_settles()
    {
        var stage = new ReviewStage(_store, ReviewItems.Reviewers, ReviewPolicy.Recorded);
        stage.AddDisputes([new CalibrationDispute("o1", "MedSafety", "m3", "answer by m3", "judge-1", 0.9, "judge-2", 0.3)]);
        await stage.CalibrationSink().WriteAsync(JudgeRows("o1"));
        Assert.Single(_store.Tasks(), t => t.Kind == ReviewKind.CalibrationDispute);
        var item = ReviewItems.Open("o1") with { Difficulty = DifficultyRules.FromMeanScore(0.708333, 3, CalibrationThresholds.Paper, 1), Flags = [CalibrationStage.DisputeUnsettledFlag] };

        var unsettled = await stage.ProcessAsync(item);
        Assert.Equal(Difficulty.Easy, unsettled.Difficulty.Level);
        Assert.True(unsettled.HasFlag(CalibrationStage.DisputeUnsettledFlag));

        var dispute = _store.FindTask("o1", ReviewKind.CalibrationDispute, "m3")!;
        _store.SubmitScore(dispute.Id, dispute.Assignments[0].Reviewer, 0.1);
        var settled = await stage.ProcessAsync(item);
        Assert.Equal(Difficulty.Hard, settled.Difficulty.Level);
        Assert.False(settled.HasFlag(CalibrationStage.DisputeUnsettledFlag));
    }

    [Fact]
    public void Cohens_kappa_known_answer_and_per_criterion_agreement()
    {
        var pairs = new List<(bool, bool)>();
        pairs.AddRange(Enumerable.Repeat((true, true), 20));
        pairs.AddRange(Enumerable.Repeat((true, false), 5));
        pairs.AddRange(Enumerable.Repeat((false, true), 10));
        pairs.AddRange(Enumerable.Repeat((false, false), 15));
        Assert.Equal(0.4, Agreement.CohensKappa(pairs)!.Value, 9);
        Assert.Null(Agreement.CohensKappa([(true, true), (true, true)]));

        for (var i = 0; i < 4; i++)
        {
            var item = ReviewItems.Choice($"k{i}");
            var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
            _store.SubmitQa(task.Id, task.Assignments[0].Reviewer, [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, c != ReviewCriteria.AnswerCorrect || i < 2))]);
            _store.SubmitQa(task.Id, task.Assignments[1].Reviewer, [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, c != ReviewCriteria.AnswerCorrect || i % 2 == 0))]);
        }

        var answer = Agreement.Of(_store.Tasks()).Single(a => a.Criterion == ReviewCriteria.AnswerCorrect);
        Assert.Equal((4, 1, 1, 2), (answer.Items, answer.BothPass, answer.BothFail, answer.Split));
        Assert.Equal(0.0, answer.Kappa!.Value, 9);
        Assert.Null(Agreement.Of(_store.Tasks()).Single(a => a.Criterion == ReviewCriteria.Natural).Kappa);
    }
}
