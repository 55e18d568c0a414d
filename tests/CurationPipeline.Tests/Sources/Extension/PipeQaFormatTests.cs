using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Runs;

namespace CurationPipeline.Tests.Sources.Extension;

/// <summary>A source format added from this folder alone: registered on the extensions, named by a pipeline file, imported end to end.</summary>
public sealed class PipeQaFormatTests
{
    private static readonly Extensions WithToy = Extensions.Bundled.With(new PipeQaFormat());

    private static string Pipeline(TempDirectory dir)
    {
        File.WriteAllLines(dir.File("quiz.txt"),
        [
            "q1|下列哪种药物属于抗血小板药？|青霉素;胰岛素;阿司匹林;地塞米松;奥美拉唑|C",
            "q2|二甲双胍主要用于治疗哪种疾病？|2型糖尿病;高血压;痛风;哮喘;贫血|A",
            "q3 has no fields",
            "q4|只有四个选项的题？|甲;乙;丙;丁|B",
        ]);
        File.WriteAllText(dir.File("quiz.yaml"), """
            name: quiz
            deidentification: { gate: false }
            sources:
              - { name: quiz, path: quiz.txt, format: pipe-qa, kind: public }
            datasets:
              - { name: Quiz, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: public, source: public, type: multiple-choice, scoring: accuracy, target_n: 0, inputs: [quiz] }
            """);
        return dir.File("quiz.yaml");
    }

    [Fact]
    public async Task A_source_in_the_toy_format_is_read_imported_and_its_bad_lines_rejected_by_line()
    {
        using var dir = new TempDirectory();

        var run = await TestRun.ExecuteAsync(WithToy, Pipeline(dir));

        Assert.Equal(["q1", "q2"], run.Pool.Select(i => i.Provenance.SourceRecord));
        Assert.Equal("下列哪种药物属于抗血小板药？", run.Pool[0].Question);
        Assert.Equal(["2型糖尿病", "高血压", "痛风", "哮喘", "贫血"], run.Pool[1].Options);
        Assert.All(run.Pool, i => Assert.Equal((Paradigm.Public, SourceKind.Public), (i.Paradigm, i.SourceKind)));
        var rejects = run.Rejects();
        Assert.Contains(rejects, r => r is { Stage: "read", Record: "line 3", Reason: "1 fields separated by '|', not 4" } && r.File.EndsWith("quiz.txt", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r is { Stage: "generate", Record: "q4", Field: "options", Reason: "field 'options' has 4 options, not 5" });
    }

    [Fact]
    public void Without_the_registration_a_pipeline_naming_it_is_an_error_naming_the_known_formats()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<PipelineConfigException>(() => PipelineLoader.Load(Pipeline(dir)));

        Assert.Contains("unknown format 'pipe-qa'", e.Message, StringComparison.Ordinal);
        Assert.Contains("quiz.yaml", e.Message, StringComparison.Ordinal);
    }
}
