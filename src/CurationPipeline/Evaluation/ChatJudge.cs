using CurationPipeline.Calibration;
using CurationPipeline.Items;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Evaluation;

/// <summary>
/// A judge behind an endpoint: asks with <see cref="JudgeTemplate"/> and reads the boxed total, scaled to 0..1.
/// A verdict without a readable score throws <see cref="JudgeVerdictException"/>; the evaluator flags the row.
/// </summary>
public sealed class ChatJudge(string name, IChatClient client) : IResponseScorer
{
    public string Name => name;

    public async Task<double> ScoreAsync(BenchmarkItem item, string response, CancellationToken cancellationToken = default)
    {
        var options = new ChatOptions { Temperature = 0 };
        var verdict = await client.GetResponseAsync([new ChatMessage(ChatRole.User, JudgeTemplate.Render(item, response))], options, cancellationToken);
        return JudgeTemplate.ReadTotal(verdict.Text) is { } total
            ? total / 100.0
            : throw new JudgeVerdictException($"judge '{name}' gave no readable score (no \\boxed{{...}} total) for item {item.Id}");
    }
}

/// <summary>A judge's verdict had no score that could be read.</summary>
public sealed class JudgeVerdictException(string message) : Exception(message);
