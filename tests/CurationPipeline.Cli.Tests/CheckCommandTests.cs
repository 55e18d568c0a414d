using System.Text.Json;
using CurationPipeline.Items;
using CurationPipeline.Testing;
using CurationPipeline.Verification;

namespace CurationPipeline.Cli.Tests;

/// <summary>One run of the bundled pipeline (20 records per source), checked as written and with its Parquet files tampered.</summary>
public sealed class CheckedRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    public CheckedRun()
    {
        Folder = _dir.File("mlb");
        (Exit, Output) = CliHarness.RunAsync("run", CliHarness.RepoFile("pipelines/mlb.yaml"), "--out", Folder, "--limit", "20").GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public int Exit { get; }

    public string Output { get; }

    /// <summary>A copy of the run folder to tamper with.</summary>
    public string Copy(TempDirectory into)
    {
        var target = into.File("copy");
        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal) && !f.Contains(".db-", StringComparison.Ordinal)))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class CheckCommandTests(CheckedRun run) : IClassFixture<CheckedRun>
{
    [Fact]
    public async Task The_run_checks_itself_and_passes_with_zero_violations()
    {
        Assert.Equal(0, run.Exit);
        Assert.Contains("check: ok, no violation", run.Output, StringComparison.Ordinal);
        var report = await OutputChecker.CheckRunAsync(run.Folder);
        Assert.True(report.Ok, string.Join("\n", report.Checks.SelectMany(c => c.First)));
        // Every check looked at something: a check that saw nothing proves nothing.
        Assert.All(report.Checks, c => Assert.True(c.Checked > 0, c.Name));

        var (exit, output) = await CliHarness.RunAsync("check", run.Folder);
        Assert.Equal(0, exit);
        foreach (var name in new[] { "ids", "multiple-choice", "extraction", "departments", "difficulty", "personal data", "rubric", "answer leak", "split sizes", "card", "pool" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_P3_answer_that_disagrees_with_its_entities_fails_naming_the_item()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAEESymp");
        var id = await FirstIdAsync(split);
        // The defect this check exists for: an answer text rendered before the spans moved.
        await TamperAsync(split, $"* REPLACE (CASE WHEN id = {DuckDb.Literal(id)} THEN '发热 [0,2)' ELSE answer END AS answer)");

        await AssertFailsAsync(folder, "extraction", $"MAEESymp {id}: the answer is not the rendering of the entities");
    }

    [Fact]
    public async Task A_span_moved_off_its_text_fails_naming_the_item()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAEEDisease");
        var rows = await DuckDb.QueryAsync($"SELECT id, entities FROM {DuckDb.Literal(split)} LIMIT 1");
        var id = rows[0].GetProperty("id").GetString()!;
        var entities = JsonSerializer.Deserialize<List<GoldEntity>>(rows[0].GetProperty("entities").GetString()!, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        var shifted = entities.Select((e, i) => i == 0 ? e with { Start = e.Start + 1, End = e.End + 1 } : e).ToList();
        var json = JsonSerializer.Serialize(shifted.Select(e => new { type = e.Type, text = e.Text, start = e.Start, end = e.End }), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await TamperAsync(split, $"* REPLACE (CASE WHEN id = {DuckDb.Literal(id)} THEN {DuckDb.Literal(json)} ELSE entities END AS entities)");

        await AssertFailsAsync(folder, "extraction", $"MAEEDisease {id}: entity 1 [{shifted[0].Start},{shifted[0].End}) does not hold its text");
    }

    [Fact]
    public async Task A_split_missing_a_row_fails_naming_the_dataset()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAExam");
        var id = await FirstIdAsync(split);
        var before = (await DuckDb.QueryAsync($"SELECT count(*) AS n FROM {DuckDb.Literal(split)}"))[0].GetProperty("n").ToString();
        await TamperAsync(split, "*", $"WHERE id <> {DuckDb.Literal(id)}");

        var declared = int.Parse(before, System.Globalization.CultureInfo.InvariantCulture);
        await AssertFailsAsync(folder, "split sizes", $"MAExam: {declared - 1} rows, run.json says {declared}");
    }

    [Fact]
    public async Task A_department_outside_the_catalogue_or_beside_No_Department_fails_naming_the_item()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAGuidance");
        var ids = (await DuckDb.QueryAsync($"SELECT id FROM {DuckDb.Literal(split)} ORDER BY id LIMIT 2")).Select(r => r.GetProperty("id").GetString()!).ToList();
        await TamperAsync(split, $"* REPLACE (CASE WHEN id = {DuckDb.Literal(ids[0])} THEN ['Dermatology', 'Astrology'] WHEN id = {DuckDb.Literal(ids[1])} THEN ['No Department', 'Dermatology'] ELSE departments END AS departments)");

        var report = await AssertFailsAsync(folder, "departments", $"MAGuidance {ids[0]}: 'Astrology' is not in the department catalogue");
        Assert.Contains($"MAGuidance {ids[1]}: 'No Department' beside other departments", report["departments"].First);
        Assert.Equal(2, report["departments"].Violations);
    }

    [Fact]
    public async Task A_tampered_multiple_choice_answer_fails_naming_the_item()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAExam");
        var id = await FirstIdAsync(split);
        await TamperAsync(split, $"* REPLACE (CASE WHEN id = {DuckDb.Literal(id)} THEN 'F' ELSE answer END AS answer)");

        await AssertFailsAsync(folder, "multiple-choice", $"MAExam {id}: the answer is not option letters A to E");
    }

    [Fact]
    public async Task A_reference_answer_copied_into_its_question_fails_naming_the_item()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MADiagnosis");
        var id = await FirstIdAsync(split);
        await TamperAsync(split, $"* REPLACE (CASE WHEN id = {DuckDb.Literal(id)} THEN question || answer ELSE question END AS question)");

        await AssertFailsAsync(folder, "answer leak", $"MADiagnosis {id}: the answer stands in the question");
    }

    [Fact]
    public async Task An_incomplete_or_unreadable_folder_exits_2()
    {
        using var dir = new TempDirectory();
        var folder = run.Copy(dir);
        var split = Split(folder, "MAExam");
        var bytes = await File.ReadAllBytesAsync(split);
        await File.WriteAllBytesAsync(split, bytes[..(bytes.Length / 2)]);
        var (exit, output) = await CliHarness.RunAsync("check", folder);
        Assert.Equal(2, exit);
        Assert.Contains("test-00000-of-00001.parquet", output, StringComparison.Ordinal);

        File.Delete(Path.Combine(folder, "run.json"));
        (exit, output) = await CliHarness.RunAsync("check", folder);
        Assert.Equal(2, exit);
        Assert.Contains("no run.json", output, StringComparison.Ordinal);
    }

    private static string Split(string folder, string dataset) => Path.Combine(folder, "data", dataset, "test-00000-of-00001.parquet");

    private static async Task<string> FirstIdAsync(string split) =>
        (await DuckDb.QueryAsync($"SELECT min(id) AS id FROM {DuckDb.Literal(split)}"))[0].GetProperty("id").GetString()!;

    /// <summary>Rewrites a split with DuckDB (a Parquet writer independent of the project's), selecting <paramref name="columns"/>.</summary>
    private static async Task TamperAsync(string split, string columns, string where = "")
    {
        var tampered = split + ".tampered";
        await DuckDb.QueryAsync($"COPY (SELECT {columns} FROM {DuckDb.Literal(split)} {where}) TO {DuckDb.Literal(tampered)} (FORMAT parquet)");
        File.Move(tampered, split, overwrite: true);
    }

    private static async Task<CheckReport> AssertFailsAsync(string folder, string check, string offender)
    {
        var report = await OutputChecker.CheckRunAsync(folder);
        Assert.False(report.Ok);
        Assert.Contains(offender, report[check].First);
        Assert.Equal(report[check].Violations, report.Violations);
        var (exit, output) = await CliHarness.RunAsync("check", folder);
        Assert.Equal(1, exit);
        Assert.Contains($"{report.Violations} violation(s)", output, StringComparison.Ordinal);
        return report;
    }
}
