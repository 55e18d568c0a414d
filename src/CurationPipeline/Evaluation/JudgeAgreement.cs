using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Evaluation;

/// <summary>
/// Compares a judge's verdicts with expert labels case by case (the ids both files share), and writes the
/// disputed cases with the experts' decisions as chat-format JSONL for fine-tuning a judge.
/// </summary>
public static class JudgeAgreement
{
    /// <summary>The metrics over the shared ids, and how many ids only one side had.</summary>
    public static (AgreementMetrics Metrics, int OnlyJudge, int OnlyExperts) Compare(
        IReadOnlyDictionary<string, Verdict> judge, IReadOnlyDictionary<string, Verdict> experts)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(experts);
        var shared = judge.Keys.Where(experts.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var metrics = AgreementMetrics.From(shared.Select(id => (judge[id].Acceptable, experts[id].Acceptable)));
        return (metrics, judge.Count - shared.Count, experts.Count - shared.Count);
    }

    /// <summary>Table 5 layout: one row per judge.</summary>
    public static string ToMarkdown(string judgeName, AgreementMetrics m) =>
        "| Model | Accuracy | Precision | Recall | F1-Score | Cohen's Kappa | N |\n|---|---|---|---|---|---|---|\n" +
        string.Create(CultureInfo.InvariantCulture, $"| {judgeName} | {m.Accuracy:0.0000} | {m.Precision:0.0000} | {m.Recall:0.0000} | {m.F1:0.0000} | {m.Kappa:0.0000} | {m.Total} |\n");

    /// <summary>
    /// Reads dispute records (lines of <c>disputes.jsonl</c>) and writes, for each one the experts decided, a
    /// <c>{"messages": [system, user, assistant]}</c> line: the judge prompt and the expert's boxed score.
    /// Returns how many lines were written.
    /// </summary>
    public static int ExportTraining(string disputesPath, IReadOnlyDictionary<string, Verdict> experts, string outPath)
    {
        if (!File.Exists(disputesPath))
        {
            throw new FileNotFoundException($"{disputesPath}: disputes file not found");
        }

        var lines = new StringBuilder();
        var written = 0;
        var number = 0;
        foreach (var line in File.ReadLines(disputesPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            DisputeRecord record;
            try
            {
                record = DisputeRecord.FromJson(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{disputesPath}: line {number}: not a dispute record ({e.Message})");
            }

            if (!experts.TryGetValue(record.Id, out var verdict))
            {
                continue;
            }

            var total = Math.Round(100 * (verdict.Score ?? (verdict.Acceptable ? 1 : 0)));
            var answer = string.Create(CultureInfo.InvariantCulture,
                $"Evaluation Analysis\nExpert decision: {(verdict.Acceptable ? "acceptable" : "not acceptable")}.\n\nPredicted Answer Score\n\\boxed{{{total:0}}}");
            var messages = new object[]
            {
                new { role = "system", content = "You are a professional evaluation expert." },
                new { role = "user", content = JudgeTemplate.Render(record.Question, record.Context, record.Reference, record.Rubric, record.Response) },
                new { role = "assistant", content = answer },
            };
            lines.Append(JsonSerializer.Serialize(new { id = record.Id, messages }, DisputeRecord.Options)).Append('\n');
            written++;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, lines.ToString());
        return written;
    }
}
