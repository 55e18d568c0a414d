using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Review;

/// <summary>Two connections on one store (as two `review serve` processes have): one assignment is decided once.</summary>
public sealed class ReviewConflictTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CriterionVerdict[] Pass(BenchmarkItem item) => [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, true))];

    [Fact]
    public async Task The_second_writer_of_one_assignment_through_another_connection_gets_a_conflict_every_time()
    {
        const int Rounds = 120;
        var path = _dir.File("review.db");
        using var first = ReviewStore.Open(path, TimeProvider.System);
        using var second = ReviewStore.Open(path, TimeProvider.System);
        var items = Enumerable.Range(0, Rounds).Select(i => ReviewItems.Choice($"c{i}")).ToList();
        var tasks = items.Select(i => first.EnqueueItem(i, ReviewItems.Reviewers)).ToList();

        var twoSaved = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var task = tasks[i];
            var reviewer = task.Assignments[0].Reviewer;
            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    store.SubmitQa(task.Id, reviewer, Pass(items[i]), store == first ? "from the first" : "from the second");
                    return "saved";
                }
                catch (ReviewConflictException)
                {
                    return "conflict";
                }
            })));

            twoSaved += outcomes.Count(o => o == "saved") > 1 ? 1 : 0;
            Assert.Equal(["conflict", "saved"], outcomes.Order());
            var decided = first.GetTask(task.Id)!.Assignments[0].Decision!;
            Assert.Equal(reviewer, decided.Reviewer);
        }

        Assert.Equal(0, twoSaved);
    }

    [Fact]
    public void A_decided_assignment_or_a_closed_task_is_a_conflict_not_a_bad_request()
    {
        using var store = ReviewStore.Open(_dir.File("review.db"), TimeProvider.System);
        var item = ReviewItems.Choice("c1");
        var task = store.EnqueueItem(item, ReviewItems.Reviewers);
        var (a, b) = (task.Assignments[0].Reviewer, task.Assignments[1].Reviewer);
        store.SubmitQa(task.Id, a, Pass(item));
        var again = Assert.Throws<ReviewConflictException>(() => store.SubmitQa(task.Id, a, Pass(item)));
        Assert.Contains("already decided", again.Message);
        store.SubmitQa(task.Id, b, Pass(item));
        Assert.Throws<ReviewConflictException>(() => store.SubmitQa(task.Id, b, Pass(item)));

        // A reviewer who never held the assignment is refused, not in conflict.
        var stranger = Assert.Throws<ReviewException>(() => store.SubmitQa(store.EnqueueItem(ReviewItems.Choice("c2"), ReviewItems.Reviewers).Id, "dr-z", Pass(item)));
        Assert.IsNotType<ReviewConflictException>(stranger);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_naming_the_field_and_nothing_is_stored()
    {
        using var store = ReviewStore.Open(_dir.File("review.db"), TimeProvider.System);
        var item = ReviewItems.Choice("c1");
        var task = store.EnqueueItem(item, ReviewItems.Reviewers);
        var reviewer = task.Assignments[0].Reviewer;
        var huge = new string('x', ReviewStore.MaxCommentLength + 1);

        var overall = Assert.Throws<ReviewException>(() => store.SubmitQa(task.Id, reviewer, Pass(item), huge));
        Assert.Contains("field 'comment'", overall.Message);
        var perCriterion = Pass(item);
        perCriterion[1] = perCriterion[1] with { Comment = huge };
        var criterion = Assert.Throws<ReviewException>(() => store.SubmitQa(task.Id, reviewer, perCriterion));
        Assert.Contains($"field '{perCriterion[1].Criterion}.comment'", criterion.Message);
        Assert.Equal(0, store.GetTask(task.Id)!.DecisionCount);

        store.SubmitQa(task.Id, reviewer, Pass(item), new string('y', ReviewStore.MaxCommentLength));
        Assert.Equal(1, store.GetTask(task.Id)!.DecisionCount);
    }
}
