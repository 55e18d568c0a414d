using CurationPipeline.Items;

namespace CurationPipeline.Deidentification;

/// <summary>The gate over a generated item (see <see cref="Deidentifier.Gate"/>).</summary>
internal static class ItemGate
{
    public static GateResult Apply(Deidentifier deid, BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = item.Provenance.SourceRecord;
        var source = "gate:" + item.Dataset;
        var found = 0;

        // A name found with a cue in one field (患者张三) is the same person where it stands alone (张三：肺炎).
        var fields = new[] { item.Question, item.Context, item.Answer, item.Explanation }.Concat(item.Options).Concat(item.Entities.Select(e => e.Text));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in fields.Where(t => !string.IsNullOrEmpty(t)))
        {
            foreach (var s in deid.Detect(text!).Where(s => s.Category == PhiCategory.Name && s.Length >= 2))
            {
                names.Add(text!.Substring(s.Start, s.Length));
            }
        }

        string? Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var r = deid.Deidentify(text, key, source, names);
            found += r.Found.Count;
            return r.Text;
        }

        var question = Clean(item.Question)!;
        DeidResult? context = item.Context is null ? null : deid.Deidentify(item.Context, key, source, names);
        found += context?.Found.Count ?? 0;
        var options = item.Options.Select(o => Clean(o)!).ToList();
        // A rendered answer (EHR extraction) follows the entities; cleaning it apart would let the two disagree.
        var answer = ExtractionAnswer.IsRendered(item.Paradigm) ? item.Answer : Clean(item.Answer);
        var explanation = Clean(item.Explanation);
        var entities = item.Entities.Select(e => Entity(e, context, Clean)).ToList();
        if (found == 0)
        {
            return new GateResult(item, 0);
        }

        var updated = item with
        {
            Question = question,
            Context = context?.Text ?? item.Context,
            Options = options,
            Answer = answer,
            Explanation = explanation,
            Entities = entities,
        };
        return new GateResult(updated.WithFlag(deid.Options.GateFlag), found);
    }

    private static GoldEntity Entity(GoldEntity e, DeidResult? context, Func<string?, string?> clean)
    {
        if (e.Start is not { } start || e.End is not { } end || context is null || context.Found.Count == 0)
        {
            // No span into a changed context: the text is checked on its own.
            return e.Start is null ? e with { Text = clean(e.Text)! } : e;
        }

        var newStart = context.MapOffset(start);
        var newEnd = context.MapOffset(end, isEnd: true);
        var touched = context.Touches(start, end);
        // A clinical entity keeps its text; one that overlapped personal data takes the redacted text.
        var text = touched && newEnd <= context.Text.Length && newStart <= newEnd ? context.Text[newStart..newEnd] : e.Text;
        return e with { Text = text, Start = newStart, End = newEnd };
    }
}
