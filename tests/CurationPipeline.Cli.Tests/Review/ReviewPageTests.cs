using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Review;
using CurationPipeline.Sampling;
using CurationPipeline.Testing;
using Microsoft.Playwright;
using Spectre.Console;

namespace CurationPipeline.Cli.Tests.Review;

/// <summary>
/// The review page end to end: `curate review serve` on a loopback port, headless Debian chromium driven through
/// Microsoft.Playwright reviewing items of every kind, then the store is checked.
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

        var tokens = await IssueTokens(storePath);

        // What each reviewer decides, by item id (a dispute: "id#kind"; a revision: "revision-of:id"); one step
        // for every slot, or one per slot in slot order.
        var plan = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["m1"] = "pass",
            ["m2"] = Slots("pass", "fail", "pass"),
            ["m3"] = Slots("fail", "revise"),
            ["revision-of:m3"] = "pass",
            ["m4"] = Slots("fail", "pass", "fail"),
            ["o1"] = "pass",
            ["o1#calibration-dispute"] = 0.4,
            ["p1"] = Slots(new EntityEdit(["metformin"], [("aspirin", "drug")]), new EntityEdit([], [("metformin", "drug")])),
        };

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = new SyncWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 240;
        var serve = CurateApp.InvokeAsync(["review", "serve", "--store", storePath, "--port", "0"], console, console, cts.Token);
        var url = await WaitForUrl(output, serve);
        var done = await ReviewOnThePage(url, plan, tokens);
        await cts.CancelAsync();
        Assert.Equal(0, await serve);

        Assert.Contains(done, d => d.Item == "m2" && d.Slot == 3);
        Assert.Contains(done, d => d.Kind == "calibration-dispute");

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

    [Fact]
    public async Task A_wrong_token_is_refused_and_a_second_submission_of_one_assignment_shows_the_conflict()
    {
        var storePath = _dir.File("review.db");
        string reviewer;
        using (var store = ReviewStore.Open(storePath, TimeProvider.System))
        {
            await new ReviewStage(store, ReviewFixtures.Reviewers, ReviewPolicy.Required).ProcessAsync(ReviewFixtures.Items()[0]);
            reviewer = store.FindTask("m1", ReviewKind.ItemQa)!.Assignments[0].Reviewer;
        }

        var tokens = await IssueTokens(storePath);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new SyncWriter();
        var serve = CurateApp.InvokeAsync(["review", "serve", "--store", storePath, "--port", "0"], CliHarness.PlainConsole(output), CliHarness.PlainConsole(output), cts.Token);
        var url = await WaitForUrl(output, serve);
        await using (var chromium = await Chromium.LaunchAsync())
        {
            var pageErrors = new List<string>();
            var stranger = await chromium.Browser.NewPageAsync();
            await stranger.GotoAsync(url.ToString());
            await stranger.WaitForSelectorAsync("body[data-ready=yes]");
            await stranger.FillAsync("#token", "crv_" + new string('A', 43));
            await stranger.PressAsync("#token", "Enter");
            await stranger.WaitForFunctionAsync("() => document.getElementById('signin-error').textContent.length > 0");
            Assert.Contains("not valid", await stranger.TextContentAsync("#signin-error"), StringComparison.Ordinal);
            Assert.False(await stranger.IsVisibleAsync("#main"));

            // The same reviewer in two windows: both show the task, the second submission is not saved and says so.
            var windows = new[] { await SignedIn(chromium.Browser, url, tokens[reviewer], reviewer, pageErrors), await SignedIn(chromium.Browser, url, tokens[reviewer], reviewer, pageErrors) };
            foreach (var w in windows)
            {
                await w.EvaluateAsync("() => document.activeElement.blur()");
                await w.Keyboard.PressAsync("n");
                await w.WaitForSelectorAsync("#task[data-item-id=m1]");
                await w.Keyboard.PressAsync("a");
            }

            await windows[0].Keyboard.PressAsync("Enter");
            await windows[0].WaitForFunctionAsync("() => (window.loads || 0) >= 2");
            Assert.Equal("", await windows[0].TextContentAsync("#error"));
            await windows[1].Keyboard.PressAsync("Enter");
            await windows[1].WaitForSelectorAsync("#error[data-conflict=yes]");
            var message = await windows[1].TextContentAsync("#error");
            Assert.Contains("Not saved", message, StringComparison.Ordinal);
            Assert.Contains("already decided", message, StringComparison.Ordinal);
            Assert.Empty(pageErrors);
        }

        await cts.CancelAsync();
        Assert.Equal(0, await serve);
        using var check = ReviewStore.Open(storePath, TimeProvider.System);
        var decided = check.FindTask("m1", ReviewKind.ItemQa)!.Assignments.Where(a => a.Decision is not null).ToList();
        Assert.Equal(reviewer, Assert.Single(decided).Reviewer);
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

    /// <summary>
    /// Every reviewer takes their next task until none is left, deciding by the plan with the page's keyboard
    /// shortcuts, click-to-correct entity marks and text selection.
    /// </summary>
    private static async Task<List<Done>> ReviewOnThePage(Uri url, Dictionary<string, object> plan, IReadOnlyDictionary<string, string> tokens)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var pageErrors = new List<string>();
        var pages = new Dictionary<string, IPage>(StringComparer.Ordinal);
        foreach (var (name, token) in tokens)
        {
            pages[name] = await SignedIn(chromium.Browser, url, token, name, pageErrors);
        }

        var reviewers = tokens.Keys.ToList();
        IPage page = null!;
        var done = new List<Done>();

        // One request to the server: waits for the page to finish loading its answer (or to show an error).
        async Task Act(Func<Task> action)
        {
            var before = await page.EvaluateAsync<int[]>("() => [window.loads || 0, window.errors || 0]");
            await action();
            await page.WaitForFunctionAsync("b => (window.loads || 0) > b[0] || (window.errors || 0) > b[1]", before);
            var error = await page.TextContentAsync("#error");
            Assert.True(string.IsNullOrEmpty(error), $"page error: {error}");
            Assert.Empty(pageErrors);
        }

        Task Blur() => page.EvaluateAsync("() => document.activeElement.blur()");

        for (var round = 0; round < 6; round++)
        {
            var any = false;
            foreach (var reviewer in reviewers)
            {
                page = pages[reviewer];
                await Blur();
                await Act(() => page.Keyboard.PressAsync("n"));
                for (var guard = 0; guard < 50; guard++)
                {
                    var task = await page.EvalOnSelectorAsync<Dictionary<string, string>>("#task", "el => ({ ...el.dataset })");
                    if (!task.TryGetValue("itemId", out var item) || item.Length == 0)
                    {
                        break;
                    }

                    any = true;
                    var kind = task["kind"];
                    var slot = int.Parse(task["slot"], CultureInfo.InvariantCulture);
                    var key = kind.EndsWith("dispute", StringComparison.Ordinal) ? $"{item}#{kind}" : item;
                    var planned = plan.GetValueOrDefault(key) ?? plan.GetValueOrDefault($"revision-of:{task.GetValueOrDefault("revisionOf")}")
                        ?? throw new InvalidOperationException($"no plan for item {item}");
                    var step = planned is object[] slots ? slots[slot - 1] : planned;
                    await Blur();
                    if (kind == "item-qa")
                    {
                        await page.Keyboard.PressAsync("a");
                        if (step is "fail")
                        {
                            await page.Keyboard.PressAsync("3");
                            await page.FillAsync("#comment", "answer is not supported by the source");
                        }
                        else if (step is "revise")
                        {
                            await page.Keyboard.PressAsync("4");
                            await page.Keyboard.PressAsync("r");
                            var options = (await page.InputValueAsync("#rev-options")).Split('\n');
                            options[1] = "Insulin glargine at bedtime";
                            await page.FillAsync("#rev-options", string.Join('\n', options));
                            await page.FillAsync("#comment", "option B was implausible");
                        }

                        await Blur();
                        await Act(() => page.Keyboard.PressAsync("Enter"));
                    }
                    else if (kind == "entities")
                    {
                        var edit = (EntityEdit)step;
                        foreach (var word in edit.Remove)
                        {
                            await page.ClickAsync($"#context mark:text-is(\"{word}\")");
                        }

                        foreach (var (word, type) in edit.Add)
                        {
                            await page.SelectOptionAsync("#entity-type", type);
                            await Blur();
                            await SelectText(page, word);
                            await page.Keyboard.PressAsync("e");
                        }

                        await Act(() => page.Keyboard.PressAsync("Enter"));
                    }
                    else
                    {
                        await page.FillAsync("#score", Convert.ToString(step, CultureInfo.InvariantCulture)!);
                        await Act(() => page.PressAsync("#score", "Enter"));
                    }

                    done.Add(new Done(reviewer, item, kind, slot));
                }
            }

            if (!any)
            {
                break;
            }
        }

        return done;
    }

    /// <summary>Issues every reviewer's token, as `curate review add-reviewer` does.</summary>
    private static async Task<Dictionary<string, string>> IssueTokens(string storePath)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ReviewFixtures.Reviewers)
        {
            var (exit, output) = await CliHarness.RunAsync("review", "add-reviewer", name, "--store", storePath);
            Assert.Equal(0, exit);
            tokens[name] = TokenPattern().Match(output).Value;
        }

        return tokens;
    }

    /// <summary>A fresh browser page (its own storage) where <paramref name="reviewer"/> pasted their token once.</summary>
    private static async Task<IPage> SignedIn(IBrowser browser, Uri url, string token, string reviewer, List<string> pageErrors)
    {
        var page = await browser.NewPageAsync();
        page.PageError += (_, e) => pageErrors.Add(e);
        page.Console += (_, m) =>
        {
            // Refusals the page shows (401, 409) are expected; anything else, a CSP violation included, is not.
            if (m.Type == "error" && !m.Text.Contains("status of 401", StringComparison.Ordinal) && !m.Text.Contains("status of 409", StringComparison.Ordinal))
            {
                pageErrors.Add($"{m.Text} ({m.Location})");
            }
        };
        await page.GotoAsync(url.ToString());
        await page.WaitForSelectorAsync("body[data-ready=yes]");
        await page.FillAsync("#token", token);
        await page.PressAsync("#token", "Enter");
        await page.WaitForSelectorAsync($"#who[data-reviewer=\"{reviewer}\"]");
        return page;
    }

    /// <summary>Selects the first occurrence of a word in the note that is not inside a mark, as a reviewer would with the mouse.</summary>
    private static Task SelectText(IPage page, string word) => page.EvaluateAsync(
        """
        w => {
          const ctx = document.getElementById("context");
          const walker = document.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.textContent.indexOf(w);
            if (i >= 0 && n.parentElement === ctx) {
              const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + w.length);
              const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return;
            }
          }
          throw new Error(`'${w}' not found unmarked in the note`);
        }
        """, word);

    private static object[] Slots(params object[] steps) => steps;

    /// <summary>An entities task's step: marks to click away, then words to select and mark with a type.</summary>
    private sealed record EntityEdit(string[] Remove, (string Word, string Type)[] Add);

    private sealed record Done(string Reviewer, string Item, string Kind, int Slot);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"crv_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();

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
