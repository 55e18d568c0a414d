using System.Diagnostics;
using System.Text.Json;
using CurationPipeline.Evaluation;
using CurationPipeline.Reporting.Html;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Evaluation;

/// <summary>The report page opened in headless Debian chromium (playwright-core through Node).</summary>
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

        var result = await RenderAsync(await Chromium.EnsureInstalledAsync(), html, png);

        var text = result.GetProperty("text").GetString()!;
        Assert.Contains("kimi-like", text, StringComparison.Ordinal);
        Assert.Contains("llama-like", text, StringComparison.Ordinal);
        Assert.Contains("80.00", text, StringComparison.Ordinal);
        Assert.Contains("30.00", text, StringComparison.Ordinal);
        Assert.Contains("Evaluation <test> & report", text, StringComparison.Ordinal);
        Assert.Contains("SmartCare", text, StringComparison.Ordinal);
        Assert.True(result.GetProperty("charts").GetInt32() >= 3, "bars, radar and difficulty charts");
        Assert.Equal(10 + 2, result.GetProperty("bars").GetInt32());   // 5 dimensions x 2 models, 1 difficulty x 2 models
        Assert.Equal(0, result.GetProperty("scripts").GetInt32());
        Assert.Equal(0, result.GetProperty("outside").GetArrayLength());
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 5000, $"screenshot has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    private static async Task<JsonElement> RenderAsync(string chromium, string html, string png)
    {
        var psi = new ProcessStartInfo("node", [Path.Combine(Interop.Directory, "report-render.mjs"), chromium, html, png])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Interop.Directory,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "report-render.mjs failed: " + await stderr);
        using var doc = JsonDocument.Parse(await stdout);
        return doc.RootElement.Clone();
    }
}
