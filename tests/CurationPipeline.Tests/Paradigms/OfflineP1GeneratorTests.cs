using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Paradigms.KnowledgeProbing;
using CurationPipeline.Reference;

namespace CurationPipeline.Tests.Paradigms;

public sealed class OfflineP1GeneratorTests
{
    private static readonly KnowledgeBase Kb = RawFiles.Reference.Knowledge;

    [Fact]
    public async Task A_disease_row_gives_one_item_per_template_up_to_items_per_record()
    {
        var dataset = TestDatasets.Named("MAExam");
        dataset.ItemsPerRecord = 4;
        var record = TestDatasets.Bundled("diseases", "D001");
        var items = await Extensions.Bundled.Paradigms.CreateOffline(dataset, RawFiles.Reference).GenerateAsync(record, dataset, RawFiles.Context());

        Assert.Equal(4, items.Count);
        Assert.Equal(4, items.Select(i => i.Attributes["template"]).Distinct().Count());
        var pneumonia = Kb.DiseaseByName["社区获得性肺炎"];
        foreach (var item in items)
        {
            var answer = item.Options[AnswerLetters.Index(item.Answer![0])];
            var truths = pneumonia.Symptoms.Concat(pneumonia.Drugs).Concat(pneumonia.Examinations).Concat(pneumonia.Complications).ToList();
            Assert.Contains(answer, truths);
            Assert.All(item.Options.Where(o => o != answer), o => Assert.DoesNotContain(o, truths));
            Assert.Equal("D001", item.Provenance.SourceRecord);
            Assert.Equal(OfflineKnowledgeProbing.EngineName, item.Provenance.Engine);
        }
    }

    [Fact]
    public async Task A_report_item_asks_about_an_abnormal_finding_with_the_report_as_context()
    {
        var record = TestDatasets.Bundled("reports", "R0001");
        var item = Assert.Single(await TestDatasets.Engine("MAReport").GenerateAsync(record, TestDatasets.Named("MAReport"), RawFiles.Context()));
        Assert.Equal(record.Text, item.Context);
        Assert.Contains("偏", item.Question, StringComparison.Ordinal);
        var answer = item.Options[AnswerLetters.Index(item.Answer![0])];
        Assert.Contains(Kb.LabTests, t => t.HighMeaning == answer || t.LowMeaning == answer);
    }

    [Fact]
    public async Task A_report_without_abnormal_findings_is_rejected()
    {
        var record = TestDatasets.Record("R1", "report", ("text", "检验报告单 血钾 4.2 mmol/L"),
            ("findings", """[{"test":"血钾(K)","value":"4.2","flag":"N"}]"""));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAReport"), record, "MAReport");
        Assert.Equal(("the report has no abnormal finding of a known test", "findings"), (e.Message, e.Field));
    }

    [Fact]
    public async Task Malformed_findings_are_rejected_naming_the_field()
    {
        var record = TestDatasets.Record("R2", "report", ("text", "检验报告单"), ("findings", "not json"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAReport"), record, "MAReport");
        Assert.Equal(("field 'findings' is not valid JSON", "findings"), (e.Message, e.Field));
    }

    [Fact]
    public async Task A_guideline_without_key_facts_in_its_text_is_rejected()
    {
        var record = TestDatasets.Record("G1", "guideline", ("topic", "饮水"), ("source_type", "guideline"),
            ("text", "成年人每天应足量饮水，少量多次。"), ("key_facts", """[{"answer":"2000毫升","type":"number"}]"""));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAKnowledge"), record, "MAKnowledge");
        Assert.Equal(("the passage has no key fact that occurs in its text", "key_facts"), (e.Message, e.Field));
    }

    [Fact]
    public async Task A_record_of_a_kind_the_variant_has_no_template_for_is_rejected()
    {
        var record = TestDatasets.Record("S1", "scenario", ("text", "场景"), ("risk_type", "self_harm"), ("dataset", "GeneralSafety"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAExam"), record, "MAExam");
        Assert.Equal("P1 variant 'exam' has no template for a unknown record", e.Message);
    }

    [Fact]
    public async Task A_disease_row_with_a_missing_field_is_rejected_naming_it()
    {
        var record = TestDatasets.Record("D9", "knowledge", ("name", "某病"), ("department", "Cardiology"), ("symptoms", ""),
            ("signs", "x"), ("examinations", "y"), ("first_line_drugs", "z"), ("complications", "w"), ("text", "t"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAGuidance"), record, "MAGuidance");
        Assert.Equal(("field 'symptoms' is missing or empty", "symptoms"), (e.Message, e.Field));
    }

    [Fact]
    public void The_first_line_drug_template_refuses_a_disease_without_a_specific_drug()
    {
        var hernia = Kb.DiseaseByName["腹股沟疝"];
        var e = Assert.Throws<RecordRejectedException>(() => DiseaseTemplates.FirstLineDrug(hernia, Kb, new Random(1)));
        Assert.Equal("first_line_drugs", e.Field);
    }

    [Fact]
    public void Fabricated_drug_names_are_unknown_to_the_tables_and_lexicon()
    {
        foreach (var drug in Kb.Drugs)
        {
            var draft = HallucinationTemplates.DrugFabricated(drug, Kb, new Random(7));
            var fake = draft.Stem.Split("新药")[1].Split("治疗")[0];
            Assert.DoesNotContain(fake, Kb.KnownDrugNames);
            Assert.Equal("fabricated_entity", draft.Attributes!["hallucination_type"]);
        }
    }

    [Fact]
    public void Dose_variants_scale_ranges_as_a_whole()
    {
        var variants = NumericVariants.Of("起始25-50 μg 每日1次口服", new NumericRange(12.5, 200), "dose_range", firstOnly: true);
        Assert.Contains("起始50-100 μg 每日1次口服", variants);
        Assert.All(variants, v => Assert.EndsWith("μg 每日1次口服", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Dose_variants_stay_inside_the_clinically_used_range()
    {
        var variants = NumericVariants.Of("一次1 g 每日3次口服 连用7天", new NumericRange(0.25, 1), "dose_range", firstOnly: true);
        Assert.NotEmpty(variants);
        Assert.DoesNotContain("一次10 g 每日3次口服 连用7天", variants);
        Assert.All(variants, v => Assert.InRange(NumericVariants.NumbersOf(v, firstOnly: true)[0], 0.25, 1));
        Assert.All(variants, v => Assert.EndsWith(" g 每日3次口服 连用7天", v, StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_without_a_range_in_the_table_gives_no_distractors_but_a_reject_naming_the_column()
    {
        var e = Assert.Throws<RecordRejectedException>(() => NumericVariants.Of("4 g", null, "daily_range"));
        Assert.Equal("daily_range", e.Field);
    }

    [Fact]
    public void Department_distractors_never_include_a_department_the_complaints_point_to()
    {
        foreach (var disease in Kb.Diseases)
        {
            var draft = DiseaseTemplates.Department(disease, Kb, new Random(3));
            Assert.All(draft.Distractors, d => Assert.DoesNotContain(d, draft.AlsoTrue));
        }
    }
}
