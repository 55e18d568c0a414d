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
    }
}
