using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.Reference;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Paradigms;

/// <summary>The committed raw/ folder and a small reader of its CSV and JSONL files into source records.</summary>
internal static class RawFiles
{
    public static string Root => TestData.RepositoryRoot;

    public static string Raw => Path.Combine(Root, "raw");

    public static string Knowledge => Path.Combine(Raw, "knowledge");

    /// <summary>The reference data of the committed raw/ folder, read once for all tests.</summary>
    public static ReferenceData Reference { get; } = new(Raw);

    public static string Pipeline => Path.Combine(Root, "pipelines", "mlb.yaml");

    public static GenerationContext Context(int seed = RawSynthesizerSeed) =>
        new() { Seed = seed, PipelineVersion = "0.1.0-test", PromptHash = "0123456789abcdef" };

    public const int RawSynthesizerSeed = 20250601;

    /// <summary>Every record of a source of the pipeline, filtered by the dataset's <c>where</c>.</summary>
    public static IEnumerable<SourceRecord> Records(PipelineDefinition pipeline, SourceDefinition source, DatasetDefinition dataset)
    {
        var path = pipeline.ResolvePath(source.Path);
        var file = Path.GetRelativePath(Root, path).Replace('\\', '/');
        var rows = source.Format.Code == "csv"
            ? ReferenceReader.Csv(path).Select(r => r.Fields)
            : File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(JsonRow);
        foreach (var fields in rows)
        {
            if (dataset.Where.Any(w => fields.GetValueOrDefault(w.Key) != w.Value))
            {
                continue;
            }

            yield return Record(source.Name, file, source.Kind, fields);
        }
    }

    public static SourceRecord Record(string source, string file, string kind, IReadOnlyDictionary<string, string> fields) => new()
    {
        Source = source,
        File = file,
        RecordId = fields.GetValueOrDefault("id") ?? "?",
        Kind = kind,
        Text = fields.GetValueOrDefault("text") ?? "",
        PatientKey = fields.GetValueOrDefault("patient_id"),
        Fields = fields,
    };

    /// <summary>A JSONL line as string fields; arrays and objects stay JSON text.</summary>
    public static IReadOnlyDictionary<string, string> JsonRow(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal);
    }
}
