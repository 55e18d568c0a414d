using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Calibration;
using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Sampling;
using CurationPipeline.Testing;
using Spectre.Console;

namespace CurationPipeline.Cli.Tests.Review;

/// <summary>
/// The review page end to end: `curate review serve` on a loopback port, headless Debian chromium driven by
/// playwright-core (tests/interop/review-page.mjs) reviewing items of every kind, then the store is checked.
/// </summary>
public sealed partial class ReviewPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reviewers_decide_every_kind_of_task_on_the_page_and_required_sampling_takes_the_approved()
    {
        var storePath = _dir.File("review.db");
        var items = ReviewFixtures.Items();
        using (var store = ReviewStore.Open(storePath, TimeProvider.System))
        {
            var stage = new ReviewStage(store, ReviewFixtures.Reviewers, ReviewPolicy.Required);
            foreach (var item in items)
            {
                Assert.Equal(ReviewStatus.Unreviewed, (await stage.ProcessAsync(item)).Review);
            }

            stage.AddDisputes([new CalibrationDispute("o1", "MedSafety", "model-3", "Double the dose tonight.", "judge-1", 0.9, "judge-2", 0.2)]);
        }

        var plan = new Dictionary<string, object>
        {
            ["m1"] = "pass",
            ["m2"] = new Dictionary<string, string> { ["1"] = "pass", ["2"] = "fail", ["3"] = "pass" },
            ["m3"] = new Dictionary<string, string> { ["1"] = "fail", ["2"] = "revise" },
            ["revision-of:m3"] = "pass",
            ["m4"] = new Dictionary<string, string> { ["1"] = "fail", ["2"] = "pass", ["3"] = "fail" },
            ["o1"] = "pass",
            ["o1#calibration-dispute"] = 0.4,
            ["p1"] = new Dictionary<string, object>
            {
                ["1"] = new { remove = new[] { "metformin" }, add = new[] { new[] { "aspirin", "drug" } } },
                ["2"] = new { add = new[] { new[] { "metformin", "drug" } } },
            },
        };

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = new SyncWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 240;
        var serve = CurateApp.InvokeAsync(["review", "serve", "--store", storePath, "--port", "0"], console, console, cts.Token);
        var url = await WaitForUrl(output, serve);
        var result = await RunScript(url, plan, cts.Token);
        await cts.CancelAsync();
        Assert.Equal(0, await serve);

        var done = result.GetProperty("done").EnumerateArray().ToList();
        Assert.Contains(done, d => d.GetProperty("item").GetString() == "m2" && d.GetProperty("slot").GetInt32() == 3);
        Assert.Contains(done, d => d.GetProperty("kind").GetString() == "calibration-dispute");

        using var check = ReviewStore.Open(storePath, TimeProvider.System);
        Assert.All(check.Tasks(), t => Assert.NotEqual(TaskOutcome.Open, t.Outcome));
        var m2 = check.FindTask("m2", ReviewKind.ItemQa)!;
        Assert.Equal(3, m2.DecisionCount);
        Assert.Equal(3, m2.Assignments.Select(a => a.Reviewer).Distinct().Count());
        Assert.Equal(TaskOutcome.Approved, m2.Outcome);
        Assert.Equal(TaskOutcome.Rejected, check.FindTask("m4", ReviewKind.ItemQa)!.Outcome);
        var m3 = check.FindTask("m3", ReviewKind.ItemQa)!;
        Assert.Equal("answer is not supported by the source", m3.Assignments[0].Decision!.Comment);
        Assert.False(m3.Assignments[0].Decision!.Verdicts.Single(v => v.Criterion == ReviewCriteria.AnswerCorrect).Pass);
        Assert.Equal(TaskOutcome.Revised, m3.Outcome);
        var (m3Status, m3Now) = check.ReviewOf("m3");
        Assert.Equal(ReviewStatus.Approved, m3Status);
        Assert.NotEqual("m3", m3Now!.Id);
        Assert.Equal("Insulin glargine at bedtime", m3Now.Options[1]);
        Assert.Equal(("m3", 2), (check.FindTask(m3Now.Id, ReviewKind.ItemQa)!.RevisionOf, check.FindTask(m3Now.Id, ReviewKind.ItemQa)!.Round));
        Assert.Equal(ReviewStatus.Approved, check.ReviewOf("o1").Status);
        Assert.Equal(0.4, check.SettledScore(ReviewKind.CalibrationDispute, "o1", "model-3"));

        var (p1Status, p1) = check.ReviewOf("p1");
        Assert.Equal(ReviewStatus.Approved, p1Status);
        var note = p1!.Context!;
        Assert.Equal(["diabetes", "aspirin", "metformin"], p1.Entities.Select(e => e.Text));
        Assert.All(p1.Entities, e => Assert.Equal(e.Text, note[e.Start!.Value..e.End!.Value]));

        var stageAgain = new ReviewStage(check, ReviewFixtures.Reviewers, ReviewPolicy.Required);
        var reviewed = new List<BenchmarkItem>();
        foreach (var item in items)
        {
            reviewed.Add(await stageAgain.ProcessAsync(item));
        }

        Assert.Equal(8, check.Tasks().Count);
        Assert.False(reviewed.Single(i => i.Id == "p1").HasFlag("prelabel"));
        var candidates = reviewed.Select(SampleCandidate.From).ToList();
        var sampler = new StratifiedSampler();
        var exam = sampler.Sample(candidates, new SamplingSpec("MedExam", 4, new DifficultyRatio(0, 1, 0), [], ReviewPolicy.Required), 11);
        Assert.Equal(new[] { "m1", "m2", m3Now.Id }.Order(), exam.SelectedIds.Order());
        var record = sampler.Sample(candidates, new SamplingSpec("MedRecord", 1, new DifficultyRatio(0, 1, 0), [], ReviewPolicy.Required), 11);
        Assert.Equal(["p1"], record.SelectedIds);
    }

    private static async Task<Uri> WaitForUrl(SyncWriter output, Task<int> serve)
    {
        for (var i = 0; i < 600; i++)
        {
            if (UrlPattern().Match(output.Text) is { Success: true } m)
            {
                return new Uri(m.Value);
            }

            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"serve ended early: {output.Text}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no review page address printed: {output.Text}");
    }

    private static async Task<JsonElement> RunScript(Uri url, object plan, CancellationToken ct)
    {
        var input = JsonSerializer.Serialize(new { url = url.ToString(), executablePath = await Chromium.EnsureInstalledAsync(), args = Chromium.HeadlessArguments, plan });
        var start = new ProcessStartInfo("node", [Path.Combine(Interop.Directory, "review-page.mjs")])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Interop.Directory,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input.AsMemory(), ct);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"review-page.mjs failed: {await stderr}");
        using var doc = JsonDocument.Parse(await stdout);
        return doc.RootElement.Clone();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();

    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate)
            {
                base.Write(buffer, index, count);
            }
        }
    }
}
