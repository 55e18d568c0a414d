using System.Globalization;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>P1 templates over a lab test row and over a lab report with its findings.</summary>
internal static class LabTemplates
{
    /// <summary>What a value above (or below) the range of a test indicates.</summary>
    public static ChoiceDraft Meaning(LabTestEntry t, KnowledgeBase kb, Random rng, bool high, bool withValue)
    {
        if (!high && !t.HasLowMeaning)
        {
            throw new RecordRejectedException($"the table gives no meaning for a low {t.Name}", "low_meaning");
        }

        var correct = high ? t.HighMeaning : t.LowMeaning;
        var direction = high ? "高于" : "低于";
        var stem = withValue
            ? $"某成年患者{t.Name}检测结果为{Value(t, high, rng)} {t.Unit}（参考范围{t.Range} {t.Unit}），对该结果最恰当的解读是？"
            : $"{t.Name}明显{direction}参考范围时，最常提示下列哪种情况？";
        return new ChoiceDraft(withValue ? "lab-value-meaning" : "lab-meaning", stem, correct,
            DistractorPicker.Pick(rng, Meanings(kb, t, high), correct, [correct], "meanings of other tests"),
            $"{t.Name}参考范围{t.Range} {t.Unit}（{t.Specimen}）；{direction}参考范围提示{correct}。{t.Text}", [correct]);
    }

    public static ChoiceDraft Range(LabTestEntry t, KnowledgeBase kb, Random rng)
    {
        var correct = $"{t.Range} {t.Unit}";
        return new ChoiceDraft("lab-range", $"成人{t.Name}（{t.Specimen}）的参考范围通常是？", correct,
            DistractorPicker.Pick(rng, NumericVariants.Of(correct, t.ClinicalRange, "clinical_low", firstOnly: true), correct, [], "range variants"),
            $"{t.Name}的参考范围为{correct}。{t.Text}", []);
    }

    /// <summary>MAReport over a real report: an abnormal finding and what it indicates; the report is the context.</summary>
    public static ChoiceDraft ReportFinding(SourceRecord report, KnowledgeBase kb, Random rng)
    {
        var text = RecordFields.RequiredText(report);
        var findings = RecordFields.ObjectArray(report, "findings")
            .Select(f => (Test: f.GetValueOrDefault("test") ?? "", Value: f.GetValueOrDefault("value") ?? "", Flag: (f.GetValueOrDefault("flag") ?? "").ToUpperInvariant()))
            .ToList();
        var abnormal = findings.Where(f => f.Flag is "H" or "L" && kb.LabTestByName.TryGetValue(f.Test, out var t) && (f.Flag == "H" || t.HasLowMeaning))
            .ToList();
        if (abnormal.Count == 0)
        {
            throw new RecordRejectedException("the report has no abnormal finding of a known test", "findings");
        }

        var finding = rng.Pick(abnormal);
        var test = kb.LabTestByName[finding.Test];
        var high = finding.Flag == "H";
        var correct = high ? test.HighMeaning : test.LowMeaning;

        // Meanings of the other abnormal findings are true of this report too.
        var alsoTrue = abnormal.Select(f => f.Flag == "H" ? kb.LabTestByName[f.Test].HighMeaning : kb.LabTestByName[f.Test].LowMeaning).ToList();
        var stem = $"根据上述检验报告，{test.Name}结果为{finding.Value} {test.Unit}（{(high ? "偏高" : "偏低")}），最可能提示下列哪种情况？";
        return new ChoiceDraft("report-finding", stem, correct,
            DistractorPicker.Pick(rng, Meanings(kb, test, high), correct, alsoTrue, "meanings of other tests"),
            $"{test.Name}参考范围{test.Range} {test.Unit}，{(high ? "升高" : "降低")}提示{correct}。{test.Text}", alsoTrue, Context: text);
    }

    private static IEnumerable<string> Meanings(KnowledgeBase kb, LabTestEntry t, bool high) =>
        kb.LabTests.Where(o => o.Name != t.Name).SelectMany(o => new[] { o.HighMeaning, o.LowMeaning })
            .Append(high ? t.LowMeaning : t.HighMeaning)
            .Where(m => m != KnowledgeBase.NoClinicalMeaning);

    private static string Value(LabTestEntry t, bool high, Random rng)
    {
        var span = t.High - t.Low;
        var value = high ? t.High + span * (0.3 + rng.NextDouble()) : t.Low * (0.5 + rng.NextDouble() * 0.3);
        var decimals = new[] { t.Low, t.High }.Max(v => KnowledgeBase.FormatNumber(v).Split('.') is [_, var frac] ? frac.Length : 0);
        return Math.Round(value, Math.Max(decimals, value < 10 ? 1 : 0)).ToString(CultureInfo.InvariantCulture);
    }
}
