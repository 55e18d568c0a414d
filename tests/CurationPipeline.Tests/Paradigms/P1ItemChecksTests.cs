using CurationPipeline.Core;
using CurationPipeline.Paradigms.KnowledgeProbing;

namespace CurationPipeline.Tests.Paradigms;

public sealed class P1ItemChecksTests
{
    private const string Stem = "下列哪一项是社区获得性肺炎的典型症状？";
    private static readonly string[] Good = ["咳痰", "吃奶减少", "右上腹痛", "兴趣减退", "晨僵"];

    [Fact]
    public void A_sound_item_passes() => Assert.Null(KnowledgeProbingChecks.Find(Stem, Good, "A", ["发热", "咳嗽", "咳痰"]));

    [Fact]
    public void Four_options_are_refused()
    {
        var failure = KnowledgeProbingChecks.Find(Stem, Good[..4], "A", []);
        Assert.Equal(("has 4 options; P1 items have five (A to E)", "options"), (failure?.Reason, failure?.Field));
    }

    [Fact]
    public void An_empty_option_is_refused() =>
        Assert.Equal("an option is empty", KnowledgeProbingChecks.Find(Stem, ["咳痰", " ", "右上腹痛", "兴趣减退", "晨僵"], "A", [])?.Reason);

    [Fact]
    public void Duplicate_options_are_refused_after_normalisation() =>
        Assert.Equal("options B and E are the same", KnowledgeProbingChecks.Find(Stem, ["咳痰", "右上腹痛", "兴趣减退", "晨僵", "右上腹痛。"], "A", [])?.Reason);

    [Fact]
    public void Near_duplicate_options_are_refused() =>
        Assert.Equal("options C and D are near-duplicates",
            KnowledgeProbingChecks.Find("下列哪种药物用于甲状腺功能减退症？", ["阿莫西林", "氨氯地平", "左甲状腺素钠", "左甲状腺素", "奥美拉唑"], "C", [])?.Reason);

    [Fact]
    public void Options_that_differ_only_in_numbers_are_not_near_duplicates() =>
        Assert.Null(KnowledgeProbingChecks.Find("婴儿每日应补充维生素D多少？", ["400国际单位", "800国际单位", "200国际单位", "1200国际单位", "100国际单位"], "A", []));

    [Theory]
    [InlineData("F")]
    [InlineData("AB")]
    [InlineData("")]
    [InlineData(null)]
    public void An_answer_that_is_not_one_option_is_refused(string? answer)
    {
        var failure = KnowledgeProbingChecks.Find(Stem, Good, answer, []);
        Assert.Equal("answer", failure?.Field);
        Assert.Contains("is not one of the options", failure?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distractor_the_source_makes_true_is_refused()
    {
        // 发热 is also a symptom of the disease according to the table.
        var failure = KnowledgeProbingChecks.Find(Stem, ["咳痰", "吃奶减少", "发热", "兴趣减退", "晨僵"], "A", ["发热", "咳嗽", "咳痰"]);
        Assert.Equal(("option C is also true according to the source", "options"), (failure?.Reason, failure?.Field));
    }

    [Fact]
    public void The_answer_text_in_the_stem_is_refused()
    {
        var failure = KnowledgeProbingChecks.Find("患者咳痰三天，下列哪一项是社区获得性肺炎的典型症状？", Good, "A", []);
        Assert.Equal(("the answer's text is leaked into the stem", "question"), (failure?.Reason, failure?.Field));
    }

    [Fact]
    public void Enforce_rejects_the_record_with_the_reason_and_field()
    {
        var e = Assert.Throws<RecordRejectedException>(() => KnowledgeProbingChecks.Enforce(Stem, Good, "Z", []));
        Assert.Equal("answer", e.Field);
        Assert.StartsWith("answer 'Z'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_distractors_reject_the_record()
    {
        var e = Assert.Throws<RecordRejectedException>(() =>
            DistractorPicker.Pick(new Random(1), ["发热", "咳嗽", "晨僵", "皮疹"], "咳痰", ["发热", "咳嗽"], "symptoms"));
        Assert.Equal("only 2 symptoms that the tables do not make true; four distractors are needed", e.Message);
    }
}
