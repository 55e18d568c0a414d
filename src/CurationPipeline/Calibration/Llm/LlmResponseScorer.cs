using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Calibration.Llm;

/// <summary>
/// A judge model scoring a response against the item's rubric with a structured evaluation prompt; the
/// answer must be JSON <c>{"score": 0..1, "reasons": "..."}</c> and is re-asked with the error otherwise.
/// </summary>
public sealed class LlmResponseScorer(IChatClient client, string name) : IResponseScorer
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string Name { get; } = name.StartsWith("llm:", StringComparison.Ordinal) ? name : "llm:" + name;

    public async Task<double> ScoreAsync(BenchmarkItem item, string response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await _client.GetJsonAsync<Verdict>(Messages(item, response), Validate,
            new StructuredOutputOptions { ChatOptions = new ChatOptions { Temperature = 0 } }, cancellationToken);
        return result.Value.Score!.Value;
    }

    /// <summary>The evaluation prompt: task, rubric with weights, reference answer when there is one, and the response.</summary>
    public static List<ChatMessage> Messages(BenchmarkItem item, string response)
    {
        var sb = new StringBuilder("请按评分细则评价下面的回答。\n\n【任务】\n");
        if (!string.IsNullOrWhiteSpace(item.Context))
        {
            sb.Append(item.Context.Trim()).Append('\n');
        }

        sb.Append(item.Question.Trim()).Append("\n\n【评分细则】\n");
        foreach (var c in item.Rubric)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {c.Name}（权重 {c.Weight:0.##}）：{c.Description}\n");
        }

        if (!string.IsNullOrWhiteSpace(item.Answer))
        {
            sb.Append("\n【参考答案】\n").Append(item.Answer.Trim()).Append('\n');
        }

        sb.Append("\n【待评回答】\n").Append(response.Trim()).Append("\n\n")
          .Append("逐条对照细则，按权重给出0到1之间的总分（1为完全满足）。只输出JSON：{\"score\": 分数, \"reasons\": \"简要理由\"}");
        return
        [
            new ChatMessage(ChatRole.System, "你是严格、公正的医学评审专家，只依据评分细则打分。"),
            new ChatMessage(ChatRole.User, sb.ToString()),
        ];
    }

    private static IReadOnlyList<string> Validate(Verdict v) =>
        v.Score is { } s && double.IsFinite(s) && s is >= 0 and <= 1 ? [] : [$"\"score\" must be a number from 0 to 1, got {v.Score?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"];

    /// <summary>The judge's answer.</summary>
    public sealed class Verdict
    {
        [JsonPropertyName("score")]
        public double? Score { get; set; }

        [JsonPropertyName("reasons")]
        public string? Reasons { get; set; }
    }
}
