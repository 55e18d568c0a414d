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
    string Text)
{
    /// <summary>The clinically used range of one dose (the first number of <see cref="AdultDose"/>), in its unit: column <c>dose_range</c>.</summary>
    public NumericRange? DoseRange { get; init; }

    /// <summary>The clinically used range of the daily total (<see cref="MaxDailyDose"/>), in its unit: column <c>daily_range</c>.</summary>
    public NumericRange? DailyRange { get; init; }
}

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

    /// <summary>Values a reference range bound is met at in practice (columns <c>clinical_low</c>, <c>clinical_high</c>), in the test's unit.</summary>
    public NumericRange? ClinicalRange { get; init; }
}

/// <summary>
/// A fact of a guideline passage that a cloze item may blank out; <see cref="Answer"/> occurs in the text. A number or
/// range fact carries the clinically used range of its numbers (<c>range</c>, e.g. <c>30-300</c>), in the answer's unit.
/// </summary>
public sealed record KeyFact(string Answer, string Type, NumericRange? Range = null);

/// <summary>A closed interval of values in one unit, written <c>low-high</c> in the knowledge tables.</summary>
public sealed record NumericRange(double Low, double High)
{
    public bool Contains(double value) => value >= Low * (1 - 1e-9) && value <= High * (1 + 1e-9);

    /// <summary>The range written in <paramref name="text"/>; null for an empty text; a <see cref="FormatException"/> for anything but <c>low-high</c> with low at most high.</summary>
    public static NumericRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var high)
            && low >= 0 && low <= high)
        {
            return new NumericRange(low, high);
        }

        throw new FormatException($"'{text}' is not a range 'low-high' of numbers from zero up");
    }
}

/// <summary>A line of raw/knowledge/guidelines.jsonl.</summary>
public sealed record GuidelineEntry(string Id, string Topic, string Department, string SourceType, string Text, IReadOnlyList<KeyFact> KeyFacts);
