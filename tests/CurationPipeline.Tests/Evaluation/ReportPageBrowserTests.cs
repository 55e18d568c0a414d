using CurationPipeline.Evaluation;
using CurationPipeline.Testing;
using Microsoft.Playwright;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>The report page opened in headless Debian chromium (Microsoft.Playwright).</summary>
public sealed class ReportPageBrowserTests
{
    [Fact]
    public async Task The_page_shows_the_models_and_their_figures_offline_and_renders_to_a_png()
    {
        var rows = new List<ResultRow>();
        foreach (var (model, score) in new[] { ("kimi-like", 0.8), ("llama-like", 0.3) })
        {
            foreach (var (dim, dataset) in new[] { ("MedKQA", "MAExam"), ("MedSE", "MAEthic"), ("MedRU", "MAEESymp"), ("SmartServ", "MAGuidance"), ("SmartCare", "MADiagnosis") })
            {
                rows.Add(new ResultRow { ItemId = dataset + "-1", Model = model, Engine = "llm:" + model, Dataset = dataset, SecondaryDimension = dim, Scoring = "judge", FinalScore = score, Difficulty = "Hard", Departments = ["Cardiology"] });
            }
        }

        var summary = EvaluationSummary.From(rows, 0);
        using var dir = new TempDirectory();
        var html = dir.File("report.html");
        await File.WriteAllTextAsync(html, ReportPage.Render(summary, "Evaluation <test> & report"));
        var png = dir.File("report.png");

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        // The page must need nothing from outside: every request but the page itself is refused and noted.
        var url = new Uri(html).AbsoluteUri;
        var outside = new List<string>();
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url == url)
            {
                return route.ContinueAsync();
            }

            outside.Add(route.Request.Url);
            return route.AbortAsync();
        });
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        var charts = await page.Locator("svg").CountAsync();
        var bars = await page.Locator("svg rect.bar").CountAsync();
        var scripts = await page.Locator("script").CountAsync();
        await page.ScreenshotAsync(new() { Path = png, FullPage = true });

        Assert.Contains("kimi-like", text, StringComparison.Ordinal);
        Assert.Contains("llama-like", text, StringComparison.Ordinal);
        Assert.Contains("80.00", text, StringComparison.Ordinal);
        Assert.Contains("30.00", text, StringComparison.Ordinal);
        Assert.Contains("Evaluation <test> & report", text, StringComparison.Ordinal);
        Assert.Contains("SmartCare", text, StringComparison.Ordinal);
        Assert.True(charts >= 3, "bars, radar and difficulty charts");
        Assert.Equal(10 + 2, bars);   // 5 dimensions x 2 models, 1 difficulty x 2 models
        Assert.Equal(0, scripts);
        Assert.Empty(outside);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 5000, $"screenshot has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
