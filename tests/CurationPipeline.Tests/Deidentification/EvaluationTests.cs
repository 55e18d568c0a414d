using System.Text.Json;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>The targets of docs/deidentification.md, checked on generated gold (fixed seeds).</summary>
public sealed class EvaluationTests
{
    private static readonly PhiCategory[] Structured = [PhiCategory.IdNumber, PhiCategory.Phone, PhiCategory.Email, PhiCategory.RecordNumber, PhiCategory.Date];

    [Theory]
    [InlineData("en", PhiTemplateSet.HeldOut, 20261122)]
    [InlineData("en", PhiTemplateSet.Development, 11)]
    public void Meets_the_recall_and_precision_targets(string language, PhiTemplateSet set, int seed)
    {
        var gold = new PhiNoteSynthesizer(seed, set).Generate(400, language).ToList();
        var report = DeidEvaluation.Evaluate(new Deidentifier(new DeidOptions()), gold);

        foreach (var c in Structured)
        {
            if (report[c] is { TokenRecall: { } r })
            {
                Assert.True(r >= 0.99, $"{c} token recall {r:P1} < 99%\n{report.ToMarkdown()}");
            }
        }

        foreach (var c in new[] { PhiCategory.Name, PhiCategory.Address })
        {
            var r = report[c]!.TokenRecall!.Value;
            Assert.True(r >= 0.95, $"{c} token recall {r:P1} < 95%\n{report.ToMarkdown()}");
        }

        Assert.True(report.Overall.TokenPrecision >= 0.90, report.ToMarkdown());
        Assert.True(report.Overall.OverlapPrecision >= 0.90, report.ToMarkdown());
    }

    [Fact]
    public void Scores_exact_overlap_and_tokens_as_documented()
    {
        // Gold: the name (exact hit), the date (the detector finds only "2023年3月5日" of a longer gold span),
        // and a planted "phone" the detector cannot see; "肺炎" is not personal data.
        const string text = "患者张三于2023年3月5日上午入院，代码ABCDEFG，诊断肺炎。";
        var name = new GoldPhiSpan(PhiCategory.Name, 2, 2);
        var date = new GoldPhiSpan(PhiCategory.Date, 5, 11);
        var code = new GoldPhiSpan(PhiCategory.Phone, text.IndexOf("ABCDEFG", StringComparison.Ordinal), 7);
        var report = DeidEvaluation.Evaluate(new Deidentifier(new DeidOptions()), [new GoldNote("n", "p", text, [name, date, code])]);

        Assert.Equal(1.0, report[PhiCategory.Name]!.ExactRecall);
        Assert.Equal(0.0, report[PhiCategory.Date]!.ExactRecall);
        Assert.Equal(1.0, report[PhiCategory.Date]!.OverlapRecall);
        // Date tokens: 2023 年 3 月 5 日 上 午 -> 6 of 8 caught.
        Assert.Equal(6.0 / 8, report[PhiCategory.Date]!.TokenRecall!.Value, 3);
        Assert.Equal(0.0, report[PhiCategory.Phone]!.OverlapRecall);
        Assert.Equal(1.0, report.Overall.TokenPrecision);
        Assert.Equal(3, report.Overall.GoldSpans);
    }

    [Fact]
    public void Report_renders_as_markdown_and_json()
    {
        var gold = new PhiNoteSynthesizer(1).Generate(20, "en").ToList();
        var report = DeidEvaluation.Evaluate(new Deidentifier(new DeidOptions()), gold);
        var md = report.ToMarkdown();
        Assert.StartsWith("| category |", md);
        Assert.Contains("| Name |", md);
        Assert.Contains("| all |", md);
        using var doc = JsonDocument.Parse(report.ToJson());
        Assert.Equal(20, doc.RootElement.GetProperty("notes").GetInt32());
        Assert.True(doc.RootElement.GetProperty("categories").GetArrayLength() >= 8);
        Assert.True(doc.RootElement.GetProperty("overall").GetProperty("token_recall").GetDouble() > 0.9);
    }
}
