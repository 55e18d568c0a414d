using CurationPipeline.Deidentification;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>
/// Real Chinese medical text without patients' data (the vendored public samples): what the de-identifier removes
/// there is a false positive, apart from the dates and links that Safe Harbor removes in any text and the names of
/// hospitals named by their place, which are removed by design (they tell where a patient was treated).
/// </summary>
public sealed class RealTextTests
{
    private static readonly Deidentifier Deid = new(new DeidOptions { Mode = DeidMode.Mask });

    [Fact]
    public void Cmdd_dialogues_are_read_turn_by_turn_and_keep_their_words()
    {
        var texts = RealText.Cmdd(TestData.Sample("cmdd")).ToList();
        Assert.Equal(150, texts.Count);
        Assert.All(texts, t => Assert.Matches(@"^(患者|医生)：", t));

        var report = FalsePositiveReport.Measure(Deid, texts);
        Assert.True(report.Characters > 80_000, $"{report.Characters} characters");
        Assert.True(report.RemovedPer10000(PhiCategory.Date, PhiCategory.Organization) <= 1.0, string.Join("\n", report.Detections.Select(d => d.Context)));
        Assert.All(report.Detections.Where(d => d.Category == PhiCategory.Organization), d => Assert.EndsWith("医院", d.Value, StringComparison.Ordinal));
        // Thanks to a doctor is no name: the words between 谢谢 and 医生 are verbs and particles.
        Assert.DoesNotContain(report.Detections, d => d.Context.Contains("谢谢你", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_dialogue_samples_lose_at_most_one_character_in_ten_thousand()
    {
        var toyhom = FalsePositiveReport.Measure(Deid, RealText.Toyhom(TestData.Sample("toyhom-med-dialogue/IM_neike_sample.csv")));
        var cmtmedqa = FalsePositiveReport.Measure(Deid, RealText.CmtMedQa(TestData.Sample("cmtmedqa/CMtMedQA_test.sample.json")));
        Assert.Equal(555, toyhom.Texts);
        Assert.Equal(671, cmtmedqa.Texts);
        foreach (var report in new[] { toyhom, cmtmedqa })
        {
            Assert.All(report.Detections.Where(d => d.Category == PhiCategory.Organization), d => Assert.EndsWith("医院", d.Value, StringComparison.Ordinal));
            Assert.True(report.RemovedPer10000(PhiCategory.Date, PhiCategory.Url, PhiCategory.Organization) <= 1.0,
                string.Join("\n", report.Detections.Select(d => $"{d.Category} {d.Context}")));
        }
    }
}
