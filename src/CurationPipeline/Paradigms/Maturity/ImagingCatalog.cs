using System.Globalization;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>One imaging finding as a radiologist writes it: the findings sentence, the CT impression and the ultrasound wording.</summary>
/// <param name="Kind">Its code, e.g. <c>kidney_cyst</c>.</param>
/// <param name="Region">chest or abdomen.</param>
/// <param name="Sided">Whether it has a side (左/右).</param>
/// <param name="Sized">Whether it has a size in mm.</param>
public sealed record ImagingFinding(string Kind, string Region, bool Sided, bool Sized, string Finding, string Impression, string? Ultrasound)
{
    /// <summary>The findings sentence for a side and size.</summary>
    public string FindingText(string side, int size, string lobe) => Fill(Finding, side, size, lobe);

    /// <summary>The impression (conclusion) for a side and size.</summary>
    public string ImpressionText(string side, int size, string lobe) => Fill(Impression, side, size, lobe);

    /// <summary>The ultrasound conclusion's wording, when ultrasound sees it.</summary>
    public string? UltrasoundText(string side) => Ultrasound is null ? null : Fill(Ultrasound, side, 0, "");

    private static string Fill(string template, string side, int size, string lobe) =>
        template.Replace("{side}", side, StringComparison.Ordinal).Replace("{lobe}", lobe, StringComparison.Ordinal)
            .Replace("{size}", size.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>
/// The imaging vocabulary the RRG, UDC and DEC scenarios share: findings with their impressions, normal statements, and
/// the edits that make an ultrasound and a radiology conclusion disagree (laterality, organ, finding, negation).
/// </summary>
public static class ImagingCatalog
{
    public static IReadOnlyList<ImagingFinding> Findings { get; } =
    [
        new("lung_nodule", "chest", true, true, "{side}肺{lobe}见一实性结节，大小约{size}mm，边界清楚。", "{side}肺{lobe}实性结节（约{size}mm），建议6-12个月复查", null),
        new("pleural_effusion", "chest", true, false, "{side}侧胸腔内见弧形液性密度影。", "{side}侧胸腔积液", "{side}侧胸腔积液"),
        new("liver_cyst", "abdomen", false, true, "肝右叶见一类圆形低密度影，大小约{size}mm，边界清楚，增强扫描未见强化。", "肝囊肿（约{size}mm）", "肝内无回声区，考虑肝囊肿"),
        new("fatty_liver", "abdomen", false, false, "肝实质密度弥漫性减低，低于脾脏密度。", "脂肪肝", "肝脏回声弥漫性增强，考虑脂肪肝"),
        new("kidney_cyst", "abdomen", true, true, "{side}肾见一类圆形低密度影，大小约{size}mm，边界清楚。", "{side}肾囊肿（约{size}mm）", "{side}肾无回声区，考虑{side}肾囊肿"),
        new("kidney_stone", "abdomen", true, true, "{side}肾盏内见一结节状高密度影，大小约{size}mm。", "{side}肾结石（约{size}mm）", "{side}肾内强回声伴声影，考虑{side}肾结石"),
        new("gallstone", "abdomen", false, true, "胆囊腔内见一类圆形高密度影，大小约{size}mm。", "胆囊结石（约{size}mm）", "胆囊内强回声伴声影，考虑胆囊结石"),
        new("splenomegaly", "abdomen", false, false, "脾脏体积增大，超过5个肋单元。", "脾大", "脾脏体积增大"),
    ];

    /// <summary>Normal statements by region, each with a negation (未见).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Normal { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["chest"] = ["纵隔内未见肿大淋巴结。", "气管及主要支气管通畅，未见狭窄。", "心影大小未见异常。"],
        ["abdomen"] = ["胰腺形态大小未见异常。", "腹腔内未见积液。", "腹膜后未见肿大淋巴结。"],
    };

    public static ImagingFinding Find(string kind) =>
        Findings.FirstOrDefault(f => f.Kind == kind) ?? throw new ArgumentException($"unknown imaging finding '{kind}'", nameof(kind));

    /// <summary>The examination that shows findings of these regions.</summary>
    public static string Exam(IEnumerable<string> regions)
    {
        var set = regions.ToHashSet(StringComparer.Ordinal);
        return set.Count > 1 ? "胸腹部CT平扫" : set.Contains("chest") ? "胸部CT平扫" : "上腹部CT平扫";
    }

    /// <summary>Organ words an organ edit swaps (the first found is replaced).</summary>
    public static IReadOnlyList<(string From, string To)> OrganSwaps { get; } =
        [("胆囊", "胆总管"), ("肾", "输尿管"), ("脾", "肝"), ("胸腔", "腹腔"), ("肝", "脾")];

    /// <summary>Finding words a finding edit swaps.</summary>
    public static IReadOnlyList<(string From, string To)> FindingSwaps { get; } =
        [("囊肿", "结石"), ("结石", "囊肿"), ("脂肪肝", "肝硬化"), ("脾大", "脾囊肿"), ("积液", "积气")];

    /// <summary>Numbered conclusion lines: <c>1. ...</c>.</summary>
    public static string Numbered(IEnumerable<string> lines) =>
        string.Join("\n", lines.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {l}。")));

    /// <summary>The items of a numbered (or ；-separated) conclusion.</summary>
    public static IReadOnlyList<string> Items(string conclusion) =>
        [.. conclusion.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\d+[.、．]\s*", "").TrimEnd('。', '.').Trim())
            .Where(l => l.Length > 0)];
}
