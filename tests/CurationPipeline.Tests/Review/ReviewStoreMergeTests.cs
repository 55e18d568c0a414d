using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Review;

/// <summary>Joining the review stores of a sharded run's shards: every task once, every decision kept.</summary>
public sealed class ReviewStoreMergeTests
{
    private static CriterionVerdict[] Pass(BenchmarkItem item) => [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, true, null))];

    [Fact]
    public void Tasks_of_every_shard_are_joined_once_and_a_decision_made_in_either_store_is_kept()
    {
        using var dir = new TempDirectory();
        var time = TimeProvider.System;
        using var merged = ReviewStore.Open(dir.File("review.db"), time);
        using (var a = ReviewStore.Open(dir.File("a.db"), time))
        using (var b = ReviewStore.Open(dir.File("b.db"), time))
        {
            a.EnqueueItem(ReviewItems.Choice("i1"), ReviewItems.Reviewers);
            a.EnqueueItem(ReviewItems.Choice("i2"), ReviewItems.Reviewers);
            var shared = b.EnqueueItem(ReviewItems.Choice("i2"), ReviewItems.Reviewers);
            b.EnqueueItem(ReviewItems.Choice("i3"), ReviewItems.Reviewers);
            var (r1, r2) = (shared.Assignments[0].Reviewer, shared.Assignments[1].Reviewer);
            b.SubmitQa(shared.Id, r1, Pass(ReviewItems.Choice("i2")));
            b.SubmitQa(shared.Id, r2, Pass(ReviewItems.Choice("i2")));
        }

        Assert.Equal(2, merged.MergeFrom(dir.File("a.db")));
        Assert.Equal(1, merged.MergeFrom(dir.File("b.db"))); // i2 is there already; only i3 is new
        Assert.Equal(0, merged.MergeFrom(dir.File("b.db")));

        var tasks = merged.Tasks();
        Assert.Equal(["i1", "i2", "i3"], tasks.Select(t => t.ItemId).Order(StringComparer.Ordinal));
        Assert.Equal(ReviewStatus.Approved, merged.ReviewOf("i2").Status); // decided in b, undecided in a
        Assert.All(tasks.Single(t => t.ItemId == "i2").Assignments.Take(2), x => Assert.NotNull(x.Decision));
        Assert.NotEqual(ReviewStatus.Approved, merged.ReviewOf("i1").Status);
    }
}
