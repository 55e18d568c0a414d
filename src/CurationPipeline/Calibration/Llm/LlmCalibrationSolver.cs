using CurationPipeline.Items;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Calibration.Llm;

/// <summary>
/// A calibration model behind any <see cref="IChatClient"/> (from <c>ModelHub.GetClient(endpoint, "calibration")</c>):
/// asks the item as <see cref="ItemPrompts"/> does and returns the raw answer; the panel parses it with
/// <see cref="ChoiceParser"/> or <see cref="EntityResponseParser"/>.
/// </summary>
public sealed class LlmCalibrationSolver(IChatClient client, string name) : ICalibrationSolver
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The name given, prefixed <c>llm:</c> unless it already is.</summary>
    public string Name { get; } = name.StartsWith("llm:", StringComparison.Ordinal) ? name : "llm:" + name;

    public string Kind => "llm";

    public async Task<SolverAnswer> AnswerAsync(BenchmarkItem item, int trial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var response = await _client.GetResponseAsync(ItemPrompts.Build(item), new ChatOptions { Temperature = 0 }, cancellationToken);
        return new SolverAnswer(response.Text ?? "");
    }
}
