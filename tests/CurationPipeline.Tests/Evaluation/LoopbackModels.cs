using System.Text.RegularExpressions;
using CurationPipeline.Evaluation;
using CurationPipeline.Llm;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>The loopback OpenAI-compatible server with one endpoint per scripted model, reached through the model layer.</summary>
internal sealed partial class LoopbackModels : IAsyncDisposable
{
    private LoopbackModels(OpenAiTestServer server, ModelHub hub)
    {
        Server = server;
        Hub = hub;
    }

    public OpenAiTestServer Server { get; }

    public ModelHub Hub { get; }

    /// <summary>Starts the server; <paramref name="reply"/> answers (model, prompt) for every request.</summary>
    public static async Task<LoopbackModels> StartAsync(IReadOnlyList<string> models, Func<string, string, string> reply, string? cachePath = null)
    {
        var server = await OpenAiTestServer.StartAsync();
        server.Models = models;
        server.Responder = r => TestReply.Text(reply(r.Model, r.LastUserMessage));
        var file = EndpointsFile.From(models.Select(m => new EndpointOptions { Name = m, BaseUrl = server.BaseUrl, Model = m, MaxConcurrency = 32, Temperature = 0 }));
        var hub = ModelHub.Create(file, new ModelHubOptions { CachePath = cachePath, MaxRetries = 0 });
        return new LoopbackModels(server, hub);
    }

    public ChatModel Model(string name) => new(name, "llm:" + name, Hub.GetClient(name, "evaluation"));

    public ChatJudge Judge(string name) => new(name, Hub.GetClient(name, "judge"));

    /// <summary>The letter shown for an option text in a rendered prompt ("C. text" lines).</summary>
    public static string? LetterOf(string prompt, string optionText) =>
        OptionLine().Matches(prompt).FirstOrDefault(m => m.Groups["t"].Value.Trim() == optionText)?.Groups["l"].Value;

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Server.DisposeAsync();
    }

    [GeneratedRegex(@"^(?<l>[A-E])\. (?<t>.+)$", RegexOptions.Multiline)]
    private static partial Regex OptionLine();
}
