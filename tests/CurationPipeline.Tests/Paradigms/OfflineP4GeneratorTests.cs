using CurationPipeline.Paradigms.ClinicalReasoning;


namespace CurationPipeline.Tests.Paradigms;

public sealed class OfflineP4GeneratorTests
{
    private const string Dialogue = """
        患者：医生，我咳嗽三天了，还发烧。
        医生：有没有胸痛？
        患者：没有。
        医生：建议查血常规和胸部X线片。
        患者：结果出来了。
        医生：结合结果，诊断明确，是社区获得性肺炎，先用阿莫西林。
        """;

    private const string Record = """{"主诉":"咳嗽、发热3天","现病史":"患者3天前出现咳嗽，伴发热，无胸痛，体温最高38.6℃。","既往史":"既往体健。","查体":"T 38.2℃，右下肺湿啰音。","辅助检查":"血常规、胸部X线片已完善。","初步诊断":"社区获得性肺炎","处理":"阿莫西林口服治疗；不适随诊。"}""";

    [Fact]
    public async Task Inspection_input_stops_before_the_doctor_orders_the_examinations()
    {
        var record = TestDatasets.Record("D1", "dialogue", ("text", Dialogue), ("examinations", """["血常规","胸部X线片"]"""));
        var item = Assert.Single(await TestDatasets.Engine("MAInspection").GenerateAsync(record, TestDatasets.Named("MAInspection"), RawFiles.Context()));
        Assert.Equal("患者：医生，我咳嗽三天了，还发烧。\n医生：有没有胸痛？\n患者：没有。", item.Context);
        Assert.Equal("建议检查：血常规；胸部X线片", item.Answer);
        Assert.Equal(1.0, item.Rubric.Sum(c => c.Weight), 6);
        Assert.Equal("inspection", item.Attributes["task"]);
    }

    [Fact]
    public async Task Inspection_rejects_a_dialogue_whose_patient_names_the_examination_first()
    {
        var text = "患者：我上周做过胸部X线片。\n" + Dialogue;
        var record = TestDatasets.Record("D2", "dialogue", ("text", text), ("examinations", """["血常规","胸部X线片"]"""));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAInspection"), record, "MAInspection");
        Assert.Equal((OfflineClinicalReasoning.LeakReason, "text"), (e.Message, e.Field));
    }

    [Fact]
    public async Task Inspection_without_ordered_examinations_has_no_reference()
    {
        var empty = TestDatasets.Record("D3", "dialogue", ("text", Dialogue), ("examinations", "[]"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAInspection"), empty, "MAInspection");
        Assert.Equal(("no reference answer: examinations is empty", "examinations"), (e.Message, e.Field));
        var missing = await TestDatasets.Rejects(TestDatasets.Engine("MAInspection"), TestDatasets.Record("D4", "dialogue", ("text", Dialogue)), "MAInspection");
        Assert.Equal("examinations", missing.Field);
    }

    [Fact]
    public async Task Dialogue_diagnosis_input_ends_before_the_doctor_concludes()
    {
        var record = TestDatasets.Record("D5", "dialogue", ("text", Dialogue), ("diagnosis", "社区获得性肺炎"));
        var item = Assert.Single(await TestDatasets.Engine("MADiagnosis").GenerateAsync(record, TestDatasets.Named("MADiagnosis"), RawFiles.Context()));
        Assert.EndsWith("患者：结果出来了。", item.Context, StringComparison.Ordinal);
        Assert.DoesNotContain("社区获得性肺炎", item.Context, StringComparison.Ordinal);
        Assert.Equal("社区获得性肺炎", item.Answer);
    }

    [Fact]
    public async Task Dialogue_diagnosis_rejects_an_input_that_still_states_it()
    {
        var record = TestDatasets.Record("D6", "dialogue", ("text", "患者：我以前得过社区获得性肺炎。\n" + Dialogue), ("diagnosis", "社区获得性肺炎"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MADiagnosis"), record, "MADiagnosis");
        Assert.Equal(OfflineClinicalReasoning.LeakReason, e.Message);
    }

    [Fact]
    public async Task Inpatient_diagnosis_removes_the_sections_that_state_it()
    {
        const string notes = "【入院记录】\n主诉：咳嗽3天。\n入院诊断：支气管炎？\n【病程记录】\n修正诊断：社区获得性肺炎\n诊疗计划：予头孢曲松治疗。\n【会诊记录】\n会诊意见：同意社区获得性肺炎诊断。";
        var record = TestDatasets.Record("I1", "inpatient", ("text", notes), ("discharge_diagnosis", "1.社区获得性肺炎；2.原发性高血压"));
        var item = Assert.Single(await TestDatasets.Engine("MADiagnosis").GenerateAsync(record, TestDatasets.Named("MADiagnosis"), RawFiles.Context()));
        Assert.Equal("【入院记录】\n主诉：咳嗽3天。\n【病程记录】\n诊疗计划：予头孢曲松治疗。\n【会诊记录】", item.Context);
        Assert.Equal("1.社区获得性肺炎；2.原发性高血压", item.Answer);
    }

    [Fact]
    public async Task Inpatient_diagnosis_rejects_notes_that_state_it_outside_a_diagnosis_section()
    {
        var record = TestDatasets.Record("I2", "inpatient", ("text", "【病程记录】\n患者社区获得性肺炎好转。"), ("discharge_diagnosis", "社区获得性肺炎"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MADiagnosis"), record, "MADiagnosis");
        Assert.Equal(OfflineClinicalReasoning.LeakReason, e.Message);
        var none = TestDatasets.Record("I3", "inpatient", ("text", "【病程记录】"), ("discharge_diagnosis", "；"));
        Assert.Equal("no reference answer: discharge_diagnosis names no diagnosis",
            (await TestDatasets.Rejects(TestDatasets.Engine("MADiagnosis"), none, "MADiagnosis")).Message);
    }

    [Fact]
    public async Task Record_task_answers_with_the_written_record_in_section_order()
    {
        var record = TestDatasets.Record("D7", "dialogue", ("text", Dialogue), ("record", Record));
        var item = Assert.Single(await TestDatasets.Engine("MARecord").GenerateAsync(record, TestDatasets.Named("MARecord"), RawFiles.Context()));
        Assert.StartsWith("主诉：咳嗽、发热3天\n现病史：", item.Answer, StringComparison.Ordinal);
        Assert.EndsWith("处理：阿莫西林口服治疗；不适随诊。", item.Answer, StringComparison.Ordinal);
        Assert.Equal(Dialogue.Trim(), item.Context);
    }

    [Fact]
    public async Task Record_task_drops_a_pasted_record_and_rejects_a_dialogue_that_quotes_it()
    {
        var pasted = TestDatasets.Record("D8", "dialogue", ("text", Dialogue + "\n主诉：咳嗽、发热3天\n初步诊断：社区获得性肺炎"), ("record", Record));
        var item = Assert.Single(await TestDatasets.Engine("MARecord").GenerateAsync(pasted, TestDatasets.Named("MARecord"), RawFiles.Context()));
        Assert.DoesNotContain("主诉：", item.Context, StringComparison.Ordinal);

        var quoted = TestDatasets.Record("D9", "dialogue", ("text", Dialogue + "\n医生：我写一下，患者3天前出现咳嗽，伴发热，无胸痛，体温最高38.6℃。"), ("record", Record));
        Assert.Equal(OfflineClinicalReasoning.LeakReason, (await TestDatasets.Rejects(TestDatasets.Engine("MARecord"), quoted, "MARecord")).Message);
    }

    [Fact]
    public async Task Record_task_without_all_sections_has_no_reference()
    {
        var record = TestDatasets.Record("D10", "dialogue", ("text", Dialogue), ("record", """{"主诉":"咳嗽3天","初步诊断":"肺炎"}"""));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MARecord"), record, "MARecord");
        Assert.Equal(("no reference answer: the record lacks 现病史、既往史、查体、辅助检查、处理", "record"), (e.Message, e.Field));
    }
}
