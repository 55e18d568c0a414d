using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CurationPipeline.Deidentification;

/// <summary>Settings of <see cref="JsonlDeidentification.RunAsync"/>.</summary>
public sealed class JsonlDeidOptions
{
    /// <summary>The field holding the text to de-identify.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>The field giving the patient key (string or number); records without it are keyed by line.</summary>
    public string PatientKeyField { get; init; } = "patient_id";

    /// <summary>The audit's source name; default: the input file's name.</summary>
    public string? Source { get; init; }

    /// <summary>Lines processed in parallel per batch (output order is kept).</summary>
    public int BatchSize { get; init; } = 512;
}

/// <summary>One rejected input line: its number (1-based) and why; never its content.</summary>
public sealed record JsonlReject(int Line, string Reason);

/// <summary>What a JSONL run did.</summary>
public sealed record JsonlDeidSummary(int LinesRead, int Written, int WithFindings, IReadOnlyList<JsonlReject> Rejects, IReadOnlyDictionary<PhiCategory, int> Found);

/// <summary>
/// De-identifies a JSONL file: each line an object with a text field; all other fields are kept, the
/// patient key field makes surrogates consistent across one patient's lines, and bad lines are listed
/// (line number and reason) instead of written.
/// </summary>
public static class JsonlDeidentification
{
    public static async Task<JsonlDeidSummary> RunAsync(string inPath, string outPath, Deidentifier deid, JsonlDeidOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deid);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(inPath))
        {
            throw new FileNotFoundException($"de-identification input not found: {inPath}", inPath);
        }

        var source = options.Source ?? Path.GetFileName(inPath);
        var rejects = new List<JsonlReject>();
        var found = new int[PhiCategories.All.Count];
        int read = 0, written = 0, withFindings = 0;
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        using var reader = new StreamReader(inPath, Encoding.UTF8);
        await using var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(false));
        var batch = new List<(int Line, string Text)>(options.BatchSize);
        while (true)
        {
            var line = await reader.ReadLineAsync(ct);
            if (line is not null)
            {
                read++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    batch.Add((read, line));
                }

                if (batch.Count < Math.Max(1, options.BatchSize))
                {
                    continue;
                }
            }

            var results = new (string? Output, JsonlReject? Reject, IReadOnlyList<PhiSpan>? Found)[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = Process(batch[i].Line, batch[i].Text, deid, options, source));
            foreach (var (output, reject, spans) in results)
            {
                if (reject is not null)
                {
                    rejects.Add(reject);
                    continue;
                }

                await writer.WriteLineAsync(output.AsMemory(), ct);
                written++;
                if (spans!.Count > 0)
                {
                    withFindings++;
                }

                foreach (var s in spans)
                {
                    found[(int)s.Category]++;
                }
            }

            batch.Clear();
            if (line is null)
            {
                break;
            }
        }

        var totals = PhiCategories.All.Where(c => found[(int)c] > 0).ToDictionary(c => c, c => found[(int)c]);
        return new JsonlDeidSummary(read, written, withFindings, rejects, totals);
    }

    private static (string?, JsonlReject?, IReadOnlyList<PhiSpan>?) Process(int lineNo, string line, Deidentifier deid, JsonlDeidOptions options, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return (null, new JsonlReject(lineNo, "not valid JSON"), null);
        }

        if (node is not JsonObject obj)
        {
            return (null, new JsonlReject(lineNo, "not a JSON object"), null);
        }

        if (!obj.TryGetPropertyValue(options.TextField, out var textNode) || textNode is null)
        {
            return (null, new JsonlReject(lineNo, $"missing field '{options.TextField}'"), null);
        }

        if (textNode is not JsonValue tv || !tv.TryGetValue<string>(out var text))
        {
            return (null, new JsonlReject(lineNo, $"field '{options.TextField}' is not a string"), null);
        }

        var key = obj.TryGetPropertyValue(options.PatientKeyField, out var keyNode) && keyNode is JsonValue kv
            ? kv.TryGetValue<string>(out var ks) ? ks : kv.ToJsonString()
            : $"line-{lineNo}";
        var result = deid.Deidentify(text, key, source);
        obj[options.TextField] = result.Text;
        return (obj.ToJsonString(JsonOptions), null, result.Found);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
