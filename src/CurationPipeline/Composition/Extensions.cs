using CurationPipeline.Paradigms;
using CurationPipeline.Paradigms.ClinicalReasoning;
using CurationPipeline.Paradigms.EhrExtraction;
using CurationPipeline.Paradigms.KnowledgeProbing;
using CurationPipeline.Paradigms.Maturity;
using CurationPipeline.Paradigms.SafetyScenarios;
using CurationPipeline.Roles;
using CurationPipeline.Sources;
using CurationPipeline.Sources.Formats;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Composition;

/// <summary>
/// The extension points of a run: its paradigms, source formats and model roles (the PHI recognizers are the
/// de-identifier's own, see docs/deidentification.md). <see cref="Bundled"/> is the one place the bundled ones are
/// registered; a pipeline file may name what is registered here, and nothing else.
/// </summary>
public sealed record Extensions(ParadigmRegistry Paradigms, SourceFormatRegistry Formats, RoleRegistry Roles)
{
    /// <summary>The bundled paradigms, source formats and model roles.</summary>
    public static Extensions Bundled { get; } = CreateBundled();

    /// <summary>These extensions and one more paradigm.</summary>
    public Extensions With(IParadigm paradigm) => this with { Paradigms = Paradigms.With(paradigm) };

    /// <summary>These extensions and one more source format.</summary>
    public Extensions With(ISourceFormat format) => this with { Formats = Formats.With(format) };

    /// <summary>These extensions and one more model role, whose stage runs after the others'.</summary>
    public Extensions With(IModelRole role) => this with { Roles = Roles.With(role) };

    private static Extensions CreateBundled()
    {
        var judges = new JudgeRole();
        return new(
            new ParadigmRegistry([new KnowledgeProbingParadigm(), new SafetyScenariosParadigm(), new EhrExtractionParadigm(), new ClinicalReasoningParadigm(), .. ScenarioParadigm.All]),
            new SourceFormatRegistry([new JsonlFormat(), new CsvFormat(), new CMExamFormat(), new CMeEEFormat(), new ChipCdnFormat(), new ChipCdeeFormat(), new CMeIEFormat()]),
            new RoleRegistry([new GeneratorRole(), new CalibrationRole(judges), new TaggerRole(), judges]));
    }
}
