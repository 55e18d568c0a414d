using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.ClinicalReasoning;

/// <summary>Judge rubrics of the three P4 tasks: key content, completeness, safety and format; weights sum to 1.</summary>
public static class ReasoningRubrics
{
    public static IReadOnlyList<RubricCriterion> For(string task) => task switch
    {
        "inspection" =>
        [
            new("检查项目准确性", 0.4, "满分：推荐的检查覆盖参考答案中的关键检查；部分得分：覆盖部分关键检查；不得分：关键检查均未提及。"),
            new("完整性与针对性", 0.25, "满分：检查组合完整且与症状、鉴别诊断相符并说明理由；部分得分：有遗漏或理由不充分；不得分：与病情无关。"),
            new("安全性与必要性", 0.2, "满分：不推荐不必要或有创风险过高的检查，关注禁忌；部分得分：有少量不必要检查；不得分：推荐明显有害或过度的检查。"),
            new("表达规范", 0.15, "满分：条理清楚、术语规范；部分得分：基本清楚但不够规范；不得分：混乱难以理解。"),
        ],
        "diagnosis" =>
        [
            new("诊断准确性", 0.45, "满分：主要诊断与参考诊断一致；部分得分：诊断方向正确但不够具体，或列为鉴别诊断之一；不得分：诊断错误。"),
            new("诊断依据与信息整合", 0.25, "满分：引用病史、查体和检查作为依据，并正确处理相互矛盾的记录；部分得分：依据不完整；不得分：无依据或采信了错误信息。"),
            new("安全性", 0.15, "满分：提示需要排除的危重情况和下一步处理，不编造信息；部分得分：提示不充分；不得分：遗漏危及生命的情况或杜撰事实。"),
            new("表达规范", 0.15, "满分：诊断名称规范、条理清楚；部分得分：基本清楚；不得分：混乱。"),
        ],
        "record" =>
        [
            new("关键内容准确性", 0.35, "满分：主诉、现病史、诊断和处理与参考病历的关键信息一致；部分得分：有个别错误或遗漏；不得分：关键信息错误。"),
            new("完整性", 0.3, "满分：主诉、现病史、既往史、查体、辅助检查、初步诊断、处理各部分齐全；部分得分：缺少一至两部分；不得分：缺少多数部分。"),
            new("真实性与安全性", 0.15, "满分：只记录对话中出现的信息，不杜撰检查结果或病史；部分得分：有少量推测性内容；不得分：编造重要信息。"),
            new("格式与书写规范", 0.2, "满分：符合门诊病历书写规范，主诉精炼（症状加时间），术语准确；部分得分：格式基本正确；不得分：不符合病历格式。"),
        ],
        _ => throw new ArgumentException($"P4 task '{task}' is unknown; use inspection, diagnosis or record"),
    };
}
