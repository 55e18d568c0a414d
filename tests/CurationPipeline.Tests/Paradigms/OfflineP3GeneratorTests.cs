using CurationPipeline.Items;
using CurationPipeline.Paradigms.EhrExtraction;

namespace CurationPipeline.Tests.Paradigms;

public sealed class OfflineP3GeneratorTests
{
    private static readonly LexiconMatcher Matcher = LexiconMatcher.For(RawFiles.Reference);

    [Fact]
    public void The_longest_term_wins_and_blockers_hide_their_parts()
    {
        var matches = Matcher.Match("患者偏头痛3年，收入感染科，查血尿酸，可见痛风石。");
        Assert.Equal([("disease", "偏头痛", 2, 5)], matches);
    }

    [Fact]
    public void Lexicons_hold_hundreds_of_terms() => Assert.True(Matcher.Count > 1000, $"{Matcher.Count} terms");

    [Fact]
    public async Task Symptoms_are_labelled_with_exact_spans_as_prelabels()
    {
        const string text = "患者3天前出现发热，伴咳嗽、咳痰，无胸痛。既往高血压病史，服用氨氯地平。";
        var record = TestDatasets.Record("E1", "ehr", ("text", text));
        var item = Assert.Single(await TestDatasets.Engine("MAEESymp").GenerateAsync(record, TestDatasets.Named("MAEESymp"), RawFiles.Context()));

        Assert.Equal(["发热", "咳嗽", "咳痰", "胸痛"], item.Entities.Select(e => e.Text));
        Assert.All(item.Entities, e => Assert.Equal(e.Text, text[e.Start!.Value..e.End!.Value]));
        Assert.All(item.Entities, e => Assert.Equal("symptom", e.Type));
        Assert.Equal(text, item.Context);
        Assert.Equal("发热 [7,9)；咳嗽 [11,13)；咳痰 [14,16)；胸痛 [18,20)", item.Answer);
        Assert.True(item.HasFlag(OfflineEhrExtraction.PrelabelFlag));
        Assert.Equal(ReviewStatus.Unreviewed, item.Review);
    }

    [Fact]
    public async Task A_note_without_an_entity_of_the_type_is_rejected()
    {
        var record = TestDatasets.Record("E2", "ehr", ("text", "患者3天前出现发热，伴咳嗽。"));
        var e = await TestDatasets.Rejects(TestDatasets.Engine("MAEEOper"), record, "MAEEOper");
        Assert.Equal(("the note has no operation entity from the lexicon", "text"), (e.Message, e.Field));
    }

    [Fact]
    public void Span_repair_keeps_right_spans_moves_wrong_ones_and_drops_absent_text()
    {
        const string text = "咳嗽3天，今晨再次咳嗽。";
        var right = new GoldEntity("symptom", "咳嗽", 9, 11);
        Assert.Same(right, SpanRepair.Repair(text, right));
        Assert.Equal(new GoldEntity("symptom", "咳嗽", 9, 11), SpanRepair.Repair(text, right with { Start = 8, End = 10 }));
        Assert.Equal(new GoldEntity("symptom", "咳嗽", 0, 2), SpanRepair.Repair(text, right with { Start = null, End = null }));
        Assert.Equal(new GoldEntity("symptom", "咳嗽", 0, 2), SpanRepair.Repair(text, right with { Start = 1, End = 99 }));
        Assert.Null(SpanRepair.Repair(text, new GoldEntity("symptom", "发热", 0, 2)));
        Assert.Null(SpanRepair.Repair(text, new GoldEntity("symptom", "", 0, 0)));
    }
}
