using CurationPipeline.Items;
using CurationPipeline.Review;

namespace CurationPipeline.Cli.Review;

/// <summary>What the page shows of one task for one reviewer.</summary>
internal sealed record TaskView(
    long Id,
    string Kind,
    string Dataset,
    string ItemId,
    string Subject,
    int Round,
    string? RevisionOf,
    int Slot,
    string Role,
    ItemView? Item,
    IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<GoldEntity> Entities,
    ScoreDispute? Dispute)
{
    /// <summary>The view of <paramref name="task"/> for <paramref name="reviewer"/>; <paramref name="lookup"/> finds an item by id (pool, then store).</summary>
    public static TaskView Of(ReviewTask task, string reviewer, Func<string, BenchmarkItem?> lookup)
    {
        var slot = task.OpenSlotOf(reviewer)?.Slot ?? 0;
        var item = task.Item ?? lookup(task.ItemId);
        if (task.Item is not null && lookup(task.ItemId) is { } newer && newer.Id == task.ItemId)
        {
            item = newer with { Entities = task.Item.Entities };
        }

        var entities = task.Kind == ReviewKind.Entities
            ? task.EntitiesBefore(slot)
            : item?.Entities ?? [];
        var role = task.Kind switch
        {
            ReviewKind.ItemQa when slot == 3 => "third reviewer (split decision)",
            ReviewKind.ItemQa => $"independent reviewer {slot} of 2",
            ReviewKind.Entities => slot == 1 ? "first correction stage" : "second correction stage",
            _ => "expert score",
        };
        return new TaskView(task.Id, ReviewKinds.Name(task.Kind), task.Dataset, task.ItemId, task.Subject, task.Round, task.RevisionOf, slot, role,
            item is null ? null : ItemView.Of(item),
            task.Kind == ReviewKind.ItemQa ? [.. ReviewCriteria.For(item!).Select(c => new CriterionView(c, ReviewCriteria.Label(c)))] : [],
            entities, task.Dispute);
    }
}

/// <summary>The fields of an item the page shows.</summary>
internal sealed record ItemView(string Question, string? Context, IReadOnlyList<string> Options, string? Answer, string? Explanation,
    IReadOnlyList<RubricCriterion> Rubric, string Paradigm, string Task, string Source, string? Departments)
{
    public static ItemView Of(BenchmarkItem i) =>
        new(i.Question, i.Context, i.Options, i.Answer, i.Explanation, i.Rubric, i.Paradigm.ToString(), i.TertiaryTask,
            $"{Path.GetFileName(i.Provenance.SourceFile)} #{i.Provenance.SourceRecord}", DepartmentsOf(i));

    // "Cardiology (胸痛, 心慌); Neurology (头晕) · Internal Medicine · offline:lexicon+cnb, confidence 0.62"
    private static string? DepartmentsOf(BenchmarkItem i) => i.Departments.Count == 0 ? null :
        string.Join("; ", i.Departments.Select(d => i.DepartmentEvidence.FirstOrDefault(e => e.Department == d) is { Words.Count: > 0 } e
            ? $"{d} ({string.Join(", ", e.Words)})" : d))
        + (i.DepartmentGroups.Count > 0 ? " · " + string.Join(", ", i.DepartmentGroups) : "")
        + (i.DepartmentEngine is null ? "" : $" · {i.DepartmentEngine}")
        + (i.DepartmentConfidence is { } c ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", confidence {c:0.00}") : "");
}

/// <summary>A criterion key and its label.</summary>
internal sealed record CriterionView(string Key, string Label);
