namespace CurationPipeline.Review;

/// <summary>Progress of one dataset: tasks queued and closed, and the item outcomes.</summary>
public sealed record DatasetProgress(string Dataset, int Tasks, int Closed, int Approved, int Rejected, int Revised, int Settled);

/// <summary>Progress of one reviewer: assignments, decisions made, and what waits for them now.</summary>
public sealed record ReviewerProgress(string Reviewer, int Assigned, int Decided, int Waiting);

/// <summary>Progress per dataset and per reviewer, for the page and the run report.</summary>
public sealed record ReviewProgress(IReadOnlyList<DatasetProgress> Datasets, IReadOnlyList<ReviewerProgress> Reviewers)
{
    public static ReviewProgress Of(IReadOnlyList<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var datasets = tasks.GroupBy(t => t.Dataset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DatasetProgress(g.Key, g.Count(), g.Count(t => t.Outcome != TaskOutcome.Open),
                g.Count(t => t.Outcome == TaskOutcome.Approved), g.Count(t => t.Outcome == TaskOutcome.Rejected),
                g.Count(t => t.Outcome == TaskOutcome.Revised), g.Count(t => t.Outcome == TaskOutcome.Settled)))
            .ToList();
        var reviewers = tasks.SelectMany(t => t.Assignments.Select(a => (Task: t, Assignment: a)))
            .GroupBy(x => x.Assignment.Reviewer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReviewerProgress(g.Key, g.Count(), g.Count(x => x.Assignment.Decision is not null),
                g.Count(x => x.Assignment.Decision is null && x.Task.Outcome == TaskOutcome.Open && x.Task.IsReady(x.Assignment.Slot))))
            .ToList();
        return new ReviewProgress(datasets, reviewers);
    }
}
