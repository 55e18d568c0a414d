using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.Paradigms.Maturity;

namespace CurationPipeline.Tests.Paradigms.Maturity;

/// <summary>The bundled raw records of a scenario as source records, and its builder's drafts of them.</summary>
internal static class MaturityRecords
{
    public static IReadOnlyList<SourceRecord> Read(string file)
    {
        var path = Path.Combine(RawFiles.Raw, "maturity", file);
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select((line, i) =>
        {
            using var doc = JsonDocument.Parse(line);
            var fields = doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
            return Record(fields, fields.GetValueOrDefault("id") ?? $"line {i + 1}", file);
        })];
    }

    public static SourceRecord Record(IReadOnlyDictionary<string, string> fields, string id = "r1", string file = "test.jsonl") => new()
    {
        Source = "test",
        File = file,
        RecordId = id,
        Kind = "ehr",
        Text = fields.GetValueOrDefault("text") ?? "",
        Fields = fields,
    };

    /// <summary>Every record's draft, each with its own seeded randomness.</summary>
    /// <summary>Each record of the file built with a seed of its own, the same in every test process.</summary>
    public static IReadOnlyList<(SourceRecord Record, ScenarioDraft Draft)> Drafts(ScenarioBuilder builder, string file, int seed = 0) =>
        [.. Read(file).Select(r => (r, builder.Build(r, new Random(StableSeed(r.RecordId) + seed), RawFiles.Reference)))];

    // string.GetHashCode differs between processes; a test must see the same drafts every run.
    private static int StableSeed(string id) => id.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7fff;

    public static JsonElement Json(string answer)
    {
        using var doc = JsonDocument.Parse(answer);
        return doc.RootElement.Clone();
    }
}
