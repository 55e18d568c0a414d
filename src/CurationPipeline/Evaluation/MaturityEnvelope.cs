using System.Text.Json.Serialization;

namespace CurationPipeline.Evaluation;

/// <summary>
/// One model on the hospital maturity model: its ten scenario scores, the five level scores (a level scores the mean of
/// its scenarios), the area of its L0-L4 radar as a share of the full pentagon (the paper's proxy for systematic
/// maturity: with r_i the level scores on 0..1 around the five axes, the area is ½·sin(72°)·Σ r_i·r_(i+1) and the full
/// pentagon's ½·sin(72°)·5, so the share is Σ r_i·r_(i+1) / 5; a level without items counts 0), and its weakest level.
/// </summary>
public sealed record MaturityProfile
{
    /// <summary>The levels of the model, in radar order.</summary>
    public static readonly IReadOnlyList<string> Levels = ["L0", "L1", "L2", "L3", "L4"];

    /// <summary>The scenarios in the paper's Table 2 order.</summary>
    public static readonly IReadOnlyList<string> Scenarios = ["CNMLE", "CTC", "CFF", "RRG", "TLV", "UDC", "RBQ", "DEC", "TNM", "MDT"];

    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("by_scenario")] public required IReadOnlyList<DatasetScore> ByScenario { get; init; }
    [JsonPropertyName("by_level")] public required IReadOnlyDictionary<string, double?> ByLevel { get; init; }

    /// <summary>The radar's area as a percentage of the full pentagon (0-100).</summary>
    [JsonPropertyName("envelope_area")] public double EnvelopeArea { get; init; }
    [JsonPropertyName("weakest_level")] public string? WeakestLevel { get; init; }

    /// <summary>The profiles of the models whose rows include maturity levels; empty for other evaluations.</summary>
    public static IReadOnlyList<MaturityProfile> From(IReadOnlyList<ModelSummary> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return [.. models.Where(m => m.ByDimension.Keys.Any(Levels.Contains)).Select(m =>
        {
            var levels = Levels.ToDictionary(l => l, l => m.ByDimension.GetValueOrDefault(l), StringComparer.Ordinal);
            return new MaturityProfile
            {
                Model = m.Model,
                ByScenario = [.. m.ByDataset.Where(d => Levels.Contains(d.Dimension))
                    .OrderBy(d => Levels.ToList().IndexOf(d.Dimension)).ThenBy(d => Scenarios.ToList().IndexOf(d.Dataset) is var i && i < 0 ? int.MaxValue : i)
                    .ThenBy(d => d.Dataset, StringComparer.Ordinal)],
                ByLevel = levels,
                EnvelopeArea = Area([.. Levels.Select(l => levels[l] ?? 0)]),
                WeakestLevel = levels.Where(l => l.Value is not null).OrderBy(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key).FirstOrDefault(),
            };
        })];
    }

    /// <summary>The area of a radar with scores 0..100 on equally spaced axes, as a percentage of the full polygon.</summary>
    public static double Area(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count < 3)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            sum += Math.Clamp(scores[i], 0, 100) / 100 * (Math.Clamp(scores[(i + 1) % scores.Count], 0, 100) / 100);
        }

        return Math.Round(100 * sum / scores.Count, 2);
    }
}
