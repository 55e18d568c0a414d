using CurationPipeline.Core;
using CurationPipeline.IO;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests.Review;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _store;

    public ReviewCommandTests()
    {
        _store = _dir.File("review.db");
        using var store = ReviewStore.Open(_store, TimeProvider.System);
        var stage = new ReviewStage(store, ReviewFixtures.Reviewers, ReviewPolicy.Required);
        foreach (var item in ReviewFixtures.Items())
        {
            stage.ProcessAsync(item).GetAwaiter().GetResult();
        }
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<string> Edit(string line, Dictionary<string, string> values)
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

    [Fact]
    public async Task Export_fill_in_and_import_through_the_cli()
    {
        var csv = _dir.File("review.csv");
        var (exit, output) = await CliHarness.RunAsync("review", "export", "--store", _store, "--out", csv);
        Assert.Equal(0, exit);
        Assert.Contains("wrote 12 rows", output);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(string.Join(',', ReviewExchange.Columns), lines[0]);
        lines[1] = await Edit(lines[1], new() { ["natural"] = "pass", ["clinically_valid"] = "pass", ["answer_correct"] = "fail", ["distractors_plausible"] = "pass", ["comment"] = "two answers fit" });
        await File.WriteAllLinesAsync(csv, lines);

        (exit, output) = await CliHarness.RunAsync("review", "import", "--store", _store, "--in", csv);
        Assert.Equal(0, exit);
        Assert.Contains("applied 1 decisions; 11 rows skipped", output);
        using var store = ReviewStore.Open(_store, TimeProvider.System);
        var decision = store.FindTask("m1", ReviewKind.ItemQa)!.Assignments[0].Decision!;
        Assert.Equal(("two answers fit", false), (decision.Comment, decision.Pass));
    }

    [Fact]
    public async Task A_bad_row_is_named_with_file_row_and_field_and_nothing_is_applied()
    {
        var jsonl = _dir.File("review.jsonl");
        Assert.Equal(0, (await CliHarness.RunAsync("review", "export", "--store", _store, "--out", jsonl)).Exit);
        var lines = await File.ReadAllLinesAsync(jsonl);
        lines[0] = lines[0].Replace("\"natural\":\"\"", "\"natural\":\"pass\"", StringComparison.Ordinal)
            .Replace("\"clinically_valid\":\"\"", "\"clinically_valid\":\"pass\"", StringComparison.Ordinal)
            .Replace("\"answer_correct\":\"\"", "\"answer_correct\":\"pass\"", StringComparison.Ordinal)
            .Replace("\"distractors_plausible\":\"\"", "\"distractors_plausible\":\"pass\"", StringComparison.Ordinal);
        lines[2] = lines[2].Replace("\"reviewer\":\"", "\"reviewer\":\"someone-else-", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(jsonl, lines);

        var (exit, output) = await CliHarness.RunAsync("review", "import", "--store", _store, "--in", jsonl);
        Assert.Equal(2, exit);
        Assert.Contains("review.jsonl: row 3: field 'reviewer'", output);
        using var store = ReviewStore.Open(_store, TimeProvider.System);
        Assert.All(store.Tasks(), t => Assert.Equal(0, t.DecisionCount));
    }

    [Fact]
    public async Task Missing_store_and_wrong_extension_are_usage_errors()
    {
        var (exit, output) = await CliHarness.RunAsync("review", "serve", "--store", _dir.File("nope.db"));
        Assert.Equal(2, exit);
        Assert.Contains("no review store there", output);
        (exit, output) = await CliHarness.RunAsync("review", "export", "--store", _store, "--out", _dir.File("x.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("must end in .csv or .jsonl", output);
        var notSqlite = _dir.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, "this is not a database, just text that is long enough to have a header");
        (exit, output) = await CliHarness.RunAsync("review", "export", "--store", notSqlite, "--out", _dir.File("x.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("not a review store", output);
        (exit, output) = await CliHarness.RunAsync("review", "enqueue", "--store", _dir.File("new.db"), "--pool", _dir.File("none.parquet"), "--reviewers", "dr-a,dr-b");
        Assert.Equal(2, exit);
        Assert.Contains("--reviewers: 2 given", output);
    }

    [Fact]
    public async Task Add_reviewer_prints_a_token_once_and_keeps_only_its_salted_hash()
    {
        var (exit, output) = await CliHarness.RunAsync("review", "add-reviewer", "dr-li", "--store", _store);
        Assert.Equal(0, exit);
        var token = System.Text.RegularExpressions.Regex.Match(output, "crv_[A-Za-z0-9_-]{43}").Value;
        Assert.NotEmpty(token);
        Assert.Contains("shown once", output);

        using (var store = ReviewStore.Open(_store, TimeProvider.System))
        {
            Assert.Equal("dr-li", store.ReviewerOfToken(token));
            Assert.Null(store.ReviewerOfToken(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        }

        // Neither the token nor its unsalted hash is anywhere in the store's files.
        var unsalted = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_store)!, "review.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(token, System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(unsalted));
        }

        // Issuing again replaces the token; revoking ends it.
        (exit, output) = await CliHarness.RunAsync("review", "add-reviewer", "dr-li", "--store", _store);
        var second = System.Text.RegularExpressions.Regex.Match(output, "crv_[A-Za-z0-9_-]{43}").Value;
        using (var store = ReviewStore.Open(_store, TimeProvider.System))
        {
            Assert.Null(store.ReviewerOfToken(token));
            Assert.Equal("dr-li", store.ReviewerOfToken(second));
        }

        Assert.Equal(0, (await CliHarness.RunAsync("review", "revoke", "dr-li", "--store", _store)).Exit);
        using (var store = ReviewStore.Open(_store, TimeProvider.System))
        {
            Assert.Null(store.ReviewerOfToken(second));
        }

        (exit, output) = await CliHarness.RunAsync("review", "add-reviewer", "dr-zhou", "--store", _store);
        Assert.Equal(0, exit);
        Assert.Contains("dr-zhou is not among this store's reviewers", output);
        (exit, output) = await CliHarness.RunAsync("review", "add-reviewer", "a,b", "--store", _store);
        Assert.Equal(2, exit);
        Assert.Contains("without commas", output);
    }
}
