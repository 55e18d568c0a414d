namespace CurationPipeline.Paradigms.Maturity;

/// <summary>What each MDT perspective recommends for one cancer at one stage group, and the guideline excerpt it rests on.</summary>
public sealed record MdtPlan(string Guideline, string Surgery, string MedicalOncology, string Radiotherapy);

/// <summary>
/// The guideline table of the MDT scenario: per cancer (lung, breast, colorectal, gastric) and stage group (early,
/// locally_advanced, metastatic) the excerpt given to the model and the surgical, medical-oncology and radiotherapy
/// recommendation; the biomarker adds its targeted or immune therapy to the medical-oncology line.
/// </summary>
public static class MdtGuidance
{
    public static readonly IReadOnlyList<string> Cancers = ["lung", "breast", "colorectal", "gastric"];

    public static readonly IReadOnlyList<string> StageGroups = ["early", "locally_advanced", "metastatic"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Biomarkers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["lung"] = ["EGFR突变", "ALK融合", "驱动基因阴性"],
        ["breast"] = ["HER2阳性", "激素受体阳性HER2阴性", "三阴性"],
        ["colorectal"] = ["RAS野生型", "MSI-H", "RAS突变"],
        ["gastric"] = ["HER2阳性", "HER2阴性"],
    };

    private static readonly Dictionary<(string, string), MdtPlan> Plans = new()
    {
        [("lung", "early")] = new("I-II期非小细胞肺癌首选解剖性肺叶切除加系统性淋巴结清扫；II期术后推荐含铂双药辅助化疗；EGFR敏感突变者术后可用奥希替尼辅助治疗；不能耐受手术者行立体定向放疗（SBRT）。",
            "评估心肺功能后行解剖性肺叶切除加系统性淋巴结清扫", "II期术后含铂双药辅助化疗", "可耐受手术者术后不常规放疗，不能耐受手术者行SBRT"),
        [("lung", "locally_advanced")] = new("不可切除III期非小细胞肺癌推荐根治性同步放化疗，之后度伐利尤单抗巩固治疗；可切除者经MDT评估可行新辅助治疗后手术。",
            "经MDT评估可切除性，不可切除者不行根治手术", "同步含铂化疗，放化疗后度伐利尤单抗巩固治疗", "根治性胸部放疗与化疗同步进行"),
        [("lung", "metastatic")] = new("IV期非小细胞肺癌以系统治疗为主：驱动基因阳性者首选相应靶向药物，驱动基因阴性者含铂化疗联合免疫治疗；症状性骨或脑转移可行姑息放疗。",
            "不推荐根治性手术，必要时姑息性处理", "以系统治疗为主", "针对症状性骨转移或脑转移行姑息放疗"),
        [("breast", "early")] = new("早期乳腺癌可行保乳手术或乳房切除加前哨淋巴结活检；保乳术后须行全乳放疗；依分子分型给予辅助治疗。",
            "保乳手术或乳房切除，加前哨淋巴结活检", "依分子分型给予辅助治疗", "保乳术后行全乳放疗"),
        [("breast", "locally_advanced")] = new("局部晚期乳腺癌推荐新辅助系统治疗后手术，术后行区域放疗；依分子分型选择方案。",
            "新辅助治疗后行乳房切除加腋窝淋巴结清扫", "先行新辅助系统治疗", "术后行胸壁及区域淋巴结放疗"),
        [("breast", "metastatic")] = new("晚期乳腺癌以系统治疗为主，依分子分型选择方案；骨转移者加用骨改良药物，症状性转移灶可行姑息放疗。",
            "原则上不行原发灶手术", "以系统治疗为主，骨转移加用骨改良药物", "症状性转移灶行姑息放疗"),
        [("colorectal", "early")] = new("I-II期结肠癌行根治性切除加区域淋巴结清扫；高危II期可考虑辅助化疗；直肠癌行全直肠系膜切除（TME）。",
            "根治性切除加区域淋巴结清扫（直肠癌行TME）", "高危II期考虑辅助化疗，低危者随访", "早期结肠癌不常规放疗"),
        [("colorectal", "locally_advanced")] = new("III期结肠癌根治术后行CAPOX或FOLFOX辅助化疗；局部进展期直肠癌推荐新辅助放化疗后行TME。",
            "根治性切除（直肠癌新辅助治疗后行TME）", "术后CAPOX或FOLFOX辅助化疗", "直肠癌行新辅助同步放化疗"),
        [("colorectal", "metastatic")] = new("转移性结直肠癌以系统治疗为主，依RAS及MSI状态选择靶向或免疫治疗；潜在可切除的肝转移经MDT评估后转化切除。",
            "评估肝转移灶可切除性，潜在可切除者转化治疗后手术", "以系统化疗为主", "寡转移或症状性病灶可行局部放疗"),
        [("gastric", "early")] = new("早期胃癌符合适应证者可行内镜黏膜下剥离术（ESD），否则行胃切除加D2淋巴结清扫；术后病理分期II期及以上行辅助化疗。",
            "符合适应证行ESD，否则胃切除加D2淋巴结清扫", "依术后病理分期决定辅助化疗", "不常规放疗"),
        [("gastric", "locally_advanced")] = new("局部进展期胃癌推荐围手术期化疗（SOX或FLOT）联合D2根治术。",
            "D2根治性胃切除术", "围手术期SOX或FLOT化疗", "不常规放疗，切缘阳性者可考虑术后放疗"),
        [("gastric", "metastatic")] = new("晚期胃癌以系统治疗为主：HER2阳性者化疗联合曲妥珠单抗；HER2阴性者化疗联合纳武利尤单抗；出血或梗阻可行姑息处理。",
            "不推荐根治性手术，出血或梗阻时姑息处理", "以系统治疗为主", "出血或疼痛时行姑息放疗"),
    };

    private static readonly Dictionary<string, string> Targeted = new(StringComparer.Ordinal)
    {
        ["EGFR突变"] = "EGFR突变者使用奥希替尼",
        ["ALK融合"] = "ALK融合者使用阿来替尼",
        ["驱动基因阴性"] = "驱动基因阴性者含铂化疗联合PD-1抑制剂",
        ["HER2阳性"] = "HER2阳性者联合曲妥珠单抗（乳腺癌加帕妥珠单抗）",
        ["激素受体阳性HER2阴性"] = "激素受体阳性HER2阴性者内分泌治疗（晚期联合CDK4/6抑制剂）",
        ["三阴性"] = "三阴性者含紫杉类化疗，可联合帕博利珠单抗",
        ["RAS野生型"] = "RAS野生型者化疗联合西妥昔单抗",
        ["MSI-H"] = "MSI-H者使用PD-1抑制剂免疫治疗",
        ["RAS突变"] = "RAS突变者化疗联合贝伐珠单抗",
        ["HER2阴性"] = "HER2阴性者化疗联合纳武利尤单抗",
    };

    public static MdtPlan Plan(string cancer, string stageGroup) =>
        Plans.TryGetValue((cancer, stageGroup), out var plan)
            ? plan
            : throw new ArgumentException($"no guideline for cancer '{cancer}' at stage group '{stageGroup}' (cancers: {string.Join(", ", Cancers)}; stage groups: {string.Join(", ", StageGroups)})");

    /// <summary>The biomarker's addition to the medical-oncology line: breast cancer at every stage, the others when metastatic, early lung cancer with an EGFR mutation.</summary>
    public static string? BiomarkerTherapy(string cancer, string stageGroup, string biomarker)
    {
        if (!Targeted.TryGetValue(biomarker, out var line))
        {
            throw new ArgumentException($"biomarker '{biomarker}' is not one of {string.Join(", ", Targeted.Keys)}");
        }

        return (cancer, stageGroup) switch
        {
            ("lung", "early") => biomarker == "EGFR突变" ? "EGFR突变者术后奥希替尼辅助治疗" : null,
            ("breast", _) or (_, "metastatic") => line,
            _ => null,
        };
    }
}
