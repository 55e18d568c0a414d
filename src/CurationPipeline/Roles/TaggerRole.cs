using CurationPipeline.Core;
using CurationPipeline.Departments;

namespace CurationPipeline.Roles;

/// <summary>
/// <c>tagger</c>: department tagging (stage <c>tag</c>) of the datasets that take departments, every tag with its evidence. Offline, clinical reading, the lexicon and
/// a complement naive Bayes classifier over the reference data's department files; over endpoints, a model constrained to Table 2's
/// departments. Without a tagged dataset the run has no tag stage and builds no tagger.
/// </summary>
public sealed class TaggerRole : ModelRole<IDepartmentTagger>
{
    public override string Name => "tagger";

    public override StageName? Stage => StageName.Tag;

    public override RoleEngine<IDepartmentTagger> Offline(RoleContext context)
    {
        var tagger = OfflineDepartmentTagger.Load(context.Reference);
        return new(tagger, $"{tagger.Name}: clinical reading (negation, history, rule-out), keyword lexicon and a complement naive Bayes classifier over bundled labelled text; every tag with its evidence (no model)");
    }

    public override RoleEngine<IDepartmentTagger> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        var name = endpoints.OrFallback[0];
        return new(new LlmDepartmentTagger(context.Client(name, CallRole), name), "LLM: " + context.Describe(name) + ", constrained by JSON schema to the 9/64 departments, with evidence");
    }

    public override IItemStage? CreateStage(RoleContext context)
    {
        var tagged = context.Definition?.Datasets.Where(d => d.TagsDepartments).Select(d => d.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        return tagged.Count > 0 ? new TaggingStage(context.Engine(this), tagged) : null;
    }
}
