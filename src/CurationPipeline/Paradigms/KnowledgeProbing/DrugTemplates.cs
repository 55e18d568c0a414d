using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>P1 templates over a drug row (a drug label): contraindications, doses, interactions, adverse reactions, indications.</summary>
internal static class DrugTemplates
{
    private const string NoInteraction = "暂无重要相互作用";

    public static ChoiceDraft Contraindication(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var correct = DiseaseTemplates.PickSpecific(rng, m.Contraindications, kb.CommonContraindications, "contraindications");

        // Indications first: taking a use for a contraindication is the classic slip.
        var others = m.Indications.Concat(kb.Drugs.Where(o => o.Name != m.Name).SelectMany(o => o.Contraindications)
            .Where(c => !kb.CommonContraindications.Contains(c)));
        return new ChoiceDraft("drug-contraindication", $"根据药品说明书，下列哪种情况禁用{m.Name}？", correct,
            DistractorPicker.Pick(rng, others, correct, m.Contraindications, "conditions"),
            $"{m.Name}的禁忌证包括{DiseaseTemplates.Join(m.Contraindications)}。{m.Text}", m.Contraindications);
    }

    public static ChoiceDraft MaxDose(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        if (!NumericVariants.HasNumber(m.MaxDailyDose))
        {
            throw new RecordRejectedException($"the maximum daily dose of {m.Name} is not a number", "max_daily_dose");
        }

        return new ChoiceDraft("drug-max-dose", $"{m.Name}成人每日最大剂量为多少？", m.MaxDailyDose,
            DistractorPicker.Pick(rng, NumericVariants.Of(m.MaxDailyDose, m.DailyRange, "daily_range"), m.MaxDailyDose, [], "dose variants"),
            $"{m.Name}成人每日最大剂量为{m.MaxDailyDose}，常用剂量为{m.AdultDose}。{m.Text}", []);
    }

    public static ChoiceDraft AdultDose(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        if (!NumericVariants.HasNumber(m.AdultDose))
        {
            throw new RecordRejectedException($"the adult dose of {m.Name} has no number to ask about", "adult_dose");
        }

        return new ChoiceDraft("drug-adult-dose", $"{m.Name}的成人常用用法用量是？", m.AdultDose,
            DistractorPicker.Pick(rng, NumericVariants.Of(m.AdultDose, m.DoseRange, "dose_range", firstOnly: true), m.AdultDose, [], "dose variants"),
            $"{m.Name}的成人常用用法用量为{m.AdultDose}，每日最大剂量{m.MaxDailyDose}。{m.Text}", []);
    }

    public static ChoiceDraft Interaction(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var interactions = m.Interactions.Where(i => i != NoInteraction).ToList();
        if (interactions.Count == 0)
        {
            throw new RecordRejectedException($"the table lists no interaction for {m.Name}", "interactions");
        }

        var correct = rng.Pick(interactions);

        // Drugs whose own label names this one also interact: never distractors.
        var alsoTrue = interactions.Concat(kb.Drugs.Where(o => o.Interactions.Contains(m.Name)).Select(o => o.Name)).Append(m.Name).ToList();
        var others = kb.Drugs.Where(o => o.Name != m.Name).Select(o => o.Name);
        return new ChoiceDraft("drug-interaction", $"与{m.Name}合用时，下列哪种药物需要特别警惕相互作用？", correct,
            DistractorPicker.Pick(rng, others, correct, alsoTrue, "drugs"),
            $"{m.Name}与{DiseaseTemplates.Join(interactions)}存在需要注意的相互作用。{m.Text}", alsoTrue);
    }

    public static ChoiceDraft AdverseReaction(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var correct = DiseaseTemplates.PickSpecific(rng, m.AdverseReactions, kb.CommonAdverseReactions, "adverse_reactions");
        var others = kb.Drugs.Where(o => o.DrugClass != m.DrugClass).SelectMany(o => o.AdverseReactions)
            .Where(a => !kb.CommonAdverseReactions.Contains(a));
        return new ChoiceDraft("drug-adverse-reaction", $"下列哪一项是{m.Name}的不良反应？", correct,
            DistractorPicker.Pick(rng, others, correct, m.AdverseReactions, "adverse reactions"),
            $"{m.Name}的主要不良反应包括{DiseaseTemplates.Join(m.AdverseReactions)}。{m.Text}", m.AdverseReactions);
    }

    public static ChoiceDraft Indication(DrugEntry m, KnowledgeBase kb, Random rng)
    {
        var correct = DiseaseTemplates.PickSpecific(rng, m.Indications, kb.CommonIndications, "indications");
        var firstLineFor = kb.Diseases.Where(d => d.Drugs.Contains(m.Name)).Select(d => d.Name);
        var alsoTrue = m.Indications.Concat(firstLineFor).ToList();
        var others = kb.Drugs.Where(o => o.DrugClass != m.DrugClass).SelectMany(o => o.Indications)
            .Where(i => !kb.CommonIndications.Contains(i));
        return new ChoiceDraft("drug-indication", $"{m.Name}主要用于治疗下列哪种疾病或情况？", correct,
            DistractorPicker.Pick(rng, others, correct, alsoTrue, "indications"),
            $"{m.Name}（{m.DrugClass}）的适应证包括{DiseaseTemplates.Join(m.Indications)}。{m.Text}", alsoTrue);
    }
}
