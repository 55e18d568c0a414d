using CurationPipeline.Deidentification;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Deidentification;

public sealed class GateTests
{
    private static BenchmarkItem Item(string question, string? context, IReadOnlyList<GoldEntity>? entities = null) => new()
    {
        Id = "i1",
        Dataset = "MAEESymp",
        PrimaryDimension = "FundCap",
        SecondaryDimension = "MedRU",
        TertiaryTask = "Info. Extraction",
        Paradigm = Paradigm.P3,
        SourceKind = SourceKind.Proprietary,
        QuestionType = QuestionType.OpenEnded,
        Scoring = ScoringMethod.MicroF1,
        Question = question,
        Context = context,
        Options = ["患者张三的诊断为肺炎", "支气管炎"],
        Answer = "张三：肺炎",
        Explanation = "2023年3月5日胸片提示肺炎",
        Entities = entities ?? [],
        Provenance = new Provenance("src.jsonl", "rec-7", "offline", "algorithmic", null, "0.1.0"),
    };

    [Fact]
    public void Redacts_every_field_flags_the_item_and_keeps_entity_spans_valid()
    {
        const string context = "患者张三，男，92岁，于2023年3月5日因发热咳嗽入院，诊断肺炎。";
        var fever = context.IndexOf("发热", StringComparison.Ordinal);
        var pneumonia = context.IndexOf("肺炎", StringComparison.Ordinal);
        var name = context.IndexOf("张三", StringComparison.Ordinal);
        var item = Item("请抽取张三病历中的症状。", context,
        [
            new GoldEntity("symptom", "发热", fever, fever + 2),
            new GoldEntity("disease", "肺炎", pneumonia, pneumonia + 2),
            new GoldEntity("person", "张三", name, name + 2),
            new GoldEntity("normalised", "肺炎"),
        ]);

        var deid = new Deidentifier(new DeidOptions());
        var result = deid.Gate(item);

        Assert.True(result.Found >= 6);
        var gated = result.Item;
        Assert.Contains("phi-redacted", gated.Flags);
        var all = string.Join("|", new[] { gated.Question, gated.Context!, gated.Answer!, gated.Explanation! }.Concat(gated.Options));
        Assert.DoesNotContain("张三", all);
        Assert.DoesNotContain("2023年3月5日", all);
        Assert.DoesNotContain("92岁", all);
        foreach (var e in gated.Entities.Where(e => e.Start is not null))
        {
            Assert.Equal(e.Text, gated.Context![e.Start!.Value..e.End!.Value]);
        }

        Assert.Equal(["发热", "肺炎"], gated.Entities.Take(2).Select(e => e.Text));
        Assert.NotEqual("张三", gated.Entities[2].Text);
        Assert.Equal("肺炎", gated.Entities[3].Text);
        // The surrogate is the same in the question, the context and the answer (one patient key).
        var surrogate = gated.Entities[2].Text;
        Assert.Contains(surrogate, gated.Question);
        Assert.StartsWith(surrogate, gated.Answer!);
    }

    [Theory]
    [InlineData(DeidMode.Mask)]
    [InlineData(DeidMode.Surrogate)]
    public void A_P3_answer_follows_the_spans_the_gate_moves(DeidMode mode)
    {
        // A name and a date before the spans: masking (or a date of another length) moves every span after them.
        const string context = "患者张三，2023年3月5日因发热、咳嗽入院。";
        var fever = context.IndexOf("发热", StringComparison.Ordinal);
        var cough = context.IndexOf("咳嗽", StringComparison.Ordinal);
        var item = Item("请抽取症状。", context, [new GoldEntity("symptom", "发热", fever, fever + 2), new GoldEntity("symptom", "咳嗽", cough, cough + 2)])
            with { Options = [], Explanation = null };
        Assert.Equal($"发热 [{fever},{fever + 2})；咳嗽 [{cough},{cough + 2})", item.Answer);

        var gated = new Deidentifier(new DeidOptions { Mode = mode }).Gate(item).Item;

        Assert.Contains("phi-redacted", gated.Flags);
        Assert.DoesNotContain("张三", gated.Context!);
        Assert.All(gated.Entities, e => Assert.Equal(e.Text, gated.Context![e.Start!.Value..e.End!.Value]));
        Assert.Equal(["发热", "咳嗽"], gated.Entities.Select(e => e.Text));
        Assert.Equal(ExtractionAnswer.Render(gated.Entities), gated.Answer);
        Assert.Equal($"发热 [{gated.Entities[0].Start},{gated.Entities[0].End})；咳嗽 [{gated.Entities[1].Start},{gated.Entities[1].End})", gated.Answer);
        if (mode == DeidMode.Mask)
        {
            Assert.NotEqual(fever, gated.Entities[0].Start); // the spans did move
        }

        // The Parquet row carries the rendering of the moved entities, and reading it back gives the same.
        var row = ItemRow.From(gated);
        Assert.Equal(gated.Answer, row.Answer);
        Assert.Equal(gated.Answer, row.ToItem().Answer);
    }

    [Fact]
    public void Leaves_an_item_without_personal_data_untouched()
    {
        var item = Item("肺炎的常见症状是什么？", "发热、咳嗽、咳痰。") with { Options = ["发热", "腹泻"], Answer = "A", Explanation = "肺炎常见发热" };
        var result = new Deidentifier(new DeidOptions()).Gate(item);
        Assert.Equal(0, result.Found);
        Assert.Same(item, result.Item);
        Assert.DoesNotContain("phi-redacted", result.Item.Flags);
    }

    [Fact]
    public void Mask_mode_gate_also_keeps_spans_valid()
    {
        const string context = "Patient John Smith, seen 03/05/2023, has a cough and fever.";
        var cough = context.IndexOf("cough", StringComparison.Ordinal);
        var item = Item("List the symptoms.", context, [new GoldEntity("symptom", "cough", cough, cough + 5)]) with { Options = [], Answer = null, Explanation = null };
        var gated = new Deidentifier(new DeidOptions { Mode = DeidMode.Mask }).Gate(item).Item;
        Assert.Equal("Patient [NAME], seen [DATE], has a cough and fever.", gated.Context);
        var e = gated.Entities[0];
        Assert.Equal("cough", gated.Context![e.Start!.Value..e.End!.Value]);
    }
}
