namespace CurationPipeline.Core;

/// <summary>
/// One raw input record as read from a source file, before any engine sees it. <see cref="Text"/> is the
/// free text (de-identified by the pipeline before generation); <see cref="Fields"/> holds every other
/// field of the record as text (CSV columns, JSONL properties; arrays and objects as JSON).
/// </summary>
public sealed record SourceRecord
{
    /// <summary>Name of the source in the pipeline file.</summary>
    public required string Source { get; init; }

    /// <summary>File the record was read from, relative to the pipeline file where possible.</summary>
    public required string File { get; init; }

    /// <summary>The record's id field, or its line / index in the file when it has none.</summary>
    public required string RecordId { get; init; }

    /// <summary>What the record is: report, guideline, drug, knowledge, scenario, ehr, dialogue, inpatient, public.</summary>
    public required string Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>The format the record was read in (jsonl, csv, or a public dataset's native format).</summary>
    public SourceFormat Format { get; init; } = SourceFormat.Jsonl;

    /// <summary>Key for per-patient consistency of de-identification; the record id when absent.</summary>
    public string? PatientKey { get; init; }

    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A field's value, or null when the record has none (or it is empty).</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>Where the record came from, for rejects and provenance: <c>file#record</c>.</summary>
    public string Location => $"{File}#{RecordId}";
}
