using CurationPipeline.Items;

namespace CurationPipeline.Calibration;

/// <summary>
/// Micro-averaged F1 of predicted against gold entities: true positives, false positives and false
/// negatives are pooled over all entity classes before the ratios. Entities are compared as sets of
/// (type, text) after <see cref="EntityKey"/> normalisation; a response with no entities for an item with no
/// gold scores 1. Add <see cref="Counts"/> across items for a dataset-level micro-F1.
/// </summary>
public static class MicroF1
{
    /// <summary>Pooled counts with their ratios.</summary>
    public readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? (FalsePositives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalseNegatives);

        /// <summary>2·TP / (2·TP + FP + FN); 1 when there was nothing to find and nothing was found.</summary>
        public double F1 => TruePositives + FalsePositives + FalseNegatives == 0
            ? 1
            : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);

        public static Counts operator +(Counts a, Counts b) =>
            new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
    }

    /// <summary>Counts for one response.</summary>
    public static Counts Count(IEnumerable<ParsedEntity> predicted, IEnumerable<ParsedEntity> gold)
    {
        var p = predicted.Select(EntityKey).Where(k => k.Text.Length > 0).ToHashSet();
        var g = gold.Select(EntityKey).Where(k => k.Text.Length > 0).ToHashSet();
        var tp = p.Count(g.Contains);
        return new Counts(tp, p.Count - tp, g.Count - tp);
    }

    /// <summary>Counts for one response against an item's gold entities.</summary>
    public static Counts Count(IEnumerable<ParsedEntity> predicted, IEnumerable<GoldEntity> gold) =>
        Count(predicted, gold.Select(e => new ParsedEntity(e.Type, e.Text)));

    /// <summary>Micro-F1 of one response.</summary>
    public static double Score(IEnumerable<ParsedEntity> predicted, IEnumerable<GoldEntity> gold) => Count(predicted, gold).F1;

    /// <summary>Micro-F1 pooled over many responses.</summary>
    public static double Score(IEnumerable<(IEnumerable<ParsedEntity> Predicted, IEnumerable<GoldEntity> Gold)> pairs) =>
        pairs.Aggregate(default(Counts), (acc, p) => acc + Count(p.Predicted, p.Gold)).F1;

    /// <summary>The comparison key: type through <see cref="EntityTypes.Normalize"/>, text trimmed with inner whitespace removed.</summary>
    public static (string Type, string Text) EntityKey(ParsedEntity e) =>
        (EntityTypes.Normalize(e.Type), new string([.. e.Text.Where(c => !char.IsWhiteSpace(c))]).Trim('"', '\'', '“', '”', '「', '」'));
}

/// <summary>An entity read from a response (or a gold entity without its span).</summary>
public sealed record ParsedEntity(string Type, string Text);
