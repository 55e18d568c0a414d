using System.Globalization;
using System.Text.Json;
using CurationPipeline.Items;
using Microsoft.Data.Sqlite;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{

    /// <summary>
    /// Records one reviewer's QA verdicts. Two passes approve, two fails reject (discarded, or revised when
    /// the failing reviewer gave a revision: it is validated, gets a new id and is queued as a new task), a
    /// split goes to a third reviewer whose verdict decides. Returns the task after the decision.
    /// </summary>
    public ReviewTask SubmitQa(long taskId, string reviewer, IReadOnlyList<CriterionVerdict> verdicts, string? comment = null,
        RejectAction action = RejectAction.Discard, BenchmarkItem? revision = null)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            var task = OpenTask(tx, taskId, ReviewKind.ItemQa, reviewer);
            var slot = SlotOf(task, reviewer);
            var expected = ReviewCriteria.For(task.Item!);
            foreach (var v in verdicts.Where(v => !expected.Contains(v.Criterion)))
            {
                throw new ReviewException($"task {taskId}: field 'criterion': '{v.Criterion}' does not apply to this item (expected {string.Join(", ", expected)})");
            }

            foreach (var c in expected.Where(c => verdicts.Count(v => v.Criterion == c) != 1))
            {
                throw new ReviewException($"task {taskId}: field '{c}': needs exactly one verdict (pass or fail)");
            }

            CheckComments(taskId, comment, verdicts);
            var pass = verdicts.All(v => v.Pass);
            string? revisionJson = null;
            if (!pass && action == RejectAction.Revise)
            {
                var revised = Revised(task, revision);
                revisionJson = ItemJson(revised);
            }

            Record(tx, taskId, slot, pass, JsonSerializer.Serialize(verdicts, Json), comment, pass ? null : action, null, null, revisionJson);
            var now = LoadTask(taskId, tx)!;
            ResolveQa(tx, now);
            var result = LoadTask(taskId, tx)!;
            scope.Commit();
            return result;
        }
    }

    /// <summary>
    /// Records a P3 entity correction stage: the first reviewer corrects the pre-labels, then the second
    /// reviewer checks and corrects again. Both accepted: the item is gold. Either stage may reject the item.
    /// </summary>
    public ReviewTask SubmitEntities(long taskId, string reviewer, bool accept, IReadOnlyList<GoldEntity> entities, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            var task = OpenTask(tx, taskId, ReviewKind.Entities, reviewer);
            var slot = SlotOf(task, reviewer);
            CheckComments(taskId, comment);
            if (accept)
            {
                var result = ItemValidator.Validate(task.Item! with { Entities = entities });
                if (!result.IsValid)
                {
                    throw new ReviewException($"task {taskId}: field 'entities': {result.Errors[0].ErrorMessage}");
                }
            }

            Record(tx, taskId, slot, accept, "[]", comment, null, JsonSerializer.Serialize(entities, Json), null, null);
            if (!accept)
            {
                Close(tx, taskId, TaskOutcome.Rejected);
            }
            else if (slot == 2)
            {
                Close(tx, taskId, TaskOutcome.Approved);
            }

            var decided = LoadTask(taskId, tx)!;
            scope.Commit();
            return decided;
        }
    }

    /// <summary>Records the human expert's score (0..1) for a disputed response; the task is settled.</summary>
    public ReviewTask SubmitScore(long taskId, string reviewer, double score, string? comment = null)
    {
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            var task = OpenTask(tx, taskId, null, reviewer);
            if (!ReviewKinds.IsDispute(task.Kind))
            {
                throw new ReviewException($"task {taskId}: is a {ReviewKinds.Name(task.Kind)} task, not a disputed score");
            }

            if (!double.IsFinite(score) || score is < 0 or > 1)
            {
                throw new ReviewException($"task {taskId}: field 'score': {score.ToString(CultureInfo.InvariantCulture)} is not within 0..1");
            }

            var slot = SlotOf(task, reviewer);
            CheckComments(taskId, comment);
            Record(tx, taskId, slot, true, "[]", comment, null, null, score, null);
            Close(tx, taskId, TaskOutcome.Settled);
            var settled = LoadTask(taskId, tx)!;
            scope.Commit();
            return settled;
        }
    }

    /// <summary>
    /// The task, read inside the decision's write transaction, so a second writer (another connection or process)
    /// sees the first one's decision: an assignment already decided or a task closed meanwhile is a conflict.
    /// </summary>
    private ReviewTask OpenTask(SqliteTransaction tx, long taskId, ReviewKind? kind, string reviewer)
    {
        var task = LoadTask(taskId, tx) ?? throw new ReviewException($"task {taskId}: no such task");
        if (kind is { } k && task.Kind != k)
        {
            throw new ReviewException($"task {taskId}: is a {ReviewKinds.Name(task.Kind)} task, not {ReviewKinds.Name(k)}");
        }

        var mine = task.Assignments.FirstOrDefault(a => a.Reviewer == reviewer);
        if (mine?.Decision is { } done)
        {
            throw new ReviewConflictException(
                $"task {taskId}: {reviewer} already decided this assignment at {done.DecidedAt.ToString("u", CultureInfo.InvariantCulture)} (in another window or through another server); nothing recorded");
        }

        if (task.Outcome != TaskOutcome.Open)
        {
            var closed = $"task {taskId}: already closed ({task.Outcome.ToString().ToLowerInvariant()})";
            throw mine is null ? new ReviewException(closed) : new ReviewConflictException(closed + " while you were deciding; nothing recorded");
        }

        return task;
    }

    private static int SlotOf(ReviewTask task, string reviewer)
    {
        if (task.OpenSlotOf(reviewer) is { } open)
        {
            return open.Slot;
        }

        var waiting = task.Assignments.FirstOrDefault(a => a.Reviewer == reviewer && a.Decision is null);
        throw new ReviewException(waiting is not null
            ? $"task {task.Id}: field 'reviewer': {reviewer} is the second stage and waits for the first"
            : $"task {task.Id}: field 'reviewer': '{reviewer}' has no open assignment on this task");
    }

    private static void CheckComments(long taskId, string? comment, IReadOnlyList<CriterionVerdict>? verdicts = null)
    {
        CheckLength(taskId, "comment", comment);
        foreach (var v in verdicts ?? [])
        {
            CheckLength(taskId, v.Criterion + ".comment", v.Comment);
        }
    }

    private static void CheckLength(long taskId, string field, string? text)
    {
        if (text is { Length: > MaxCommentLength })
        {
            throw new ReviewException(string.Create(CultureInfo.InvariantCulture,
                $"task {taskId}: field '{field}': {text.Length:N0} characters, at most {MaxCommentLength:N0} are kept"));
        }
    }

    private BenchmarkItem Revised(ReviewTask task, BenchmarkItem? revision)
    {
        if (revision is null)
        {
            throw new ReviewException($"task {task.Id}: field 'revision': a revise decision needs the revised item");
        }

        var old = task.Item!;
        var content = ItemId.ContentOf(revision.Question, revision.Context, revision.Options, revision.Answer);
        var id = ItemId.Compute(old.Dataset, old.Provenance.SourceFile, old.Provenance.SourceRecord, content + "\u001frevision of " + old.Id);
        var revised = revision with
        {
            Id = id,
            Dataset = old.Dataset,
            Provenance = old.Provenance,
            Review = ReviewStatus.Unreviewed,
            Flags = [.. revision.Flags.Where(f => f != PrelabelFlag)],
        };
        var result = ItemValidator.Validate(revised);
        return result.IsValid
            ? revised
            : throw new ReviewException($"task {task.Id}: field 'revision.{Field(result.Errors[0].PropertyName)}': {result.Errors[0].ErrorMessage}");
    }

    private static string Field(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Split('[', '.')[0]);

    private void ResolveQa(SqliteTransaction tx, ReviewTask task)
    {
        var d = task.Assignments.ToDictionary(a => a.Slot, a => a.Decision);
        ReviewDecision? decider = null;
        if (d.GetValueOrDefault(3) is { } third)
        {
            decider = third;
        }
        else if (d.GetValueOrDefault(1) is { } a && d.GetValueOrDefault(2) is { } b)
        {
            if (a.Pass == b.Pass)
            {
                decider = a.Action == RejectAction.Revise && b.Action != RejectAction.Revise ? a : b;
            }
            else if (!d.ContainsKey(3))
            {
                var third3 = ReviewerPicker.Pick(task.ItemId, StoredReviewers(tx), Loads(tx), 1, [a.Reviewer, b.Reviewer]);
                Assign(tx, task.Id, 3, third3[0]);
                return;
            }
        }

        if (decider is null)
        {
            return;
        }

        if (decider.Pass)
        {
            Close(tx, task.Id, TaskOutcome.Approved);
        }
        else if (decider.Action == RejectAction.Revise && RevisionJson(tx, task.Id, decider.Reviewer) is { } json)
        {
            var revised = ItemFromJson(json);
            InsertItemTask(tx, revised, StoredReviewers(tx), task.ItemId, task.Round + 1);
            Close(tx, task.Id, TaskOutcome.Revised);
        }
        else
        {
            Close(tx, task.Id, TaskOutcome.Rejected);
        }
    }

    private string? RevisionJson(SqliteTransaction tx, long taskId, string reviewer)
    {
        using var cmd = Command("SELECT revision FROM assignments WHERE task_id = $t AND reviewer = $r AND decided_at IS NOT NULL", tx, ("$t", taskId), ("$r", reviewer));
        return cmd.ExecuteScalar() as string;
    }

    private void Record(SqliteTransaction tx, long taskId, int slot, bool pass, string verdicts, string? comment, RejectAction? action, string? entities, double? score, string? revision)
    {
        using var cmd = Command(
            """
            UPDATE assignments SET decision = $d, pass = $p, verdicts = $v, comment = $c, action = $a, entities = $e, score = $s,
              revision = $r, decided_at = $t WHERE task_id = $id AND slot = $slot AND decided_at IS NULL
            """,
            tx, ("$d", pass ? "pass" : "fail"), ("$p", pass ? 1 : 0), ("$v", verdicts), ("$c", string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()),
            ("$a", action?.ToString().ToLowerInvariant()), ("$e", entities), ("$s", score), ("$r", revision), ("$t", Now()), ("$id", taskId), ("$slot", slot));
        if (cmd.ExecuteNonQuery() != 1)
        {
            throw new ReviewConflictException($"task {taskId}: slot {slot} was decided meanwhile; nothing recorded");
        }
    }

    private void Close(SqliteTransaction tx, long taskId, TaskOutcome outcome)
    {
        using var cmd = Command("UPDATE tasks SET outcome = $o, closed_at = $t WHERE id = $id", tx,
            ("$o", outcome.ToString().ToLowerInvariant()), ("$t", Now()), ("$id", taskId));
        cmd.ExecuteNonQuery();
    }
}
