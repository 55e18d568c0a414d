using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Llm;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Evaluation;

namespace CurationPipeline.Roles;

/// <summary>
/// <c>judges</c>: the two scorer instances that rate open-ended answers against the item's rubric. A run's calibration
/// panel uses them (two named endpoints, or one twice, or the fallback twice; offline, the rubric-overlap pair); the
/// evaluator resolves its <c>--judges</c> by name here too, asking endpoint judges with the paper's judge template.
/// </summary>
public sealed class JudgeRole : ModelRole<IReadOnlyList<IResponseScorer>>
{
    /// <summary>The names of the offline pair's two instances for <c>--judges</c>.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> OfflineNames = ["offline:a", "offline:b"];

    public override string Name => "judges";

    public override string DescriptionKey => "scorers";

    public override string CallRole => "judge";

    public override RoleEngine<IReadOnlyList<IResponseScorer>> Offline(RoleContext context) =>
        new(RubricOverlapScorer.Pair(), "offline: two rubric-overlap scorer instances (no model)");

    public override RoleEngine<IReadOnlyList<IResponseScorer>> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        var names = endpoints.Named.Count >= 2
            ? [.. endpoints.Named.Take(2)]
            : new[] { endpoints.Named.FirstOrDefault() ?? endpoints.Fallback, endpoints.Named.FirstOrDefault() ?? endpoints.Fallback };
        IReadOnlyList<IResponseScorer> scorers =
        [
            new LlmResponseScorer(context.Client(names[0], CallRole), names[0] + "#1"),
            new LlmResponseScorer(context.Client(names[1], CallRole), names[1] + "#2"),
        ];
        return new(scorers, "LLM: two scorer instances, " + string.Join(" and ", names.Select(context.Describe)));
    }

    /// <summary>
    /// The evaluator's judges by name: <c>offline:a</c> and <c>offline:b</c> (the offline pair), or endpoints of the
    /// endpoints file; a name given twice becomes two instances (<c>NAME#1</c>, <c>NAME#2</c>). An unknown name is an
    /// <see cref="ArgumentException"/> naming it.
    /// </summary>
    public IReadOnlyList<IResponseScorer> ForEvaluation(RoleContext context, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(names);
        var pair = Offline(context).Engine;
        return [.. names.Select((n, i) => OfflineNames.IndexOf(n) is var offline and >= 0
            ? pair[offline]
            : context.HasEndpoint(n)
                ? new ChatJudge(names.Count(x => x == n) > 1 ? $"{n}#{i + 1}" : n, context.Client(n, CallRole), i)
                : throw new ArgumentException($"'{n}' is neither {string.Join(" / ", OfflineNames)} nor an endpoint or model of the endpoints file"))];
    }
}
