namespace CurationPipeline.Reference;

/// <summary>A row of raw/knowledge/diseases.csv.</summary>
public sealed record DiseaseEntry(
    string Id,
    string Name,
    string Department,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> Signs,
    IReadOnlyList<string> Examinations,
    IReadOnlyList<string> FirstLineDrugs,
    IReadOnlyList<string> Complications,
    string Text)
{
    /// <summary>The first-line drugs that name a drug (the table writes "无特效药物" where there is none).</summary>
    public IReadOnlyList<string> Drugs => [.. FirstLineDrugs.Where(d => d != KnowledgeBase.NoSpecificDrug)];
}

/// <summary>A row of raw/knowledge/drugs.csv.</summary>
public sealed record DrugEntry(
    string Id,
    string Name,
    string DrugClass,
    IReadOnlyList<string> Indications,
    IReadOnlyList<string> Contraindications,
    string AdultDose,
    string MaxDailyDose,
    IReadOnlyList<string> AdverseReactions,
    IReadOnlyList<string> Interactions,
    string Department,
    string Text);

/// <summary>A row of raw/knowledge/lab_tests.csv; <see cref="Panel"/> is the report it belongs to.</summary>
public sealed record LabTestEntry(
    string Id,
    string Name,
    string Unit,
    double Low,
    double High,
    string Specimen,
    string HighMeaning,
    string LowMeaning,
    string Department,
    string Text,
    string Panel)
{
    /// <summary>False when the table says a low value means nothing in particular.</summary>
    public bool HasLowMeaning => LowMeaning != KnowledgeBase.NoClinicalMeaning;

    /// <summary>The reference range as printed on a report, e.g. <c>3.5-9.5</c>.</summary>
    public string Range => $"{KnowledgeBase.FormatNumber(Low)}-{KnowledgeBase.FormatNumber(High)}";
}

/// <summary>A fact of a guideline passage that a cloze item may blank out; <see cref="Answer"/> occurs in the text.</summary>
public sealed record KeyFact(string Answer, string Type);

/// <summary>A line of raw/knowledge/guidelines.jsonl.</summary>
public sealed record GuidelineEntry(string Id, string Topic, string Department, string SourceType, string Text, IReadOnlyList<KeyFact> KeyFacts);
