using System.Text.Json;
using CurationPipeline.Items;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{
    /// <summary>The flag the offline P3 engine puts on pre-labelled items; removed once both correction stages passed.</summary>
    public const string PrelabelFlag = "prelabel";

    /// <summary>
    /// Queues an item for review: P3 pre-labelled items for entity correction, all others for QA by two
    /// reviewers. An item already queued keeps its task and decisions (no-op); returns the task.
    /// </summary>
    public ReviewTask EnqueueItem(BenchmarkItem item, IReadOnlyList<string> reviewers)
    {
        ArgumentNullException.ThrowIfNull(item);
        return EnqueueItem(item, reviewers, null, 1);
    }

    /// <summary>Queues a disputed score for one human expert; an existing task is kept.</summary>
    public ReviewTask EnqueueDispute(ScoreDispute dispute, IReadOnlyList<string> reviewers)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        if (!ReviewKinds.IsDispute(dispute.Kind))
        {
            throw new ArgumentException($"dispute of item {dispute.ItemId}: kind {dispute.Kind} is not a dispute kind");
        }

        var names = ReviewerPicker.Validate(reviewers, 1);
        var kind = ReviewKinds.Name(dispute.Kind);
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            var id = FindId(tx, dispute.ItemId, kind, dispute.Subject)
                     ?? Insert(tx, kind, dispute.ItemId, dispute.Subject, dispute.Dataset, 1, null, JsonSerializer.Serialize(dispute, Json), names, 1);
            scope.Commit();
            return LoadTask(id)!;
        }
    }

    private ReviewTask EnqueueItem(BenchmarkItem item, IReadOnlyList<string> reviewers, string? revisionOf, int round)
    {
        var names = ReviewerPicker.Validate(reviewers);
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            using (var meta = Command("INSERT INTO meta(key, value) VALUES('reviewers', $v) ON CONFLICT(key) DO UPDATE SET value = $v", tx, ("$v", JsonSerializer.Serialize(names))))
            {
                meta.ExecuteNonQuery();
            }

            var id = InsertItemTask(tx, item, names, revisionOf, round);
            scope.Commit();
            return LoadTask(id)!;
        }
    }

    private long InsertItemTask(SqliteTransaction tx, BenchmarkItem item, IReadOnlyList<string> reviewers, string? revisionOf, int round)
    {
        var kind = ReviewKinds.Name(item.HasFlag(PrelabelFlag) ? ReviewKind.Entities : ReviewKind.ItemQa);
        return FindId(tx, item.Id, kind, "")
               ?? Insert(tx, kind, item.Id, "", item.Dataset, round, revisionOf, ItemJson(item), reviewers, 2);
    }

    private long? FindId(SqliteTransaction tx, string itemId, string kind, string subject)
    {
        using var cmd = Command("SELECT id FROM tasks WHERE item_id = $i AND kind = $k AND subject = $s", tx, ("$i", itemId), ("$k", kind), ("$s", subject));
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    private long Insert(SqliteTransaction tx, string kind, string itemId, string subject, string dataset, int round, string? revisionOf, string payload, IReadOnlyList<string> reviewers, int slots)
    {
        using var cmd = Command(
            "INSERT INTO tasks(kind, item_id, subject, dataset, round, revision_of, payload, created_at) VALUES($k, $i, $s, $d, $r, $o, $p, $t) RETURNING id",
            tx, ("$k", kind), ("$i", itemId), ("$s", subject), ("$d", dataset), ("$r", round), ("$o", revisionOf), ("$p", payload), ("$t", Now()));
        var id = (long)cmd.ExecuteScalar()!;
        var picked = ReviewerPicker.Pick(itemId, reviewers, Loads(tx), slots);
        for (var slot = 1; slot <= slots; slot++)
        {
            Assign(tx, id, slot, picked[slot - 1]);
        }

        return id;
    }

    private void Assign(SqliteTransaction tx, long taskId, int slot, string reviewer)
    {
        using var cmd = Command("INSERT INTO assignments(task_id, slot, reviewer, assigned_at) VALUES($t, $s, $r, $a)", tx,
            ("$t", taskId), ("$s", slot), ("$r", reviewer), ("$a", Now()));
        cmd.ExecuteNonQuery();
    }

    private Dictionary<string, int> Loads(SqliteTransaction tx)
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        using var cmd = Command("SELECT reviewer, COUNT(*) FROM assignments GROUP BY reviewer", tx);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            loads[r.GetString(0)] = r.GetInt32(1);
        }

        return loads;
    }

    private IReadOnlyList<string> StoredReviewers(SqliteTransaction tx)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = 'reviewers'", tx);
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
    }
}
