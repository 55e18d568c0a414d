using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Roles;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Tests.Roles.Extension;

/// <summary>
/// A toy model role, <c>rater</c> (stage <c>rate</c>): the reading level of each item's question, <c>short</c> or
/// <c>long</c>, in the item's <c>reading_level</c> attribute. Offline, by the question's length; over endpoints, the
/// role's first named endpoint (or the endpoints file's first) answers with the word.
/// </summary>
internal sealed class ReadingLevelRole : ModelRole<ReadingLevelRole.IRater>
{
    public static readonly StageName Rate = new("rate");

    public interface IRater
    {
        Task<string> RateAsync(string question, CancellationToken cancellationToken);
    }

    public override string Name => "rater";

    public override StageName? Stage => Rate;

    public override RoleEngine<IRater> Offline(RoleContext context) => new(new ByLength(), "offline: short up to 20 characters, else long (no model)");

    public override RoleEngine<IRater> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        var name = endpoints.OrFallback[0];
        return new(new ByModel(context.Client(name, CallRole)), "LLM: " + context.Describe(name));
    }

    public override IItemStage CreateStage(RoleContext context) => new RateStage(context.Engine(this));

    private sealed class ByLength : IRater
    {
        public Task<string> RateAsync(string question, CancellationToken cancellationToken) => Task.FromResult(question.Length <= 20 ? "short" : "long");
    }

    private sealed class ByModel(IChatClient client) : IRater
    {
        public async Task<string> RateAsync(string question, CancellationToken cancellationToken)
        {
            var response = await client.GetResponseAsync($"Reading level of this question, one word, short or long:\n{question}", cancellationToken: cancellationToken);
            var level = response.Text.Trim();
            return level is "short" or "long" ? level : throw new ItemInvalidException("reading_level", $"the rater answered '{level}', not short or long");
        }
    }

    private sealed class RateStage(IRater rater) : IItemStage
    {
        public StageName Name => Rate;

        public bool AppliesTo(BenchmarkItem item) => true;

        public async Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
        {
            var attributes = new Dictionary<string, string>(item.Attributes, StringComparer.Ordinal) { ["reading_level"] = await rater.RateAsync(item.Question, cancellationToken) };
            return item with { Attributes = attributes };
        }
    }
}
