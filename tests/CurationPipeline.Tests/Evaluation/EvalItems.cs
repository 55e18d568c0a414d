using CurationPipeline.Items;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>Small items of each kind for the evaluator tests.</summary>
internal static class EvalItems
{
    private static readonly string[] Drugs = ["阿莫西林", "布洛芬", "二甲双胍", "氨氯地平", "奥美拉唑", "阿司匹林", "氯雷他定", "头孢克肟", "辛伐他汀", "沙丁胺醇"];

    /// <summary>Multiple-choice items with five distinct options; the answers spread over A-E.</summary>
    public static IReadOnlyList<BenchmarkItem> Choice(int count, string dataset = "MAExam", string dimension = "MedKQA") =>
        [.. Enumerable.Range(0, count).Select(i => Item($"mc-{dataset}-{i:000}", dataset, dimension, ScoringMethod.Accuracy) with
        {
            Question = $"第{i}题：下列哪种药物属于题干所述类别（{i}）？",
            Options = [.. Enumerable.Range(0, 5).Select(k => $"{Drugs[(i + k) % Drugs.Length]}-{i}-{k}")],
            Answer = AnswerLetters.Letter(i % 5).ToString(),
            Difficulty = new DifficultyLabel(DifficultyState.Labelled, (Difficulty)(i % 3), 4, null, 5, "consensus"),
            Departments = [i % 2 == 0 ? "Cardiology" : "Neurology"],
        })];

    /// <summary>The text of an item's right option.</summary>
    public static string RightOption(BenchmarkItem item) => item.Options[AnswerLetters.Index(item.Answer![0])];

    public static BenchmarkItem Extraction(string id, params (string Type, string Text)[] gold) =>
        Item(id, "MAEESymp", "MedRU", ScoringMethod.MicroF1) with
        {
            Question = "请抽取症状实体。",
            Context = "患者" + string.Concat(gold.Select(g => g.Text)) + "三天。",
            Entities = [.. gold.Select(g => new GoldEntity(g.Type, g.Text))],
        };

    public static BenchmarkItem OpenEnded(string id) =>
        Item(id, "MAEthic", "MedSE", ScoringMethod.Judge) with
        {
            Question = "患者要求医生隐瞒诊断，医生应如何处理？",
            Answer = "尊重患者知情权与自主权，沟通并依法保护隐私。",
            Rubric = [new RubricCriterion("合规", 0.5, "遵守法律法规"), new RubricCriterion("风险意识", 0.5, "识别伦理风险")],
        };

    public static BenchmarkItem Item(string id, string dataset, string dimension, ScoringMethod scoring) => TestItems.Of(scoring, id, dataset) with
    {
        PrimaryDimension = dimension is "MedKQA" or "MedSE" or "MedRU" ? "FundCap" : "SceneCap",
        SecondaryDimension = dimension,
    };
}
