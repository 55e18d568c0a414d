using System.Globalization;
using System.Text.Json;
using CurationPipeline.Items;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{
    private const string TaskColumns = "id, kind, item_id, subject, dataset, round, revision_of, payload, outcome, created_at";

    /// <summary>One task by id, or null.</summary>
    public ReviewTask? GetTask(long taskId)
    {
        lock (_gate)
        {
            return LoadTask(taskId);
        }
    }

    /// <summary>The task of an item (or dispute subject) of a kind, or null.</summary>
    public ReviewTask? FindTask(string itemId, ReviewKind kind, string subject = "")
    {
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            return FindId(tx, itemId, ReviewKinds.Name(kind), subject) is { } id ? LoadTask(id, tx) : null;
        }
    }

    /// <summary>Every task, in the order they were queued.</summary>
    public IReadOnlyList<ReviewTask> Tasks()
    {
        lock (_gate)
        {
            return LoadTasks("", null);
        }
    }

    /// <summary>Every reviewer named in the store: the configured list and anyone holding an assignment.</summary>
    public IReadOnlyList<string> Reviewers()
    {
        lock (_gate)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            using var scope = Begin();
            names.UnionWith(StoredReviewers(scope.Tx));
            using var cmd = Command("SELECT DISTINCT reviewer FROM assignments", scope.Tx);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }

            return [.. names];
        }
    }

    /// <summary>The first task that waits for <paramref name="reviewer"/>: disputes and QA in queue order, second P3 stages once the first is done.</summary>
    public ReviewTask? NextTask(string reviewer, ReviewKind? kind = null)
    {
        lock (_gate)
        {
            using var cmd = Command(
                """
                SELECT t.id FROM tasks t JOIN assignments a ON a.task_id = t.id
                WHERE t.outcome = 'open' AND a.reviewer = $r AND a.decided_at IS NULL AND ($k IS NULL OR t.kind = $k)
                  AND (t.kind <> 'entities' OR a.slot = 1
                       OR EXISTS (SELECT 1 FROM assignments b WHERE b.task_id = t.id AND b.slot = 1 AND b.decided_at IS NOT NULL))
                ORDER BY t.id LIMIT 1
                """,
                null, ("$r", reviewer), ("$k", kind is { } k ? ReviewKinds.Name(k) : null));
            return cmd.ExecuteScalar() is long id ? LoadTask(id) : null;
        }
    }

    /// <summary>
    /// The review state of an item: its status and the item as review left it (the latest revision when it
    /// was revised, corrected entities once both P3 stages passed). Null item when the store never saw it.
    /// </summary>
    public (ReviewStatus Status, BenchmarkItem? Item) ReviewOf(string itemId)
    {
        lock (_gate)
        {
            for (var hops = 0; hops < 64; hops++)
            {
                var tasks = LoadTasks("WHERE item_id = $i AND kind IN ('item-qa', 'entities')", null, ("$i", itemId));
                if (tasks.Count == 0)
                {
                    return (ReviewStatus.Unreviewed, null);
                }

                var task = tasks[0];
                switch (task.Outcome)
                {
                    case TaskOutcome.Approved when task.Kind == ReviewKind.Entities:
                        var gold = task.Assignments.Single(a => a.Slot == 2).Decision!.Entities!;
                        return (ReviewStatus.Approved, task.Item! with { Entities = gold, Flags = [.. task.Item!.Flags.Where(f => f != PrelabelFlag)], Review = ReviewStatus.Approved });
                    case TaskOutcome.Approved:
                        return (ReviewStatus.Approved, task.Item! with { Review = ReviewStatus.Approved });
                    case TaskOutcome.Rejected:
                        return (ReviewStatus.Rejected, task.Item! with { Review = ReviewStatus.Rejected });
                    case TaskOutcome.Revised:
                        itemId = RevisionOf(task);
                        continue;
                    default:
                        var status = task.DecisionCount > 0 ? ReviewStatus.InReview : ReviewStatus.Unreviewed;
                        return (status, task.Item! with { Review = status });
                }
            }

            throw new InvalidDataException($"{Path}: the revision chain of item {itemId} is longer than 64");
        }
    }

    /// <summary>The human score of a settled dispute, or null while nobody settled it.</summary>
    public double? SettledScore(ReviewKind kind, string itemId, string subject)
    {
        lock (_gate)
        {
            using var cmd = Command(
                "SELECT a.score FROM tasks t JOIN assignments a ON a.task_id = t.id WHERE t.item_id = $i AND t.kind = $k AND t.subject = $s AND t.outcome = 'settled'",
                null, ("$i", itemId), ("$k", ReviewKinds.Name(kind)), ("$s", subject));
            return cmd.ExecuteScalar() is double d ? d : null;
        }
    }

    private static string RevisionOf(ReviewTask task)
    {
        foreach (var a in task.Assignments.OrderByDescending(a => a.Slot))
        {
            if (a.Decision is { Pass: false, Action: RejectAction.Revise, Revision: { } r })
            {
                return r.Id;
            }
        }

        throw new InvalidDataException($"task {task.Id}: marked revised but holds no revision");
    }

    private ReviewTask? LoadTask(long id, SqliteTransaction? tx = null) =>
        LoadTasks("WHERE id = $id", tx, ("$id", id)).FirstOrDefault();

    private List<ReviewTask> LoadTasks(string where, SqliteTransaction? tx, params (string, object?)[] args)
    {
        var rows = new List<(long Id, string Kind, string ItemId, string Subject, string Dataset, int Round, string? RevisionOf, string Payload, string Outcome, string Created)>();
        using (var cmd = Command($"SELECT {TaskColumns} FROM tasks {where} ORDER BY id", tx, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)));
            }
        }

        var assignments = new Dictionary<long, List<ReviewAssignment>>();
        var ids = where.Length == 0 ? "" : $"WHERE task_id IN (SELECT id FROM tasks {where})";
        using (var cmd = Command($"SELECT task_id, slot, reviewer, pass, verdicts, comment, action, entities, score, revision, decided_at FROM assignments {ids} ORDER BY task_id, slot", tx, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var decision = r.IsDBNull(10) ? null : new ReviewDecision(
                    r.GetString(2),
                    r.GetInt32(3) == 1,
                    JsonSerializer.Deserialize<List<CriterionVerdict>>(r.GetString(4), Json) ?? [],
                    r.IsDBNull(5) ? null : r.GetString(5),
                    r.IsDBNull(6) ? null : Enum.Parse<RejectAction>(r.GetString(6), ignoreCase: true),
                    r.IsDBNull(7) ? null : JsonSerializer.Deserialize<List<GoldEntity>>(r.GetString(7), Json),
                    r.IsDBNull(8) ? null : r.GetDouble(8),
                    r.IsDBNull(9) ? null : ItemFromJson(r.GetString(9)),
                    DateTimeOffset.Parse(r.GetString(10), CultureInfo.InvariantCulture));
                var taskId = r.GetInt64(0);
                if (!assignments.TryGetValue(taskId, out var list))
                {
                    assignments[taskId] = list = [];
                }

                list.Add(new ReviewAssignment(r.GetInt32(1), r.GetString(2), decision));
            }
        }

        return [.. rows.Select(t =>
        {
            ReviewKinds.TryParse(t.Kind, out var kind);
            var dispute = ReviewKinds.IsDispute(kind);
            return new ReviewTask(t.Id, kind, t.ItemId, t.Subject, t.Dataset, t.Round, t.RevisionOf,
                Enum.Parse<TaskOutcome>(t.Outcome, ignoreCase: true),
                dispute ? null : ItemFromJson(t.Payload),
                dispute ? JsonSerializer.Deserialize<ScoreDispute>(t.Payload, Json) : null,
                assignments.GetValueOrDefault(t.Id) ?? [],
                DateTimeOffset.Parse(t.Created, CultureInfo.InvariantCulture));
        })];
    }
}
