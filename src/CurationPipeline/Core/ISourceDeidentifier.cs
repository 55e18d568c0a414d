using CurationPipeline.Items;

namespace CurationPipeline.Core;

/// <summary>De-identifies one source text, consistently for one patient.</summary>
public interface ISourceDeidentifier
{
    /// <summary>Returns the text with personal data replaced; <paramref name="source"/> keys the audit.</summary>
    string Deidentify(string text, string patientKey, string source);

    /// <summary>Detections per category and source, without values, for run.json.</summary>
    DeidentificationAudit AuditSnapshot();
}

/// <summary>
/// What de-identification found in a run, without values (run.json's <c>deidentification</c>): texts scanned, all
/// detections, and detections per category, over all sources and per source.
/// </summary>
public sealed record DeidentificationAudit(
    long Texts,
    int Total,
    IReadOnlyDictionary<string, int> Totals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> BySource);

/// <summary>The PHI gate on generated items.</summary>
public interface IItemGate
{
    /// <summary>The item, re-redacted and flagged when personal data was found.</summary>
    BenchmarkItem Check(BenchmarkItem item);
}
