using CurationPipeline.Core;
using CurationPipeline.Departments;

namespace CurationPipeline.Roles;

/// <summary>
/// <c>tagger</c>: department tagging (stage <c>tag</c>) of the datasets that take departments. Offline, the lexicon and
/// naive Bayes tagger over the reference data's department files; over endpoints, a model constrained to Table 2's
/// departments. Without a tagged dataset the run has no tag stage and builds no tagger.
/// </summary>
public sealed class TaggerRole : ModelRole<IDepartmentTagger>
{
    public override string Name => "tagger";

    public override StageName? Stage => StageName.Tag;

    public override RoleEngine<IDepartmentTagger> Offline(RoleContext context)
    {
        var tagger = OfflineDepartmentTagger.Load(context.Reference);
        return new(tagger, $"{tagger.Name}: keyword lexicon and a naive Bayes classifier over bundled labelled text (no model)");
    }

    public override RoleEngine<IDepartmentTagger> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        var name = endpoints.OrFallback[0];
        return new(new LlmDepartmentTagger(context.Client(name, CallRole), name), "LLM: " + context.Describe(name) + ", constrained to the 64 departments");
    }

    public override IItemStage? CreateStage(RoleContext context)
    {
        var tagged = context.Definition?.Datasets.Where(d => d.TagsDepartments).Select(d => d.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        return tagged.Count > 0 ? new TaggingStage(context.Engine(this), tagged) : null;
    }
}
