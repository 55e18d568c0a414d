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

    /// <summary>The largest record (line) read, in bytes; a longer one is rejected unread, so one record bounds the work.</summary>
    public int MaxRecordBytes { get; init; } = 8 << 20;
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

        // Written under a temporary name and renamed when complete, so a stopped run leaves no half-written output.
        var temp = outPath + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                var batch = new List<(int Line, string Text)>(options.BatchSize);
                await foreach (var (lineNo, text, reject) in ReadRecordsAsync(inPath, options.MaxRecordBytes, ct))
                {
                    read = lineNo;
                    if (reject is not null)
                    {
                        rejects.Add(reject);
                    }
                    else if (!string.IsNullOrWhiteSpace(text))
                    {
                        batch.Add((lineNo, text!));
                    }

                    if (batch.Count >= Math.Max(1, options.BatchSize))
                    {
                        await FlushAsync();
                    }
                }

                await FlushAsync();

                async Task FlushAsync()
                {
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
                        withFindings += spans!.Count > 0 ? 1 : 0;
                        foreach (var s in spans)
                        {
                            found[(int)s.Category]++;
                        }
                    }

                    batch.Clear();
                }
            }

            File.Move(temp, outPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
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

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new JsonlReject(lineNo, $"field '{options.TextField}' is empty"), null);
        }

        if (!HasReadableScript(text))
        {
            return (null, new JsonlReject(lineNo, $"field '{options.TextField}' holds no Chinese or Latin letters (a script the de-identifier does not read)"), null);
        }

        var key = obj.TryGetPropertyValue(options.PatientKeyField, out var keyNode) && keyNode is JsonValue kv
            ? kv.TryGetValue<string>(out var ks) ? ks : kv.ToJsonString()
            : $"line-{lineNo}";
        var result = deid.Deidentify(text, key, source);
        obj[options.TextField] = result.Text;
        return (obj.ToJsonString(JsonOptions), null, result.Found);
    }

    /// <summary>
    /// True when the text has no letters at all (numbers, punctuation), or some Chinese or Latin ones: a text only in
    /// another script (Cyrillic, Arabic ...) would pass through unread.
    /// </summary>
    private static bool HasReadableScript(string text)
    {
        var letters = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c) || ChineseLexicon.IsHan(c) || c is >= '\u00C0' and <= '\u024F')
            {
                return true;
            }

            letters |= char.IsLetter(c);
        }

        return !letters;
    }

    /// <summary>
    /// The file's lines, decoded as strict UTF-8: a line with invalid bytes or longer than <paramref name="maxBytes"/>
    /// comes back as a reject (a long one is skipped without being held in memory).
    /// </summary>
    private static async IAsyncEnumerable<(int Line, string? Text, JsonlReject? Reject)> ReadRecordsAsync(
        string path, int maxBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        using var line = new MemoryStream();
        long lineBytes = 0;
        var lineNo = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, ct)) > 0)
        {
            for (var start = 0; start < n;)
            {
                var nl = Array.IndexOf(buffer, (byte)'\n', start, n - start);
                var end = nl < 0 ? n : nl;
                lineBytes += end - start;
                if (lineBytes <= maxBytes)
                {
                    line.Write(buffer, start, end - start);
                }

                if (nl < 0)
                {
                    break;
                }

                yield return Decode(++lineNo);
                start = nl + 1;
            }
        }

        if (lineBytes > 0)
        {
            yield return Decode(++lineNo);
        }

        (int, string?, JsonlReject?) Decode(int number)
        {
            var size = lineBytes;
            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            (lineBytes, line.Position) = (0, 0);
            line.SetLength(0);
            if (size > maxBytes)
            {
                return (number, null, new JsonlReject(number, $"record of {size} bytes is over the limit of {maxBytes} bytes"));
            }

            bytes = bytes.EndsWith("\r"u8) ? bytes[..^1] : bytes;
            bytes = number == 1 && bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
            try
            {
                return (number, strict.GetString(bytes), null);
            }
            catch (DecoderFallbackException e)
            {
                return (number, null, new JsonlReject(number, $"invalid UTF-8 at byte {e.Index} of the record"));
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
