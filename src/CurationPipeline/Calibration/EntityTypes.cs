namespace CurationPipeline.Calibration;

/// <summary>
/// Entity type names as models write them, mapped to the codes the gold uses: CMeEE's Chinese type names
/// ("疾病") to its codes ("dis"), English names to the same codes, everything lower case.
/// </summary>
public static class EntityTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["疾病"] = "dis", ["disease"] = "dis", ["diseases"] = "dis",
        ["症状"] = "sym", ["临床表现"] = "sym", ["symptom"] = "sym",
        ["医疗程序"] = "pro", ["procedure"] = "pro", ["operation"] = "pro", ["手术"] = "pro",
        ["医疗设备"] = "equ", ["equipment"] = "equ",
        ["药物"] = "dru", ["drug"] = "dru", ["drugs"] = "dru", ["medication"] = "dru",
        ["医学检验项目"] = "ite", ["lab_tests"] = "ite", ["lab_test"] = "ite", ["检验项目"] = "ite", ["检查项目"] = "ite",
        ["身体"] = "bod", ["身体部位"] = "bod", ["body"] = "bod",
        ["科室"] = "dep", ["department"] = "dep",
        ["微生物类"] = "mic", ["微生物"] = "mic", ["microorganism"] = "mic",
    };

    /// <summary>The normalised type: a known alias's code, otherwise the name trimmed and lower case.</summary>
    public static string Normalize(string type)
    {
        var t = type.Trim();
        // "疾病(dis)": the code in brackets decides.
        var open = t.IndexOfAny(['(', '（']);
        if (open > 0 && t[^1] is ')' or '）')
        {
            t = t[(open + 1)..^1].Trim();
        }

        t = t.Trim('[', ']', '【', '】');
        return Aliases.TryGetValue(t, out var code) ? code : t.ToLowerInvariant();
    }
}
