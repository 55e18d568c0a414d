using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>What a source record holds, told from its fields (the source names in a pipeline file are free).</summary>
public enum RecordShape
{
    Unknown,
    Disease,
    Drug,
    LabTest,
    Guideline,
    Report,
}

/// <summary>Reads knowledge-table rows out of source records; a bad field rejects the record, naming it.</summary>
public static class KnowledgeRecords
{
    public static RecordShape ShapeOf(SourceRecord record) => record switch
    {
        _ when record.Fields.ContainsKey("findings") => RecordShape.Report,
        _ when record.Fields.ContainsKey("drug_class") => RecordShape.Drug,
        _ when record.Fields.ContainsKey("symptoms") => RecordShape.Disease,
        _ when record.Fields.ContainsKey("high_meaning") => RecordShape.LabTest,
        _ when record.Fields.ContainsKey("source_type") || record.Kind == "guideline" => RecordShape.Guideline,
        _ => RecordShape.Unknown,
    };

    public static DiseaseEntry Disease(SourceRecord r) => new(
        r.RecordId, RecordFields.Required(r, "name"), RecordFields.Required(r, "department"), RecordFields.List(r, "symptoms"),
        RecordFields.List(r, "signs"), RecordFields.List(r, "examinations"), RecordFields.List(r, "first_line_drugs"),
        RecordFields.List(r, "complications"), RecordFields.RequiredText(r));

    public static DrugEntry Drug(SourceRecord r) => new(
        r.RecordId, RecordFields.Required(r, "name"), RecordFields.Required(r, "drug_class"), RecordFields.List(r, "indications"),
        RecordFields.List(r, "contraindications"), RecordFields.Required(r, "adult_dose"), RecordFields.Required(r, "max_daily_dose"),
        RecordFields.List(r, "adverse_reactions"), RecordFields.List(r, "interactions"), RecordFields.Required(r, "department"),
        RecordFields.RequiredText(r))
    {
        DoseRange = Range(r, "dose_range"),
        DailyRange = Range(r, "daily_range"),
    };

    public static LabTestEntry LabTest(SourceRecord r) => new(
        r.RecordId, RecordFields.Required(r, "name"), RecordFields.Required(r, "unit"), Number(r, "low"), Number(r, "high"),
        RecordFields.Required(r, "specimen"), RecordFields.Required(r, "high_meaning"), RecordFields.Required(r, "low_meaning"),
        RecordFields.Required(r, "department"), RecordFields.RequiredText(r), r.Field("panel") ?? "")
    {
        ClinicalRange = r.Field("clinical_low") is { Length: > 0 } || r.Field("clinical_high") is { Length: > 0 }
            ? Range(r, "clinical_low", $"{r.Field("clinical_low")}-{r.Field("clinical_high")}")
            : null,
    };

    public static GuidelineEntry Guideline(SourceRecord r)
    {
        var facts = new List<KeyFact>();
        if (r.Field("key_facts") is not null)
        {
            foreach (var fact in RecordFields.ObjectArray(r, "key_facts"))
            {
                facts.Add(fact.TryGetValue("answer", out var a) && fact.TryGetValue("type", out var t)
                    ? new KeyFact(a, t, fact.TryGetValue("range", out var range) ? Range(r, "key_facts", range) : null)
                    : throw new RecordRejectedException("field 'key_facts' holds an entry without answer and type", "key_facts"));
            }
        }

        return new GuidelineEntry(r.RecordId, r.Field("topic") ?? "", r.Field("department") ?? "", r.Field("source_type") ?? "guideline",
            RecordFields.RequiredText(r), facts);
    }

    /// <summary>A range column (or <paramref name="text"/>); a malformed one rejects the record, naming the field.</summary>
    private static NumericRange? Range(SourceRecord r, string field, string? text = null)
    {
        try
        {
            return NumericRange.Parse(text ?? r.Field(field));
        }
        catch (FormatException e)
        {
            throw new RecordRejectedException($"field '{field}': {e.Message}", field);
        }
    }

    private static double Number(SourceRecord r, string name) =>
        double.TryParse(RecordFields.Required(r, name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new RecordRejectedException($"field '{name}' is not a number", name);
}
