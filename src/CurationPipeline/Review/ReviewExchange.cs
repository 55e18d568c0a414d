using System.Globalization;
using System.Text.Json;
using CurationPipeline.IO;

namespace CurationPipeline.Review;

/// <summary>
/// Export of every assignment to CSV or JSONL (one row per reviewer and task) for teams who review in
/// spreadsheets, and import of the filled-in rows. Import checks every row first and applies all of them in
/// one transaction, or none: errors name the file, row and field.
/// </summary>
public static class ReviewExchange
{
    /// <summary>The columns of an exported file, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "task_id", "kind", "dataset", "item_id", "subject", "round", "slot", "reviewer", "state", "question", "answer",
        .. ReviewCriteria.All, .. ReviewCriteria.All.Select(CommentColumn), "accept", "entities", "score", "action", "revised_question", "revised_options", "revised_answer",
        "comment", "decided_at",
    ];

    /// <summary>The column of a criterion's own comment (<c>answer_correct_comment</c>).</summary>
    public static string CommentColumn(string criterion) => criterion + "_comment";

    /// <summary>Writes every assignment; the format follows the extension (.csv or .jsonl).</summary>
    public static async Task<int> ExportAsync(ReviewStore store, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = store.Tasks().SelectMany(t => t.Assignments.Select(a => Row(t, a))).ToList();
        var temp = path + ".tmp";
        if (IsCsv(path))
        {
            await using var writer = new StreamWriter(temp);
            Csv.WriteRecord(writer, Columns);
            foreach (var row in rows)
            {
                Csv.WriteRecord(writer, Columns.Select(c => SpreadsheetSafe(row.GetValueOrDefault(c))));
            }
        }
        else
        {
            await using var writer = new StreamWriter(temp);
            foreach (var row in rows)
            {
                var ordered = Columns.Where(row.ContainsKey).ToDictionary(c => c, c => row[c]);
                await writer.WriteLineAsync(JsonSerializer.Serialize(ordered, ReviewStore.Json).AsMemory(), cancellationToken);
            }
        }

        File.Move(temp, path, overwrite: true);
        return rows.Count;
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first, also after leading
    /// spaces, which some importers trim) gets a leading apostrophe, which spreadsheets show as text; import takes it off again.
    /// </summary>
    public static string? SpreadsheetSafe(string? value) =>
        value is { Length: > 0 } && IsFormula(value) ? "'" + value : value;

    private static string FromSpreadsheet(string value) =>
        value.Length > 1 && value[0] == '\'' && IsFormula(value[1..]) ? value[1..] : value;

    private static bool IsFormula(string value) => value.TrimStart(' ', '\u00a0') is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Applies the decided rows of a file; returns how many were applied and how many skipped (blank or already decided).</summary>
    public static async Task<(int Applied, int Skipped)> ImportAsync(ReviewStore store, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found");
        }

        var rows = IsCsv(path) ? await ReadCsvAsync(path, cancellationToken) : await ReadJsonlAsync(path, cancellationToken);
        var errors = new List<string>();
        var decisions = new List<ImportRow>();
        var skipped = 0;
        foreach (var (number, fields) in rows)
        {
            var parsed = ImportRow.Parse(store, path, number, fields, errors);
            if (parsed is null)
            {
                skipped += errors.Count == 0 ? 1 : 0;
                continue;
            }

            decisions.Add(parsed);
        }

        if (errors.Count > 0)
        {
            throw new ReviewException($"{path}: {errors.Count} bad row(s), nothing applied:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Take(50)));
        }

        var applied = 0;
        store.Atomically(() =>
        {
            foreach (var d in decisions.OrderBy(d => d.TaskId).ThenBy(d => d.Slot))
            {
                if (d.Apply(store))
                {
                    applied++;
                }
                else
                {
                    skipped++;
                }
            }
        });
        return (applied, skipped);
    }

    private static bool IsCsv(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? true
            : path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? false
            : throw new ReviewException($"{path}: use a .csv or .jsonl file");

    private static Dictionary<string, string?> Row(ReviewTask t, ReviewAssignment a)
    {
        var d = a.Decision;
        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["task_id"] = t.Id.ToString(CultureInfo.InvariantCulture),
            ["kind"] = ReviewKinds.Name(t.Kind),
            ["dataset"] = t.Dataset,
            ["item_id"] = t.ItemId,
            ["subject"] = t.Subject,
            ["round"] = t.Round.ToString(CultureInfo.InvariantCulture),
            ["slot"] = a.Slot.ToString(CultureInfo.InvariantCulture),
            ["reviewer"] = a.Reviewer,
            ["state"] = d is not null ? "decided" : t.Outcome != TaskOutcome.Open ? "closed" : t.IsReady(a.Slot) ? "waiting" : "blocked",
            ["question"] = t.Item?.Question ?? t.Dispute?.Response,
            ["answer"] = t.Item?.Answer,
            ["comment"] = d?.Comment,
            ["decided_at"] = d?.DecidedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (t.Kind == ReviewKind.ItemQa)
        {
            var applies = ReviewCriteria.For(t.Item!);
            foreach (var c in ReviewCriteria.All)
            {
                var verdict = d?.Verdicts.FirstOrDefault(v => v.Criterion == c);
                row[c] = !applies.Contains(c) ? "n/a" : verdict is { } v ? (v.Pass ? "pass" : "fail") : "";
                row[CommentColumn(c)] = verdict?.Comment;
            }

            row["action"] = d?.Action?.ToString().ToLowerInvariant();
            row["revised_question"] = d?.Revision?.Question;
            row["revised_options"] = d?.Revision is { } r ? JsonSerializer.Serialize(r.Options, ReviewStore.Json) : null;
            row["revised_answer"] = d?.Revision?.Answer;
        }
        else if (t.Kind == ReviewKind.Entities)
        {
            row["accept"] = d is null ? "" : d.Pass ? "yes" : "no";
            // An undecided second stage starts from the first stage's correction, as on the page.
            row["entities"] = JsonSerializer.Serialize(d?.Entities ?? t.EntitiesBefore(a.Slot), ReviewStore.Json);
        }
        else
        {
            row["score"] = d?.Score?.ToString(CultureInfo.InvariantCulture);
        }

        return row;
    }

    private static async Task<List<(int Row, Dictionary<string, string?> Fields)>> ReadCsvAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var rows = new List<(int, Dictionary<string, string?>)>();
        var header = await Csv.ReadRecordAsync(reader, ct);
        if (header is null)
        {
            return rows;
        }

        foreach (var required in new[] { "task_id", "slot", "reviewer" }.Where(r => !header.Contains(r)))
        {
            throw new ReviewException($"{path}: row 1: column '{required}' is missing from the header");
        }

        var number = 1;
        while (await Csv.ReadRecordAsync(reader, ct) is { } record)
        {
            number++;
            if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (record.Count != header.Count)
            {
                throw new ReviewException($"{path}: row {number}: has {record.Count} fields, the header has {header.Count}");
            }

            rows.Add((number, header.Select((h, i) => (h, FromSpreadsheet(record[i]))).ToDictionary(x => x.h, x => (string?)x.Item2, StringComparer.Ordinal)));
        }

        return rows;
    }

    private static async Task<List<(int Row, Dictionary<string, string?> Fields)>> ReadJsonlAsync(string path, CancellationToken ct)
    {
        var rows = new List<(int, Dictionary<string, string?>)>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ReviewException($"{path}: row {number}: not a JSON object");
                }

                rows.Add((number, doc.RootElement.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => p.Value.GetString(),
                        _ => p.Value.GetRawText(),
                    },
                    StringComparer.Ordinal)));
            }
            catch (JsonException e)
            {
                throw new ReviewException($"{path}: row {number}: not valid JSON ({e.Message})", e);
            }
        }

        return rows;
    }
}
