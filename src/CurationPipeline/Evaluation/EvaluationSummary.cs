using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Evaluation;

/// <summary>
/// The figures of an evaluation: per model the average over dimensions and each dimension's score (the
/// paper's Table 4 layout), and per dataset, department and difficulty; all on 0..100.
/// </summary>
public sealed record EvaluationSummary
{
    /// <summary>The paper's column order; other dimensions (maturity levels L0-L4, ...) follow in name order.</summary>
    public static readonly IReadOnlyList<string> PaperDimensions = ["MedKQA", "MedSE", "MedRU", "SmartServ", "SmartCare"];

    [JsonPropertyName("dimensions")] public required IReadOnlyList<string> Dimensions { get; init; }
    [JsonPropertyName("trials")] public int Trials { get; init; }
    [JsonPropertyName("items")] public int Items { get; init; }
    [JsonPropertyName("disputes")] public int Disputes { get; init; }
    [JsonPropertyName("models")] public required IReadOnlyList<ModelSummary> Models { get; init; }

    /// <summary>Per model the maturity model's figures (scenarios, levels, envelope area, weakest level), when the split has maturity items.</summary>
    [JsonPropertyName("maturity")] public IReadOnlyList<MaturityProfile> Maturity { get; init; } = [];

    public static EvaluationSummary From(IReadOnlyList<ResultRow> rows, int disputes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var present = rows.Select(r => r.SecondaryDimension).Distinct(StringComparer.Ordinal).ToList();
        var dimensions = PaperDimensions.Where(present.Contains).Concat(present.Except(PaperDimensions).Order(StringComparer.Ordinal)).ToList();
        var models = rows.GroupBy(r => r.Model, StringComparer.Ordinal).Select(g => ModelSummary.From(g.Key, [.. g], dimensions)).ToList();
        return new EvaluationSummary
        {
            Dimensions = dimensions,
            Trials = rows.Count == 0 ? 0 : rows.Max(r => r.Trial) + 1,
            Items = rows.Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Count(),
            Disputes = disputes,
            Models = models,
            Maturity = MaturityProfile.From(models),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown() => SummaryMarkdown.Render(this);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>One model's figures.</summary>
public sealed record ModelSummary
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("engines")] public required IReadOnlyList<string> Engines { get; init; }

    /// <summary>Mean of the dimension scores (as Table 4's Average).</summary>
    [JsonPropertyName("average")] public double? Average { get; init; }
    [JsonPropertyName("by_dimension")] public required IReadOnlyDictionary<string, double?> ByDimension { get; init; }
    [JsonPropertyName("by_dataset")] public required IReadOnlyList<DatasetScore> ByDataset { get; init; }
    [JsonPropertyName("by_department")] public required IReadOnlyDictionary<string, double?> ByDepartment { get; init; }
    [JsonPropertyName("by_difficulty")] public required IReadOnlyDictionary<string, double?> ByDifficulty { get; init; }

    /// <summary>How many rows carry each flag (unparsed, disputed, call-failed, ...).</summary>
    [JsonPropertyName("flags")] public required IReadOnlyDictionary<string, int> Flags { get; init; }

    internal static ModelSummary From(string model, IReadOnlyList<ResultRow> rows, IReadOnlyList<string> dimensions)
    {
        var byDimension = dimensions.ToDictionary(d => d, d => ScoreMath.Group(rows.Where(r => r.SecondaryDimension == d)), StringComparer.Ordinal);
        var known = byDimension.Values.OfType<double>().ToList();
        return new ModelSummary
        {
            Model = model,
            Engines = [.. rows.Select(r => r.Engine).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Average = known.Count == 0 ? null : known.Average(),
            ByDimension = byDimension,
            ByDataset = [.. rows.GroupBy(r => r.Dataset, StringComparer.Ordinal).Select(g => new DatasetScore(
                g.Key, g.First().SecondaryDimension, g.First().Scoring, g.Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Count(), ScoreMath.Dataset(g)))
                .OrderBy(d => Rank(dimensions, d.Dimension)).ThenBy(d => d.Dataset, StringComparer.Ordinal)],
            ByDepartment = new SortedDictionary<string, double?>(
                rows.SelectMany(r => r.Departments.Select(d => (Department: d, Row: r))).GroupBy(x => x.Department, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => ScoreMath.Group(g.Select(x => x.Row)), StringComparer.Ordinal), StringComparer.Ordinal),
            ByDifficulty = new[] { "Easy", "Medium", "Hard" }.Where(d => rows.Any(r => r.Difficulty == d))
                .ToDictionary(d => d, d => ScoreMath.Group(rows.Where(r => r.Difficulty == d)), StringComparer.Ordinal),
            Flags = new SortedDictionary<string, int>(rows.SelectMany(r => r.Flags).GroupBy(f => f, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }

    private static int Rank(IReadOnlyList<string> dimensions, string d) => dimensions.ToList().IndexOf(d);
}

/// <summary>A dataset's score for one model.</summary>
public sealed record DatasetScore(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("scoring")] string Scoring,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("score")] double? Score);
