using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// MAHalt templates: a false premise to be corrected, a fabricated entity to be doubted, and facts misattributed
/// from other rows. The correct option is always the one that does not go along with the hallucination.
/// </summary>
internal static class HallucinationTemplates
{
    public const string FalsePremise = "false_premise";
    public const string FabricatedEntity = "fabricated_entity";
    public const string Misattribution = "misattribution";

    public static ChoiceDraft DiseaseFalsePremise(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var indicated = kb.Drugs.Where(m => m.Indications.Contains(d.Name)).Select(m => m.Name).Concat(d.Drugs).ToHashSet(StringComparer.Ordinal);
        var wrong = rng.Pick(kb.Drugs.Where(m => !indicated.Contains(m.Name) && m.Department != d.Department).ToList());
        var treatment = d.Drugs.Count > 0 ? $"一线治疗药物是{DiseaseTemplates.Join(d.Drugs)}等" : "目前没有特效药物，应由医生评估处理";
        var correct = $"这一前提不成立：{wrong.Name}不是{d.Name}的一线治疗药物，{d.Name}{treatment}";
        var distractors = new[]
        {
            $"按{wrong.Name}的常规用量{wrong.AdultDose}服用即可",
            $"可以把{wrong.Name}的剂量加倍，以便更快控制病情",
            $"先自行服用{wrong.Name}一周，无效再去就医",
            $"{wrong.Name}需长期服用，症状消失后也不能停药",
            $"{wrong.Name}与{d.Name}的其他治疗药物一起服用效果更好",
        };
        var stem = $"患者咨询：“听说{wrong.Name}是治疗{d.Name}的首选药物，我应该怎么服用？”下列回答最恰当的是？";
        return new ChoiceDraft("hallucination-disease-false-premise", stem, correct,
            DistractorPicker.Pick(rng, distractors, correct, [], "premise-accepting answers"),
            $"{d.Name}的一线治疗药物：{(d.Drugs.Count > 0 ? DiseaseTemplates.Join(d.Drugs) : "无特效药物")}；{wrong.Name}的适应证为{DiseaseTemplates.Join(wrong.Indications)}。{d.Text}",
            [], Attributes: Type(FalsePremise));
    }

    public static ChoiceDraft DiseaseMisattribution(DiseaseEntry d, KnowledgeBase kb, Random rng)
    {
        var truths = d.Symptoms.Select(s => $"{d.Name}的典型症状包括{s}")
            .Concat(d.Complications.Select(c => $"{d.Name}的常见并发症包括{c}"))
            .Concat(d.Examinations.Select(e => $"诊断{d.Name}常用的检查包括{e}")).ToList();
        var correct = rng.Pick(truths);
        var others = kb.Diseases.Where(o => o.Department != d.Department).SelectMany(o =>
            o.Symptoms.Where(s => !kb.CommonSymptoms.Contains(s) && !d.Signs.Contains(s)).Select(s => $"{d.Name}的典型症状包括{s}")
                .Concat(o.Complications.Where(c => !kb.CommonComplications.Contains(c)).Select(c => $"{d.Name}的常见并发症包括{c}"))
                .Concat(o.Examinations.Where(e => !kb.CommonExaminations.Contains(e)).Select(e => $"诊断{d.Name}常用的检查包括{e}")));
        return new ChoiceDraft("hallucination-disease-misattribution", $"关于{d.Name}，下列说法正确的是？", correct,
            DistractorPicker.Pick(rng, others, correct, truths, "misattributed statements"),
            $"{d.Name}：典型症状{DiseaseTemplates.Join(d.Symptoms)}；常见并发症{DiseaseTemplates.Join(d.Complications)}；常用检查{DiseaseTemplates.Join(d.Examinations)}。其余选项把其他疾病的特点错误地归于{d.Name}。",
            truths, Attributes: Type(Misattribution));
    }

    public static ChoiceDraft DrugFabricated(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var fake = FabricatedName(m, kb, rng)
            ?? throw new RecordRejectedException("no fabricated drug name could be formed that is absent from the tables", "name");
        var indication = rng.Pick(m.Indications);
        var correct = $"无法确认存在名为{fake}的药物，应先核实药名，不能凭推测给出用法用量";
        var doses = kb.Drugs.Where(o => o.Name != m.Name).Select(o => $"{fake}的常用剂量为{o.AdultDose}");
        var stem = $"患者咨询：“朋友推荐我用新药{fake}治疗{indication}，它的常用剂量是多少？”下列回答最恰当的是？";
        return new ChoiceDraft("hallucination-drug-fabricated", stem, correct,
            DistractorPicker.Pick(rng, doses, correct, [], "invented doses"),
            $"{fake}不在药品知识表中，是虚构的药名；治疗{indication}可选用的药物如{m.Name}（{m.DrugClass}），用法用量为{m.AdultDose}。",
            [], Attributes: Type(FabricatedEntity));
    }

    public static ChoiceDraft DrugFalsePremise(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var usedFor = kb.Diseases.Where(d => d.Drugs.Contains(m.Name)).Select(d => d.Name).Concat(m.Indications).ToHashSet(StringComparer.Ordinal);
        var wrong = rng.Pick(kb.Diseases.Where(d => !usedFor.Contains(d.Name) && d.Department != m.Department).ToList());
        var correct = $"这一前提不成立：{m.Name}的适应证是{DiseaseTemplates.Join(m.Indications)}，并不用于治疗{wrong.Name}";
        var distractors = new[]
        {
            $"可以，只要每日总量不超过{m.MaxDailyDose}即可",
            $"可以，{m.Name}需要先加倍服用三天再减量",
            $"可以，{m.Name}治疗{wrong.Name}一般需连续服用一个月",
            $"可以，但应与{m.Name}的同类药物联合使用效果更好",
            $"可以，{wrong.Name}症状缓解后即可自行停用{m.Name}",
        };
        var stem = $"患者咨询：“我得了{wrong.Name}，听说{m.Name}能治好它，我可以自己买来吃吗？”下列回答最恰当的是？";
        return new ChoiceDraft("hallucination-drug-false-premise", stem, correct,
            DistractorPicker.Pick(rng, distractors, correct, [], "premise-accepting answers"),
            $"{m.Name}（{m.DrugClass}）的适应证为{DiseaseTemplates.Join(m.Indications)}。{m.Text}", [], Attributes: Type(FalsePremise));
    }

    public static ChoiceDraft DrugMisattribution(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var truths = m.AdverseReactions.Select(a => $"{m.Name}的不良反应包括{a}")
            .Concat(m.Indications.Select(i => $"{m.Name}的适应证包括{i}"))
            .Append($"{m.Name}属于{m.DrugClass}").ToList();
        var correct = rng.Pick(truths);
        var others = kb.Drugs.Where(o => o.DrugClass != m.DrugClass).SelectMany(o =>
            o.AdverseReactions.Where(a => !kb.CommonAdverseReactions.Contains(a)).Select(a => $"{m.Name}的不良反应包括{a}")
                .Concat(o.Indications.Where(i => !kb.CommonIndications.Contains(i)).Select(i => $"{m.Name}的适应证包括{i}"))
                .Append($"{m.Name}属于{o.DrugClass}"));
        return new ChoiceDraft("hallucination-drug-misattribution", $"关于{m.Name}，下列说法正确的是？", correct,
            DistractorPicker.Pick(rng, others, correct, truths, "misattributed statements"),
            $"{m.Name}属于{m.DrugClass}，适应证为{DiseaseTemplates.Join(m.Indications)}，不良反应包括{DiseaseTemplates.Join(m.AdverseReactions)}。其余选项把其他药物的特点错误地归于{m.Name}。",
            truths, Attributes: Type(Misattribution));
    }

    /// <summary>The head of one drug's name joined to the tail of another's, kept only when no table or lexicon knows it.</summary>
    private static string? FabricatedName(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var names = kb.Drugs.Select(d => d.Name).Where(n => n.Length >= 3).ToList();
        var known = kb.KnownDrugNames;
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var head = rng.Pick(names);
            var tail = rng.Pick(names);
            if (head == tail)
            {
                continue;
            }

            var candidate = head[..2] + tail[^2..];
            if (!known.Contains(candidate) && !known.Any(k => k.Contains(candidate, StringComparison.Ordinal)) && candidate != m.Name)
            {
                return candidate;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Type(string type) =>
        new(StringComparer.Ordinal) { ["hallucination_type"] = type };
}
