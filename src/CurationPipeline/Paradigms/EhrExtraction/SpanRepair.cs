using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>Puts an entity's offsets back on its text when a model got them wrong.</summary>
public static class SpanRepair
{
    /// <summary>
    /// The entity unchanged when its span already holds its text; otherwise the entity at the occurrence of its
    /// text nearest to the given start (the first when none was given); null when the text does not occur.
    /// </summary>
    public static GoldEntity? Repair(string text, GoldEntity e)
    {
        if (string.IsNullOrEmpty(e.Text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (e.Start is { } s && e.End is { } end && s >= 0 && end <= text.Length && end - s == e.Text.Length
            && string.CompareOrdinal(text, s, e.Text, 0, e.Text.Length) == 0)
        {
            return e;
        }

        var best = -1;
        for (var at = text.IndexOf(e.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(e.Text, at + 1, StringComparison.Ordinal))
        {
            if (best < 0 || (e.Start is { } want && Math.Abs(at - want) < Math.Abs(best - want)))
            {
                best = at;
            }
        }

        return best < 0 ? null : e with { Start = best, End = best + e.Text.Length };
    }
}
