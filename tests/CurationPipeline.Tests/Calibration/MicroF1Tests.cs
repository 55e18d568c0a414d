using CurationPipeline.Calibration;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Calibration;

public sealed class MicroF1Tests
{
    private static readonly GoldEntity[] Gold =
        [new("dis", "肺炎"), new("sym", "发热"), new("bod", "肺"), new("dru", "阿莫西林")];

    [Fact]
    public void Pools_counts_over_classes_hand_computed()
    {
        // TP: dis 肺炎, sym 发热 (2); FP: sym 咳嗽 (1); FN: bod 肺, dru 阿莫西林 (2).
        var counts = MicroF1.Count([new("dis", "肺炎"), new("sym", "咳嗽"), new("sym", "发热")], Gold);
        Assert.Equal(new MicroF1.Counts(2, 1, 2), counts);
        Assert.Equal(2.0 / 3, counts.Precision, 12);
        Assert.Equal(0.5, counts.Recall, 12);
        Assert.Equal(4.0 / 7, counts.F1, 12); // 2*2 / (2*2 + 1 + 2)
    }

    [Fact]
    public void Sums_before_the_ratio_across_items_not_averaging_per_item_scores()
    {
        // Item 1: TP 1, FP 0, FN 0 (F1 1). Item 2: TP 1, FP 2, FN 3 (F1 0.2857).
        // Pooled: TP 2, FP 2, FN 3 -> 4 / 9 = 0.444..., not the mean 0.643.
        GoldEntity[] gold1 = [new("dis", "肺炎")];
        GoldEntity[] gold2 = [new("sym", "a1"), new("sym", "a2"), new("sym", "a3"), new("sym", "a4")];
        ParsedEntity[] pred1 = [new("dis", "肺炎")];
        ParsedEntity[] pred2 = [new("sym", "a1"), new("sym", "x"), new("dis", "a2")];
        var pooled = MicroF1.Score([(pred1, gold1), (pred2, gold2)]);
        Assert.Equal(4.0 / 9, pooled, 12);
    }

    [Fact]
    public void Type_must_match_and_aliases_are_mapped()
    {
        Assert.Equal(1.0, MicroF1.Score([new("疾病", "肺炎")], [new GoldEntity("dis", "肺炎")]));
        Assert.Equal(1.0, MicroF1.Score([new("疾病(dis)", "肺炎")], [new GoldEntity("dis", "肺炎")]));
        Assert.Equal(0.0, MicroF1.Score([new("sym", "肺炎")], [new GoldEntity("dis", "肺炎")]));
    }

    [Fact]
    public void Nothing_to_find_and_nothing_found_is_perfect_and_a_miss_is_zero()
    {
        Assert.Equal(1.0, MicroF1.Score([], []));
        Assert.Equal(0.0, MicroF1.Score([], Gold));
        Assert.Equal(0.0, MicroF1.Score([new("dis", "肺炎")], []));
    }

    [Fact]
    public void Parses_json_arrays_objects_of_lists_and_type_text_lines()
    {
        var fromJson = EntityResponseParser.Parse("```json\n[{\"type\":\"dis\",\"text\":\"肺炎\"},{\"entity_type\":\"sym\",\"entity\":\"发热\"}]\n```");
        Assert.Equal([new ParsedEntity("dis", "肺炎"), new ParsedEntity("sym", "发热")], fromJson);
        var fromMap = EntityResponseParser.Parse("结果：{\"dis\": [\"肺炎\"], \"sym\": [\"发热\", \"咳嗽\"]}");
        Assert.Equal(3, fromMap.Count);
        Assert.Contains(new ParsedEntity("sym", "咳嗽"), fromMap);
        var fromLines = EntityResponseParser.Parse("疾病：肺炎\n- 症状: 发热；药物：阿莫西林");
        Assert.Equal([new ParsedEntity("疾病", "肺炎"), new ParsedEntity("症状", "发热"), new ParsedEntity("药物", "阿莫西林")], fromLines);
        Assert.Equal([new ParsedEntity("term", "肺炎"), new ParsedEntity("term", "哮喘")], EntityResponseParser.Parse("[\"肺炎\", \"哮喘\"]", "term"));
    }

    [Fact]
    public void The_items_own_answer_rendering_scores_one()
    {
        var item = CalibrationFixtures.Extraction() with { Answer = "sym：发热；sym：咳嗽；dis：肺炎；dru：阿莫西林；pro：胸部CT" };
        Assert.Equal(1.0, AnswerScoring.Extraction(item, item.Answer!).F1);
    }
}
