using CurationPipeline.Deidentification;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>Checks against data and software the project did not write.</summary>
public sealed class ExternalComparisonTests
{
    private const string PresidioPath = "/work/shared/data/external/presidio-synth-pii/synth_dataset_v2.json";

    [Fact]
    public void Presidio_synthetic_set_structured_identifiers_are_found_and_precision_holds()
    {
        Assert.True(File.Exists(PresidioPath), $"external data set missing: {PresidioPath}");
        var notes = PresidioSynthReader.Read(PresidioPath);
        Assert.Equal(1500, notes.Count);
        var report = DeidEvaluation.Evaluate(new Deidentifier(new DeidOptions()), notes);

        foreach (var c in new[] { PhiCategory.Email, PhiCategory.IpAddress, PhiCategory.Url, PhiCategory.IdNumber })
        {
            Assert.True(report[c]!.OverlapRecall >= 0.99, $"{c}\n{report.ToMarkdown()}");
        }

        // General, non-clinical text with international names and addresses: these are the figures reported
        // in docs/bench/deid.md, kept here as floors so that a regression shows.
        Assert.True(report[PhiCategory.Name]!.TokenRecall >= 0.45, report.ToMarkdown());
        Assert.True(report[PhiCategory.Phone]!.OverlapRecall >= 0.70, report.ToMarkdown());
        Assert.True(report.Overall.OverlapPrecision >= 0.90, report.ToMarkdown());
        Assert.True(report.Overall.TokenPrecision >= 0.90, report.ToMarkdown());
    }

    [Fact]
    public async Task Npm_redact_pii_runs_on_the_same_notes_and_leaks_more_than_this_library()
    {
        var notes = new PhiNoteSynthesizer(2024, PhiTemplateSet.HeldOut).Generate(40, "en").ToList();
        var js = await JsRedactor.RunAsync("redact-pii", [.. notes.Select(n => n.Text)]);
        Assert.Equal(notes.Count, js.Redacted.Count);
        Assert.All(js.Redacted, r => Assert.False(string.IsNullOrEmpty(r)));

        var deid = new Deidentifier(new DeidOptions { Mode = DeidMode.Mask });
        var ours = notes.Select(n => deid.Deidentify(n.Text, n.PatientId).Text).ToList();
        Assert.True(Leaked(notes, ours) < Leaked(notes, js.Redacted));
        Assert.True(Leaked(notes, ours) <= notes.Sum(n => n.Spans.Count) / 100);
    }

    private static int Leaked(List<GoldNote> notes, IReadOnlyList<string> outputs) =>
        notes.Select((n, i) => n.Spans.Count(s => outputs[i].Contains(n.Text.Substring(s.Start, s.Length), StringComparison.Ordinal))).Sum();
}
