using System.Globalization;
using System.Text.Json;
using CurationPipeline.Items;

namespace CurationPipeline.Review;

/// <summary>One decided row of an imported review file, checked against the store before anything is applied.</summary>
internal sealed class ImportRow
{
    private readonly BenchmarkItemValidator _validator;

    private ImportRow(string where, ReviewTask task, int slot, string reviewer, BenchmarkItemValidator validator)
    {
        _validator = validator;
        Where = where;
        Task = task;
        Slot = slot;
        Reviewer = reviewer;
    }

    public string Where { get; }

    public ReviewTask Task { get; }

    public long TaskId => Task.Id;

    public int Slot { get; }

    public string Reviewer { get; }

    private List<CriterionVerdict> Verdicts { get; } = [];

    private RejectAction Action { get; set; }

    private BenchmarkItem? Revision { get; set; }

    private bool Accept { get; set; }

    private IReadOnlyList<GoldEntity>? Entities { get; set; }

    private double Score { get; set; }

    private string? Comment { get; set; }

    /// <summary>The row's decision, null when the row holds none (or is bad: then <paramref name="errors"/> grows).</summary>
    public static ImportRow? Parse(ReviewStore store, string file, int number, Dictionary<string, string?> f, List<string> errors)
    {
        var where = $"{file}: row {number}";
        var before = errors.Count;
        void Bad(string field, string message) => errors.Add($"{where}: field '{field}': {message}");
        string V(string field) => f.GetValueOrDefault(field)?.Trim() ?? "";

        if (!long.TryParse(V("task_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
        {
            Bad("task_id", $"'{V("task_id")}' is not a task number");
            return null;
        }

        if (store.GetTask(taskId) is not { } task)
        {
            Bad("task_id", $"no task {taskId} in the store");
            return null;
        }

        if (!int.TryParse(V("slot"), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) || task.Assignments.All(a => a.Slot != slot))
        {
            Bad("slot", $"'{V("slot")}' is not a reviewer slot of task {taskId}");
            return null;
        }

        var reviewer = V("reviewer");
        if (task.Assignments.Single(a => a.Slot == slot).Reviewer != reviewer)
        {
            Bad("reviewer", $"'{reviewer}' is not the reviewer of slot {slot} of task {taskId}");
            return null;
        }

        if (V("kind") is { Length: > 0 } kind && kind != ReviewKinds.Name(task.Kind))
        {
            Bad("kind", $"'{kind}' but task {taskId} is {ReviewKinds.Name(task.Kind)}");
            return null;
        }

        var row = new ImportRow(where, task, slot, reviewer, store.ItemValidator) { Comment = V("comment") is { Length: > 0 } c ? c : null };
        var decided = task.Kind switch
        {
            ReviewKind.ItemQa => row.ParseQa(V, Bad),
            ReviewKind.Entities => row.ParseEntities(V, Bad),
            _ => row.ParseScore(V, Bad),
        };
        return decided && errors.Count == before ? row : null;
    }

    /// <summary>Records the decision; false when the slot was already decided (re-imported rows are skipped).</summary>
    public bool Apply(ReviewStore store)
    {
        var current = store.GetTask(TaskId)!;
        if (current.Assignments.Single(a => a.Slot == Slot).Decision is not null)
        {
            return false;
        }

        try
        {
            _ = Task.Kind switch
            {
                ReviewKind.ItemQa => store.SubmitQa(TaskId, Reviewer, Verdicts, Comment, Action, Revision),
                ReviewKind.Entities => store.SubmitEntities(TaskId, Reviewer, Accept,
                    Entities ?? current.EntitiesBefore(Slot), Comment),
                _ => store.SubmitScore(TaskId, Reviewer, Score, Comment),
            };
        }
        catch (ReviewException e)
        {
            throw new ReviewException($"{Where}: {e.Message}; nothing applied", e);
        }

        return true;
    }

    private bool ParseQa(Func<string, string> v, Action<string, string> bad)
    {
        var applies = ReviewCriteria.For(Task.Item!);
        if (applies.All(c => v(c).Length == 0))
        {
            return false;
        }

        foreach (var c in ReviewCriteria.All)
        {
            var value = v(c).ToLowerInvariant();
            var comment = v(ReviewExchange.CommentColumn(c));
            if (!applies.Contains(c))
            {
                if (value is not ("" or "n/a"))
                {
                    bad(c, $"'{value}' given, but the criterion does not apply to this item (leave it empty or n/a)");
                }

                if (comment is not ("" or "n/a"))
                {
                    bad(ReviewExchange.CommentColumn(c), "a comment on a criterion that does not apply to this item");
                }
            }
            else if (value is "pass" or "fail")
            {
                Verdicts.Add(new CriterionVerdict(c, value == "pass", comment.Length > 0 ? comment : null));
            }
            else
            {
                bad(c, $"'{value}' must be pass or fail");
            }
        }

        Action = v("action").ToLowerInvariant() switch
        {
            "" or "discard" => RejectAction.Discard,
            "revise" => RejectAction.Revise,
            var other => Fail(bad, "action", $"'{other}' must be discard or revise"),
        };
        if (Action == RejectAction.Revise && Verdicts.Count == applies.Count && Verdicts.All(x => x.Pass))
        {
            bad("action", "revise is only for a failed item");
        }

        if (Action == RejectAction.Revise)
        {
            Revision = ParseRevision(v, bad);
        }

        return true;
    }

    private BenchmarkItem? ParseRevision(Func<string, string> v, Action<string, string> bad)
    {
        var item = Task.Item!;
        var options = item.Options;
        if (v("revised_options") is { Length: > 0 } json)
        {
            try
            {
                options = JsonSerializer.Deserialize<List<string>>(json) ?? [];
            }
            catch (JsonException)
            {
                bad("revised_options", "must be a JSON array of option texts, e.g. [\"first\", \"second\"]");
                return null;
            }
        }

        var revised = item with
        {
            Question = v("revised_question") is { Length: > 0 } q ? q : item.Question,
            Options = options,
            Answer = v("revised_answer") is { Length: > 0 } a ? a : item.Answer,
        };
        if (revised == item)
        {
            bad("revised_question", "a revise decision needs a changed question, options or answer");
            return null;
        }

        var result = _validator.Validate(revised);
        if (!result.IsValid)
        {
            bad("revised_" + JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Errors[0].PropertyName.Split('[', '.')[0]), result.Errors[0].ErrorMessage);
        }

        return revised;
    }

    private bool ParseEntities(Func<string, string> v, Action<string, string> bad)
    {
        switch (v("accept").ToLowerInvariant())
        {
            case "":
                return false;
            case "yes" or "accept" or "pass":
                Accept = true;
                break;
            case "no" or "reject" or "fail":
                Accept = false;
                break;
            default:
                bad("accept", $"'{v("accept")}' must be yes or no");
                return false;
        }

        if (v("entities") is { Length: > 0 } json)
        {
            try
            {
                Entities = JsonSerializer.Deserialize<List<GoldEntity>>(json, ReviewStore.Json) ?? [];
            }
            catch (JsonException)
            {
                bad("entities", "must be a JSON array of {\"type\", \"text\", \"start\", \"end\"}");
                return false;
            }

            var result = _validator.Validate(Task.Item! with { Entities = Entities });
            if (Accept && !result.IsValid)
            {
                bad("entities", result.Errors[0].ErrorMessage);
            }
        }

        return true;
    }

    private bool ParseScore(Func<string, string> v, Action<string, string> bad)
    {
        if (v("score").Length == 0)
        {
            return false;
        }

        if (!double.TryParse(v("score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score is < 0 or > 1)
        {
            bad("score", $"'{v("score")}' must be a number within 0..1");
            return false;
        }

        Score = score;
        return true;
    }

    private static RejectAction Fail(Action<string, string> bad, string field, string message)
    {
        bad(field, message);
        return RejectAction.Discard;
    }
}
