using CurationPipeline.Items;
using CurationPipeline.IO;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Review;

public sealed class ReviewExchangeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ReviewStore _store;

    public ReviewExchangeTests()
    {
        _store = ReviewStore.Open(_dir.File("review.db"), TimeProvider.System);
        _store.EnqueueItem(ReviewItems.Choice("i1"), ReviewItems.Reviewers);
        _store.EnqueueItem(ReviewItems.Extraction("p1"), ReviewItems.Reviewers);
        _store.EnqueueDispute(new ScoreDispute(ReviewKind.CalibrationDispute, "o1", "MedSafety", "m1", "resp", "j1", 0.9, "j2", 0.1), ReviewItems.Reviewers);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static async Task<string> EditCsv(string line, Dictionary<string, string> values)
    {
        var columns = ReviewExchange.Columns.ToList();
        var fields = (await Csv.ReadRecordAsync(new StringReader(line)))!;
        foreach (var (k, v) in values)
        {
            fields[columns.IndexOf(k)] = v;
        }

        var w = new StringWriter();
        Csv.WriteRecord(w, fields);
        return w.ToString().TrimEnd('\r', '\n');
    }

    [Theory]
    [InlineData("decisions.csv")]
    [InlineData("decisions.jsonl")]
    public async Task Export_then_import_of_filled_rows_records_the_decisions(string name)
    {
        var path = _dir.File(name);
        Assert.Equal(5, await ReviewExchange.ExportAsync(_store, path));
        var lines = await File.ReadAllLinesAsync(path);
        async Task<string> Set(string line, Dictionary<string, string> values)
        {
            if (name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var obj = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
                foreach (var (k, v) in values)
                {
                    obj[k] = v;
                }

                return obj.ToJsonString();
            }

            return await EditCsv(line, values);
        }

        var qa = _store.FindTask("i1", ReviewKind.ItemQa)!;
        var dispute = _store.FindTask("o1", ReviewKind.CalibrationDispute, "m1")!;
        var firstRow = name.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0;
        lines[firstRow] = await Set(lines[firstRow], new() { ["natural"] = "pass", ["clinically_valid"] = "pass", ["answer_correct"] = "pass", ["distractors_plausible"] = "pass" });
        var last = lines.Length - 1;
        lines[last] = await Set(lines[last], new() { ["score"] = "0.4", ["comment"] = "partly right" });
        await File.WriteAllLinesAsync(path, lines);

        var (applied, skipped) = await ReviewExchange.ImportAsync(_store, path);
        Assert.Equal((2, 3), (applied, skipped));
        Assert.Equal(1, _store.GetTask(qa.Id)!.DecisionCount);
        Assert.Equal(0.4, _store.SettledScore(ReviewKind.CalibrationDispute, "o1", "m1"));
        Assert.Equal((0, 5), await ReviewExchange.ImportAsync(_store, path));
        Assert.Equal(TaskOutcome.Settled, _store.GetTask(dispute.Id)!.Outcome);
    }

    [Fact]
    public async Task Bad_rows_are_each_named_and_nothing_is_applied()
    {
        var path = _dir.File("bad.csv");
        await ReviewExchange.ExportAsync(_store, path);
        var lines = await File.ReadAllLinesAsync(path);
        lines[5] = await EditCsv(lines[5], new() { ["score"] = "0.7" });
        lines[1] = await EditCsv(lines[1], new() { ["natural"] = "pass", ["clinically_valid"] = "pass", ["answer_correct"] = "maybe", ["distractors_plausible"] = "pass" });
        lines[3] = await EditCsv(lines[3], new() { ["accept"] = "yes", ["entities"] = "[{\"type\":\"drug\",\"text\":\"aspirin\",\"start\":0,\"end\":7}]" });
        await File.WriteAllLinesAsync(path, lines);

        var error = await Assert.ThrowsAsync<ReviewException>(() => ReviewExchange.ImportAsync(_store, path));
        Assert.Contains("bad.csv: row 2: field 'answer_correct': 'maybe' must be pass or fail", error.Message);
        Assert.Contains("bad.csv: row 4: field 'entities'", error.Message);
        Assert.Contains("nothing applied", error.Message);
        Assert.All(_store.Tasks(), t => Assert.Equal(0, t.DecisionCount));
    }

    [Fact]
    public async Task A_csv_export_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        const string Attack = "=1+2+cmd|' /C calc'!A0";
        _store.EnqueueItem(ReviewItems.Choice("f1") with { Question = Attack, Answer = "@SUM(A1)" }, ReviewItems.Reviewers);
        var path = _dir.File("export.csv");

        await ReviewExchange.ExportAsync(_store, path);

        using var reader = new StreamReader(path);
        var header = (await Csv.ReadRecordAsync(reader))!;
        var cells = new List<string>();
        while (await Csv.ReadRecordAsync(reader) is { } row)
        {
            cells.AddRange(row);
            if (row[header.IndexOf("item_id")] == "f1")
            {
                Assert.Equal("'" + Attack, row[header.IndexOf("question")]);
                Assert.Equal("'@SUM(A1)", row[header.IndexOf("answer")]);
            }
        }

        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        Assert.Contains(cells, c => c == "'" + Attack);
        Assert.Equal("'  =1+2", ReviewExchange.SpreadsheetSafe("  =1+2"));
        Assert.Equal("2 - 1", ReviewExchange.SpreadsheetSafe("2 - 1"));
    }

    [Fact]
    public async Task Every_comment_is_exported_per_criterion_and_overall_and_comes_back_on_import()
    {
        var item = ReviewItems.Choice("c1");
        var task = _store.EnqueueItem(item, ReviewItems.Reviewers);
        var reviewer = task.Assignments[0].Reviewer;
        _store.SubmitQa(task.Id, reviewer, [.. ReviewCriteria.For(item).Select(c => new CriterionVerdict(c, c != ReviewCriteria.AnswerCorrect,
            c == ReviewCriteria.AnswerCorrect ? "=HYPERLINK(\"http://x\") B and D both fit" : c == ReviewCriteria.Natural ? "reads well" : null))], "overall: needs a source");
        var csv = _dir.File("comments.csv");
        var jsonl = _dir.File("comments.jsonl");
        await ReviewExchange.ExportAsync(_store, csv);
        await ReviewExchange.ExportAsync(_store, jsonl);

        using (var reader = new StreamReader(csv))
        {
            var header = (await Csv.ReadRecordAsync(reader))!;
            List<string>? row = null;
            while (await Csv.ReadRecordAsync(reader) is { } r)
            {
                row = r[header.IndexOf("task_id")] == task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r[header.IndexOf("slot")] == "1" ? r : row;
            }

            Assert.NotNull(row);
            Assert.Equal("'=HYPERLINK(\"http://x\") B and D both fit", row[header.IndexOf("answer_correct_comment")]);
            Assert.Equal("reads well", row[header.IndexOf("natural_comment")]);
            Assert.Equal("", row[header.IndexOf("clinically_valid_comment")]);
            Assert.Equal("overall: needs a source", row[header.IndexOf("comment")]);
        }

        var line = (await File.ReadAllLinesAsync(jsonl)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).Single(n => (string?)n["item_id"] == "c1" && (string?)n["slot"] == "1");
        Assert.Equal("=HYPERLINK(\"http://x\") B and D both fit", (string?)line["answer_correct_comment"]);

        // The other reviewer fills their row in the spreadsheet, with comments per criterion.
        var lines = await File.ReadAllLinesAsync(csv);
        var columns = ReviewExchange.Columns.ToList();
        var at = Array.FindIndex(lines, l => l.StartsWith(task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal) && l.Contains(",2," + task.Assignments[1].Reviewer + ",", StringComparison.Ordinal));
        lines[at] = await EditCsv(lines[at], new()
        {
            ["natural"] = "pass", ["clinically_valid"] = "fail", ["answer_correct"] = "pass", ["distractors_plausible"] = "pass",
            ["clinically_valid_comment"] = "'-outdated dosing", ["comment"] = "see dosing",
        });
        await File.WriteAllLinesAsync(csv, lines);
        Assert.Equal(1, (await ReviewExchange.ImportAsync(_store, csv)).Applied);
        var second = _store.GetTask(task.Id)!.Assignments[1].Decision!;
        Assert.Equal("-outdated dosing", second.Verdicts.Single(v => v.Criterion == ReviewCriteria.ClinicallyValid).Comment);
        Assert.Null(second.Verdicts.Single(v => v.Criterion == ReviewCriteria.Natural).Comment);
        Assert.Equal("see dosing", second.Comment);
    }

    [Fact]
    public async Task The_second_p3_stage_is_exported_with_the_first_stages_corrections_not_the_prelabels()
    {
        var task = _store.FindTask("p1", ReviewKind.Entities)!;
        var note = task.Item!.Context!;
        var corrected = new[] { new GoldEntity("diagnosis", "diabetes", 13, 21), new GoldEntity("drug", "aspirin", note.IndexOf("aspirin", StringComparison.Ordinal), note.IndexOf("aspirin", StringComparison.Ordinal) + 7) };
        _store.SubmitEntities(task.Id, task.Assignments[0].Reviewer, true, corrected, "metformin was not given");
        var path = _dir.File("stages.jsonl");

        await ReviewExchange.ExportAsync(_store, path);

        var rows = (await File.ReadAllLinesAsync(path)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).Where(n => (string?)n["item_id"] == "p1").ToList();
        var stage2 = rows.Single(r => (string?)r["slot"] == "2");
        Assert.Equal("waiting", (string?)stage2["state"]);
        var shown = System.Text.Json.JsonSerializer.Deserialize<List<GoldEntity>>((string)stage2["entities"]!, new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.Equal(["diabetes", "aspirin"], shown.Select(e => e.Text));

        // Accepting the row as exported keeps stage 1's corrections as the gold entities.
        var lines = await File.ReadAllLinesAsync(path);
        var at = Array.FindIndex(lines, l => l.Contains("\"item_id\":\"p1\"", StringComparison.Ordinal) && l.Contains("\"slot\":\"2\"", StringComparison.Ordinal));
        var obj = System.Text.Json.Nodes.JsonNode.Parse(lines[at])!.AsObject();
        obj["accept"] = "yes";
        lines[at] = obj.ToJsonString();
        await File.WriteAllLinesAsync(path, lines);
        await ReviewExchange.ImportAsync(_store, path);
        Assert.Equal(["diabetes", "aspirin"], _store.ReviewOf("p1").Item!.Entities.Select(e => e.Text));
    }
}
