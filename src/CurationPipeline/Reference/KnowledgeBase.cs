using System.Globalization;

namespace CurationPipeline.Reference;

/// <summary>
/// The knowledge tables of the reference data (raw/knowledge), typed. Offline engines draw correct
/// options from the record and distractors from these tables; a table that is missing or malformed is an
/// error naming the file, row and field.
/// </summary>
public sealed class KnowledgeBase
{
    public const string NoSpecificDrug = "无特效药物";
    public const string NoClinicalMeaning = "无明确临床意义";

    private KnowledgeBase(ReferenceData reference)
    {
        Diseases = ReadCsv(reference, "diseases", r => new DiseaseEntry(
            r.Get("id"), r.Get("name"), r.Get("department"), r.List("symptoms"), r.List("signs"),
            r.List("examinations"), r.List("first_line_drugs"), r.List("complications"), r.Get("text")));
        Drugs = ReadCsv(reference, "drugs", r => new DrugEntry(
            r.Get("id"), r.Get("name"), r.Get("drug_class"), r.List("indications"), r.List("contraindications"),
            r.Get("adult_dose"), r.Get("max_daily_dose"), r.List("adverse_reactions"), r.List("interactions"),
            r.Get("department"), r.Get("text"))
        {
            DoseRange = NumericRange.Parse(r.Optional("dose_range")),
            DailyRange = NumericRange.Parse(r.Optional("daily_range")),
        });
        LabTests = ReadCsv(reference, "lab_tests", r => new LabTestEntry(
            r.Get("id"), r.Get("name"), r.Get("unit"), r.Number("low"), r.Number("high"), r.Get("specimen"),
            r.Get("high_meaning"), r.Get("low_meaning"), r.Get("department"), r.Get("text"), r.Get("panel"))
        {
            ClinicalRange = r.Optional("clinical_low") is { Length: > 0 } low ? NumericRange.Parse($"{low}-{r.Optional("clinical_high")}") : null,
        });
        Guidelines = GuidelinesFile.Read(reference);
        DiseaseByName = Diseases.ToDictionary(d => d.Name, StringComparer.Ordinal);
        DrugByName = Drugs.ToDictionary(d => d.Name, StringComparer.Ordinal);
        LabTestByName = LabTests.ToDictionary(t => t.Name, StringComparer.Ordinal);
        KnownDrugNames = Drugs.Select(d => d.Name).Concat(Diseases.SelectMany(d => d.Drugs))
            .Concat(reference.Lexicon("medication") ?? [])
            .ToHashSet(StringComparer.Ordinal);
        CommonSymptoms = Common(Diseases.Select(d => d.Symptoms));
        CommonExaminations = Common(Diseases.Select(d => d.Examinations));
        CommonComplications = Common(Diseases.Select(d => d.Complications));
        CommonContraindications = Common(Drugs.Select(d => d.Contraindications));
        CommonAdverseReactions = Common(Drugs.Select(d => d.AdverseReactions));
        CommonIndications = Common(Drugs.Select(d => d.Indications));
    }

    /// <summary>Every drug name the tables and the medication lexicon know (a fabricated name must be none of them).</summary>
    public IReadOnlySet<string> KnownDrugNames { get; }

    /// <summary>How often an entry must recur across rows before it counts as generic and is never used as a distractor.</summary>
    public const int CommonThreshold = 3;

    /// <summary>Symptoms shared by several diseases (fever, headache): too generic to be a safe distractor.</summary>
    public IReadOnlySet<string> CommonSymptoms { get; }

    public IReadOnlySet<string> CommonExaminations { get; }

    public IReadOnlySet<string> CommonComplications { get; }

    public IReadOnlySet<string> CommonContraindications { get; }

    public IReadOnlySet<string> CommonAdverseReactions { get; }

    public IReadOnlySet<string> CommonIndications { get; }

    public IReadOnlyList<DiseaseEntry> Diseases { get; }

    public IReadOnlyList<DrugEntry> Drugs { get; }

    public IReadOnlyList<LabTestEntry> LabTests { get; }

    public IReadOnlyList<GuidelineEntry> Guidelines { get; }

    public IReadOnlyDictionary<string, DiseaseEntry> DiseaseByName { get; }

    public IReadOnlyDictionary<string, DrugEntry> DrugByName { get; }

    public IReadOnlyDictionary<string, LabTestEntry> LabTestByName { get; }

    /// <summary>The tables of <paramref name="reference"/>; use <see cref="ReferenceData.Knowledge"/>, which builds them once.</summary>
    internal static KnowledgeBase From(ReferenceData reference) => new(reference);

    /// <summary>Splits a <c>;</c>-separated table cell.</summary>
    public static IReadOnlyList<string> SplitList(string cell) =>
        [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string FormatNumber(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static HashSet<string> Common(IEnumerable<IReadOnlyList<string>> lists) =>
        lists.SelectMany(l => l.Distinct()).CountBy(x => x, StringComparer.Ordinal)
            .Where(p => p.Value >= CommonThreshold).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    private static List<T> ReadCsv<T>(ReferenceData reference, string table, Func<Row, T> map)
    {
        var rows = reference.KnowledgeTable(table)
            ?? throw new InvalidDataException($"{reference.PathOf("knowledge", table + ".csv")}: knowledge table not found");
        return [.. rows.Select(r => map(new Row(r)))];
    }

    /// <summary>Typed fields of a table row, with errors that name the file, line and column.</summary>
    private sealed class Row(TableRow row)
    {
        public string Get(string column) => row.Get(column);

        public IReadOnlyList<string> List(string column) => SplitList(Get(column));

        /// <summary>A field that may be missing or empty (null then).</summary>
        public string? Optional(string column) => row.Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public double Number(string column)
        {
            var text = Get(column);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new InvalidDataException($"{row.Path}: line {row.Line}, field '{column}' is not a number");
        }
    }
}
