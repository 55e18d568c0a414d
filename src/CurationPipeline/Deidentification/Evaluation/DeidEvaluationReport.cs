using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Scores of one category (or "all"). Recall is over gold, precision over detections; null when there was
/// nothing to divide by. Exact: same category and same span. Overlap: any detection overlapping a gold span
/// (the data was redacted, whatever the category). Token: characters for Chinese, words for English.
/// </summary>
public sealed record DeidCategoryScore(
    string Category,
    int GoldSpans,
    int PredictedSpans,
    double? ExactRecall,
    double? ExactPrecision,
    double? OverlapRecall,
    double? OverlapPrecision,
    double? TokenRecall,
    double? TokenPrecision);

/// <summary>The result of <see cref="DeidEvaluation.Evaluate"/>: per-category rows and the overall row.</summary>
public sealed record DeidEvaluationReport(int Notes, IReadOnlyList<DeidCategoryScore> Categories, DeidCategoryScore Overall)
{
    public DeidCategoryScore? this[PhiCategory category] => Categories.FirstOrDefault(c => c.Category == category.ToString());

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| category | gold | found | exact R | exact P | overlap R | overlap P | token R | token P |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Categories.Append(Overall))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Category} | {r.GoldSpans} | {r.PredictedSpans} | {P(r.ExactRecall)} | {P(r.ExactPrecision)} | {P(r.OverlapRecall)} | {P(r.OverlapPrecision)} | {P(r.TokenRecall)} | {P(r.TokenPrecision)} |");
        }

        return sb.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static string P(double? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
