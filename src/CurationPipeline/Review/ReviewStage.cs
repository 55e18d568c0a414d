using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Review;

/// <summary>
/// The review stage, after calibration: queues new items (and the disputes given to it) in the review
/// store and returns each item as review left it: its <see cref="ReviewStatus"/>, the latest revision of
/// a revised item, P3 entities corrected in both stages (then gold: approved, <c>prelabel</c> removed),
/// and a difficulty decided from human scores once every disputed response is settled.
/// Under <see cref="ReviewPolicy.Recorded"/> an item not yet decided carries the <c>review-pending</c> flag.
/// </summary>
public sealed class ReviewStage : IItemStage
{
    /// <summary>Marks an item sampled under the recorded policy before review approved it.</summary>
    public const string ReviewPendingFlag = "review-pending";

    private readonly ReviewStore _store;
    private readonly IReadOnlyList<string> _reviewers;
    private readonly ReviewPolicy _policy;
    private readonly CalibrationThresholds _thresholds;

    public ReviewStage(ReviewStore store, IReadOnlyList<string> reviewers, ReviewPolicy policy, CalibrationThresholds? thresholds = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _reviewers = ReviewerPicker.Validate(reviewers);
        _policy = policy;
        _thresholds = thresholds ?? CalibrationThresholds.Paper;
    }

    public StageName Name => StageName.Review;

    public ReviewPolicy Policy => _policy;

    public bool AppliesTo(BenchmarkItem item) => true;

    public Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        _store.EnqueueItem(item, _reviewers);
        var (status, reviewed) = _store.ReviewOf(item.Id);
        var result = reviewed switch
        {
            { } r when r.Id != item.Id => r,
            { } r when status == ReviewStatus.Approved && item.HasFlag(ReviewStore.PrelabelFlag) =>
                item with { Entities = r.Entities, Flags = [.. item.Flags.Where(f => f != ReviewStore.PrelabelFlag)] },
            _ => item,
        };
        result = Settle(result with { Review = status, Flags = [.. result.Flags.Where(f => f != ReviewPendingFlag)] });
        if (_policy == ReviewPolicy.Recorded && status is ReviewStatus.Unreviewed or ReviewStatus.InReview)
        {
            result = result.WithFlag(ReviewPendingFlag);
        }

        return Task.FromResult(result);
    }

    /// <summary>Queues calibration disputes (e.g. <see cref="CalibrationStage.Disputes"/>); existing tasks are kept.</summary>
    public void AddDisputes(IEnumerable<CalibrationDispute> disputes)
    {
        ArgumentNullException.ThrowIfNull(disputes);
        foreach (var d in disputes)
        {
            _store.EnqueueDispute(ScoreDispute.From(d), _reviewers);
        }
    }

    /// <summary>Queues a disputed score from evaluation (or calibration).</summary>
    public void AddDispute(ScoreDispute dispute) => _store.EnqueueDispute(dispute, _reviewers);

    /// <summary>
    /// A calibration sink that keeps judge-scored rows in the store and queues disputed ones, then passes the
    /// rows on; give it to the calibration stage so pending difficulties can be decided from human scores.
    /// </summary>
    public ICalibrationSink CalibrationSink(ICalibrationSink? inner = null) => new ReviewCalibrationSink(this, _store, inner);

    private BenchmarkItem Settle(BenchmarkItem item)
    {
        var pending = item.Difficulty.State == DifficultyState.PendingHuman || item.HasFlag(CalibrationStage.DisputeUnsettledFlag);
        if (!pending || item.Scoring != ScoringMethod.Judge)
        {
            return item;
        }

        var rows = _store.CalibrationRowsOf(item.Id);
        if (rows.Count == 0)
        {
            return item;
        }

        foreach (var row in rows.Where(r => r.Disputed))
        {
            row.HumanScore = _store.SettledScore(ReviewKind.CalibrationDispute, row.ItemId, row.Solver);
        }

        var relabelled = Relabel.Run(rows, _thresholds, _policy).Single();
        if (relabelled.Label.State != DifficultyState.Labelled)
        {
            return item;
        }

        var flags = item.Flags.Where(f => f != CalibrationStage.DisputeUnsettledFlag).ToList();
        if (relabelled.DisputeUnsettled)
        {
            flags.Add(CalibrationStage.DisputeUnsettledFlag);
        }

        return item with { Difficulty = relabelled.Label, Flags = flags };
    }
}
