using CurationPipeline.Calibration;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Evaluation;

/// <summary>
/// A judge behind an endpoint: asks with <see cref="JudgeTemplate"/> and reads the boxed total, scaled to 0..1.
/// A verdict without a readable score throws <see cref="JudgeVerdictException"/>; the evaluator flags the row.
/// <paramref name="instance"/> goes into the request as the trial number: two instances of one judge model at a
/// sampling temperature are two independent samples (each cached on its own); at temperature zero they are the
/// same deterministic judge and share one cached verdict.
/// </summary>
public sealed class ChatJudge(string name, IChatClient client, int instance = 0) : IResponseScorer
{
    public string Name => name;

    public async Task<double> ScoreAsync(BenchmarkItem item, string response, CancellationToken cancellationToken = default)
    {
        var options = new ChatOptions { AdditionalProperties = new AdditionalPropertiesDictionary { [ResponseProperties.Trial] = instance } };
        var verdict = await client.GetResponseAsync([new ChatMessage(ChatRole.User, JudgeTemplate.Render(item, response))], options, cancellationToken);
        return JudgeTemplate.ReadTotal(verdict.Text) is { } total
            ? total / 100.0
            : throw new JudgeVerdictException($"judge '{name}' gave no readable score (no \\boxed{{...}} total) for item {item.Id}");
    }
}

/// <summary>A judge's verdict had no score that could be read.</summary>
public sealed class JudgeVerdictException(string message) : Exception(message);
