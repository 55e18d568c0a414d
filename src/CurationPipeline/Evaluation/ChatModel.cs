using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Evaluation;

/// <summary>
/// A model behind an OpenAI-compatible endpoint (through the model layer, so answers are cached and a
/// re-run is free). The trial and presentation go into the request options, so a repeated run at a
/// sampling temperature asks again while a greedy one is served from the cache.
/// </summary>
public sealed class ChatModel(string name, string engine, IChatClient client) : IEvaluatedModel
{
    /// <summary>The system message every evaluated model gets.</summary>
    public const string SystemPrompt = "你是一名专业的医学助手。请按题目要求作答。 / You are a professional medical assistant. Answer as the task asks.";

    public string Name => name;

    public string Engine => engine;

    public async Task<string> AnswerAsync(BenchmarkItem item, string prompt, int trial, CancellationToken cancellationToken = default)
    {
        var options = new ChatOptions { AdditionalProperties = new AdditionalPropertiesDictionary { [ResponseProperties.Trial] = trial } };
        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, prompt)], options, cancellationToken);
        return response.Text;
    }
}
