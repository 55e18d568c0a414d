using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// Cloze items over a guideline or label passage: a key fact of the passage is blanked in its sentence;
/// distractors are the fact with its numbers varied, or facts of the same type from other passages that this
/// passage does not state.
/// </summary>
internal static class GuidelineCloze
{
    private static readonly char[] SentenceEnds = ['。', '；', '！', '？'];

    public static ChoiceDraft Build(GuidelineEntry g, KnowledgeBase kb, Random rng, bool safety)
    {
        var usable = g.KeyFacts.Where(f => f.Answer.Length > 0 && g.Text.Contains(f.Answer, StringComparison.Ordinal)).ToList();
        if (usable.Count == 0)
        {
            throw new RecordRejectedException("the passage has no key fact that occurs in its text", "key_facts");
        }

        var fact = rng.Pick(usable);
        var sentence = SentenceOf(g.Text, fact.Answer);
        var blanked = sentence.Replace(fact.Answer, "____", StringComparison.Ordinal);
        var candidates = fact.Type is "number" or "range" && NumericVariants.HasNumber(fact.Answer)
            ? NumericVariants.Of(fact.Answer, fact.Range, "key_facts")
            : Pool(kb, g, fact.Type);

        // Anything the passage itself states could fill the blank: not a distractor.
        var stated = candidates.Where(c => g.Text.Contains(c, StringComparison.Ordinal)).ToList();
        var source = SourceName(g.SourceType);
        var stem = safety
            ? $"以下内容摘自{source}《{g.Topic}》：“{blanked}”从用药与医疗安全角度，空白处应填入的是？"
            : $"在关于“{g.Topic}”的健康教育中有这样一段话：“{blanked}”空白处应填入的是？";
        return new ChoiceDraft(safety ? "guideline-safety-cloze" : "guideline-education-cloze", stem, fact.Answer,
            DistractorPicker.Pick(rng, candidates, fact.Answer, stated, "fillers"),
            $"原文：{sentence}", stated,
            Attributes: new Dictionary<string, string>(StringComparer.Ordinal) { ["source_type"] = g.SourceType, ["fact_type"] = fact.Type });
    }

    private static List<string> Pool(KnowledgeBase kb, GuidelineEntry g, string type)
    {
        var pool = kb.Guidelines.Where(o => o.Id != g.Id).SelectMany(o => o.KeyFacts).Where(f => f.Type == type).Select(f => f.Answer);
        if (type == "drug")
        {
            pool = pool.Concat(kb.Drugs.Select(d => d.Name));
        }

        return [.. pool];
    }

    private static string SentenceOf(string text, string answer)
    {
        var at = text.IndexOf(answer, StringComparison.Ordinal);
        var start = text.LastIndexOfAny(SentenceEnds, Math.Max(at - 1, 0)) + 1;
        var end = text.IndexOfAny(SentenceEnds, at + answer.Length);
        return text[start..(end < 0 ? text.Length : end + 1)].Trim();
    }

    private static string SourceName(string sourceType) => sourceType switch
    {
        "drug_label" => "药品说明书",
        "textbook" => "医学教材",
        _ => "诊疗指南",
    };
}
