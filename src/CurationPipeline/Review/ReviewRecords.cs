using CurationPipeline.Items;

namespace CurationPipeline.Review;

/// <summary>One reviewer's verdict on one criterion.</summary>
public sealed record CriterionVerdict(string Criterion, bool Pass, string? Comment = null);

/// <summary>What happens to an item that two reviewers (or the third) failed.</summary>
public enum RejectAction
{
    /// <summary>The item is dropped.</summary>
    Discard,

    /// <summary>The item is rewritten; the revision is validated and reviewed again as a new item.</summary>
    Revise,
}

/// <summary>Where a task stands.</summary>
public enum TaskOutcome
{
    Open,
    Approved,
    Rejected,
    Revised,
    Settled,
}

/// <summary>A reviewer's place on a task: slot 1 and 2 are the two independent reviewers (or the two P3 stages), slot 3 the cross-verifier.</summary>
public sealed record ReviewAssignment(int Slot, string Reviewer, ReviewDecision? Decision);

/// <summary>A recorded decision. <see cref="Pass"/> is the overall verdict (all criteria passed, stage accepted).</summary>
public sealed record ReviewDecision(
    string Reviewer,
    bool Pass,
    IReadOnlyList<CriterionVerdict> Verdicts,
    string? Comment,
    RejectAction? Action,
    IReadOnlyList<GoldEntity>? Entities,
    double? Score,
    BenchmarkItem? Revision,
    DateTimeOffset DecidedAt);

/// <summary>A disputed judge score waiting for a human: two scores more than the gap apart.</summary>
public sealed record ScoreDispute(
    ReviewKind Kind,
    string ItemId,
    string Dataset,
    string Subject,
    string Response,
    string Scorer1,
    double Score1,
    string Scorer2,
    double Score2)
{
    /// <summary>A calibration dispute; the subject is the solver whose response was scored.</summary>
    public static ScoreDispute From(Calibration.CalibrationDispute d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(ReviewKind.CalibrationDispute, d.ItemId, d.Dataset, d.Solver, d.Response, d.Scorer1, d.Score1, d.Scorer2, d.Score2);
    }

    /// <summary>The mean of the two scores: the unsettled value under the recorded policy.</summary>
    public double Mean => (Score1 + Score2) / 2;
}

/// <summary>One task with its item (or dispute), assignments and decisions.</summary>
public sealed record ReviewTask(
    long Id,
    ReviewKind Kind,
    string ItemId,
    string Subject,
    string Dataset,
    int Round,
    string? RevisionOf,
    TaskOutcome Outcome,
    BenchmarkItem? Item,
    ScoreDispute? Dispute,
    IReadOnlyList<ReviewAssignment> Assignments,
    DateTimeOffset CreatedAt)
{
    /// <summary>The assignment of <paramref name="reviewer"/> that still waits for a decision, if any.</summary>
    public ReviewAssignment? OpenSlotOf(string reviewer)
    {
        if (Outcome != TaskOutcome.Open)
        {
            return null;
        }

        foreach (var a in Assignments)
        {
            if (a.Decision is null && string.Equals(a.Reviewer, reviewer, StringComparison.Ordinal) && IsReady(a.Slot))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The second P3 stage waits for the first; every other slot is ready at once.</summary>
    public bool IsReady(int slot) =>
        Kind != ReviewKind.Entities || slot == 1 || Assignments.Any(a => a.Slot == 1 && a.Decision is not null);

    public int DecisionCount => Assignments.Count(a => a.Decision is not null);

    /// <summary>The entities a P3 stage starts from: the latest earlier stage's correction, else the pre-labels.</summary>
    public IReadOnlyList<GoldEntity> EntitiesBefore(int slot) =>
        Assignments.Where(a => a.Slot < slot).Select(a => a.Decision?.Entities).LastOrDefault(e => e is not null) ?? Item?.Entities ?? [];
}
