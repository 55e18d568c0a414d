using Microsoft.Data.Sqlite;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{
    /// <summary>
    /// Joins the store <paramref name="otherPath"/> into this one, as the stores of a sharded run's shards are joined:
    /// a task of the other store that this one lacks (by item id, kind and subject) is added with its assignments; a
    /// decision the other store holds where this one's slot is still undecided is taken, with the reviewer who made it.
    /// Every task stays here once.
    /// Returns the number of tasks added.
    /// </summary>
    public int MergeFrom(string otherPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(otherPath);
        var other = System.IO.Path.GetFullPath(otherPath);
        if (other == Path || !File.Exists(other))
        {
            return 0;
        }

        lock (_gate)
        {
            using (var attach = _db.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $file AS other";
                attach.Parameters.AddWithValue("$file", other);
                attach.ExecuteNonQuery();
            }

            try
            {
                using var tx = _db.BeginTransaction();
                using var added = Command("""
                    INSERT INTO main.tasks(kind, item_id, subject, dataset, round, revision_of, payload, outcome, created_at, closed_at)
                    SELECT kind, item_id, subject, dataset, round, revision_of, payload, outcome, created_at, closed_at FROM other.tasks o
                    WHERE NOT EXISTS (SELECT 1 FROM main.tasks t WHERE t.item_id = o.item_id AND t.kind = o.kind AND t.subject = o.subject)
                    ORDER BY o.id
                    """, tx);
                var count = added.ExecuteNonQuery();
                foreach (var sql in MergeStatements)
                {
                    using var cmd = Command(sql, tx);
                    cmd.ExecuteNonQuery();
                }

                tx.Commit();
                return count;
            }
            catch (SqliteException e)
            {
                throw new InvalidDataException($"{other}: not a review store ({e.Message})", e);
            }
            finally
            {
                Exec(_db, "DETACH DATABASE other");
            }
        }
    }

    private const string SameTask = "JOIN other.tasks ot ON ot.id = a.task_id JOIN main.tasks t ON t.item_id = ot.item_id AND t.kind = ot.kind AND t.subject = ot.subject";

    private static readonly string[] MergeStatements =
    [
        $"""
        INSERT OR IGNORE INTO main.assignments(task_id, slot, reviewer, assigned_at, decision, pass, verdicts, comment, action, entities, score, revision, decided_at)
        SELECT t.id, a.slot, a.reviewer, a.assigned_at, a.decision, a.pass, a.verdicts, a.comment, a.action, a.entities, a.score, a.revision, a.decided_at
        FROM other.assignments a {SameTask}
        """,
        $"""
        UPDATE main.assignments SET (reviewer, assigned_at, decision, pass, verdicts, comment, action, entities, score, revision, decided_at) =
          (SELECT a.reviewer, a.assigned_at, a.decision, a.pass, a.verdicts, a.comment, a.action, a.entities, a.score, a.revision, a.decided_at
           FROM other.assignments a {SameTask} WHERE t.id = main.assignments.task_id AND a.slot = main.assignments.slot)
        WHERE decision IS NULL AND EXISTS (SELECT 1 FROM other.assignments a {SameTask}
          WHERE t.id = main.assignments.task_id AND a.slot = main.assignments.slot AND a.decision IS NOT NULL)
        """,
        """
        UPDATE main.tasks SET (outcome, closed_at) =
          (SELECT o.outcome, o.closed_at FROM other.tasks o WHERE o.item_id = main.tasks.item_id AND o.kind = main.tasks.kind AND o.subject = main.tasks.subject)
        WHERE outcome = 'open' AND EXISTS (SELECT 1 FROM other.tasks o
          WHERE o.item_id = main.tasks.item_id AND o.kind = main.tasks.kind AND o.subject = main.tasks.subject AND o.outcome <> 'open')
        """,
        "INSERT OR IGNORE INTO main.calibration_scores(item_id, solver, trial, row) SELECT item_id, solver, trial, row FROM other.calibration_scores",
        "INSERT OR IGNORE INTO main.meta(key, value) SELECT key, value FROM other.meta",
    ];
}
