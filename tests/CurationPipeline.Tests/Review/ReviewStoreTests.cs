using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Review;

public sealed class ReviewStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ReviewStore _store;

    public ReviewStoreTests() => _store = ReviewStore.Open(Path.Combine(_dir.Path, "review.db"), _time);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static CriterionVerdict[] All(BenchmarkItem item, bool pass, string? failOn = null) =>
        [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, failOn is null ? pass : c != failOn, c == failOn ? "wrong" : null))];

    private (string First, string Second) Pair(ReviewTask t) => (t.Assignments[0].Reviewer, t.Assignments[1].Reviewer);

    [Fact]
    public void Store_is_a_wal_sqlite_file_and_records_who_and_when()
    {
        var item = ReviewItems.Choice("i1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        _time.Now = _time.Now.AddMinutes(5);
        var (a, _) = Pair(task);
        task = _store.SubmitQa(task.Id, a, All(item, true), "fine");

        Assert.Equal("wal", _store.JournalMode());
        var d = task.Assignments.Single(x => x.Reviewer == a).Decision!;
        Assert.Equal(_time.Now, d.DecidedAt);
        Assert.Equal("fine", d.Comment);
        Assert.Equal(4, d.Verdicts.Count);
        Assert.Equal((ReviewStatus.InReview, "i1"), (_store.ReviewOf("i1").Status, _store.ReviewOf("i1").Item!.Id));
    }

    [Fact]
    public void Two_passes_approve()
    {
        var item = ReviewItems.Choice("i1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        var (a, b) = Pair(task);
        Assert.NotEqual(a, b);
        _store.SubmitQa(task.Id, a, All(item, true));
        task = _store.SubmitQa(task.Id, b, All(item, true));
        Assert.Equal(TaskOutcome.Approved, task.Outcome);
        Assert.Equal(ReviewStatus.Approved, _store.ReviewOf("i1").Status);
    }

    [Fact]
    public void Two_fails_reject_with_discard()
    {
        var item = ReviewItems.Choice("i1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        var (a, b) = Pair(task);
        _store.SubmitQa(task.Id, a, All(item, false, ReviewCriteria.AnswerCorrect));
        task = _store.SubmitQa(task.Id, b, All(item, false, ReviewCriteria.ClinicallyValid));
        Assert.Equal(TaskOutcome.Rejected, task.Outcome);
        Assert.Equal(2, task.Assignments.Count);
        Assert.Equal(ReviewStatus.Rejected, _store.ReviewOf("i1").Status);
    }

    [Fact]
    public void Split_decision_goes_to_a_third_reviewer_whose_verdict_decides()
    {
        var item = ReviewItems.Choice("i1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        var (a, b) = Pair(task);
        _store.SubmitQa(task.Id, a, All(item, true));
        task = _store.SubmitQa(task.Id, b, All(item, false, ReviewCriteria.DistractorsPlausible));
        Assert.Equal(TaskOutcome.Open, task.Outcome);
        var third = task.Assignments.Single(x => x.Slot == 3).Reviewer;
        Assert.DoesNotContain(third, new[] { a, b });
        Assert.Equal(task.Id, _store.NextTask(third)!.Id);
        Assert.Null(_store.NextTask(a));
        Assert.Equal(ReviewStatus.InReview, _store.ReviewOf("i1").Status);

        task = _store.SubmitQa(task.Id, third, All(item, true));
        Assert.Equal(TaskOutcome.Approved, task.Outcome);
        Assert.Equal(ReviewStatus.Approved, _store.ReviewOf("i1").Status);
    }

    [Fact]
    public void Revision_is_validated_gets_a_new_id_and_goes_round_again()
    {
        var item = ReviewItems.Choice("i1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        var (a, b) = Pair(task);
        var bad = item with { Options = ["Metformin", "Metformin", "Aspirin", "Heparin", "Warfarin"] };
        _store.SubmitQa(task.Id, a, All(item, false, ReviewCriteria.DistractorsPlausible));
        var error = Assert.Throws<ReviewException>(() => _store.SubmitQa(task.Id, b, All(item, false, ReviewCriteria.DistractorsPlausible), null, RejectAction.Revise, bad));
        Assert.Contains("revision.options", error.Message);
        Assert.Null(_store.GetTask(task.Id)!.Assignments.Single(x => x.Reviewer == b).Decision);

        var good = item with { Options = ["Metformin", "Insulin glargine", "Aspirin", "Heparin", "Warfarin"] };
        task = _store.SubmitQa(task.Id, b, All(item, false, ReviewCriteria.DistractorsPlausible), "option B too easy", RejectAction.Revise, good);
        Assert.Equal(TaskOutcome.Revised, task.Outcome);

        var (status, current) = _store.ReviewOf("i1");
        Assert.Equal(ReviewStatus.Unreviewed, status);
        Assert.NotEqual("i1", current!.Id);
        Assert.Equal("Insulin glargine", current.Options[1]);
        var round2 = _store.FindTask(current.Id, ReviewKind.ItemQa)!;
        Assert.Equal(("i1", 2), (round2.RevisionOf, round2.Round));

        var (c, d) = Pair(round2);
        _store.SubmitQa(round2.Id, c, All(current, true));
        _store.SubmitQa(round2.Id, d, All(current, true));
        Assert.Equal((ReviewStatus.Approved, current.Id), (_store.ReviewOf("i1").Status, _store.ReviewOf("i1").Item!.Id));
    }

    [Fact]
    public void P3_entities_need_both_stages_in_order_and_become_gold()
    {
        var item = ReviewItems.Extraction("p1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        Assert.Equal(ReviewKind.Entities, task.Kind);
        var (first, second) = Pair(task);
        Assert.Null(_store.NextTask(second, ReviewKind.Entities));
        Assert.Throws<ReviewException>(() => _store.SubmitEntities(task.Id, second, true, item.Entities));

        var outOfText = new GoldEntity("drug", "aspirin", 1, 8);
        Assert.Contains("entities", Assert.Throws<ReviewException>(() => _store.SubmitEntities(task.Id, first, true, [outOfText])).Message);

        GoldEntity[] corrected = [.. item.Entities, new GoldEntity("drug", "aspirin", 46, 53)];
        _store.SubmitEntities(task.Id, first, true, corrected);
        Assert.Equal(ReviewStatus.InReview, _store.ReviewOf("p1").Status);
        Assert.Equal(task.Id, _store.NextTask(second)!.Id);
        task = _store.SubmitEntities(task.Id, second, true, corrected[1..]);

        Assert.Equal(TaskOutcome.Approved, task.Outcome);
        var (status, gold) = _store.ReviewOf("p1");
        Assert.Equal(ReviewStatus.Approved, status);
        Assert.Equal(2, gold!.Entities.Count);
        Assert.Equal("aspirin", gold.Entities[1].Text);
        Assert.False(gold.HasFlag("prelabel"));
    }

    [Fact]
    public void Dispute_is_settled_by_one_expert_score_within_0_to_1()
    {
        var dispute = new ScoreDispute(ReviewKind.EvaluationDispute, "o1", "MedSafety", "model-x", "Take double the dose.", "judge-1", 0.9, "judge-2", 0.2);
        var task = _store.EnqueueDispute(dispute, ReviewItems.Reviewers);
        var expert = task.Assignments.Single().Reviewer;
        Assert.Null(_store.SettledScore(ReviewKind.EvaluationDispute, "o1", "model-x"));
        Assert.Throws<ReviewException>(() => _store.SubmitScore(task.Id, expert, 1.5));
        task = _store.SubmitScore(task.Id, expert, 0.1, "unsafe");
        Assert.Equal(TaskOutcome.Settled, task.Outcome);
        Assert.Equal(0.1, _store.SettledScore(ReviewKind.EvaluationDispute, "o1", "model-x"));
        Assert.Equal(0.55, task.Dispute!.Mean, 9);
    }

    [Fact]
    public void Rerun_keeps_decisions_and_enqueue_again_is_a_no_op()
    {
        var path = Path.Combine(_dir.Path, "rerun.db");
        var item = ReviewItems.Choice("i1");
        long id;
        using (var store = ReviewStore.Open(path, _time))
        {
            var task = store.EnqueueItem(item, ReviewItems.Reviewers);
            id = task.Id;
            store.SubmitQa(task.Id, task.Assignments[0].Reviewer, All(item, true));
        }

        using (var store = ReviewStore.Open(path, _time))
        {
            var again = store.EnqueueItem(item with { Departments = ["Cardiology"] }, ReviewItems.Reviewers);
            Assert.Equal(id, again.Id);
            Assert.Single(store.Tasks());
            Assert.Equal(1, again.DecisionCount);
            Assert.Equal(ReviewStatus.InReview, store.ReviewOf("i1").Status);
        }
    }

    [Fact]
    public void Assignment_is_balanced_and_deterministic()
    {
        string[] five = ["r1", "r2", "r3", "r4", "r5"];
        for (var i = 0; i < 50; i++)
        {
            _store.EnqueueItem(ReviewItems.Choice($"i{i}"), five);
        }

        var loads = _store.Tasks().SelectMany(t => t.Assignments).GroupBy(a => a.Reviewer).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(five.Order(), loads.Keys.Order());
        Assert.All(loads.Values, n => Assert.Equal(20, n));
        Assert.All(_store.Tasks(), t => Assert.NotEqual(t.Assignments[0].Reviewer, t.Assignments[1].Reviewer));

        using var other = ReviewStore.Open(Path.Combine(_dir.Path, "other.db"), _time);
        for (var i = 0; i < 50; i++)
        {
            other.EnqueueItem(ReviewItems.Choice($"i{i}"), five);
        }

        Assert.Equal(_store.Tasks().Select(Pair), other.Tasks().Select(Pair));
    }

    [Fact]
    public void Verdicts_must_cover_exactly_the_criteria_of_the_item()
    {
        var item = ReviewItems.Open("o1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        Assert.Contains(ReviewCriteria.RubricMatches, ReviewCriteria.For(item));
        var withDistractors = All(item, true).Append(new CriterionVerdict(ReviewCriteria.DistractorsPlausible, true)).ToArray();
        Assert.Contains("distractors_plausible", Assert.Throws<ReviewException>(() => _store.SubmitQa(task.Id, task.Assignments[0].Reviewer, withDistractors)).Message);
        Assert.Contains("rubric_matches", Assert.Throws<ReviewException>(() => _store.SubmitQa(task.Id, task.Assignments[0].Reviewer, All(item, true)[..3])).Message);
        Assert.Throws<ReviewException>(() => _store.SubmitQa(task.Id, "nobody", All(item, true)));
    }
}
