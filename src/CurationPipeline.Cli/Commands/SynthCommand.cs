using System.CommandLine;
using CurationPipeline.Deidentification;
using CurationPipeline.Reference;
using CurationPipeline.Synthesis;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate synth KIND`: synthetic raw inputs at any scale, for demos, tests and load.</summary>
internal static class SynthCommand
{
    /// <summary>Notes with planted personal data and their gold spans, for measuring de-identification.</summary>
    private const string PhiNotes = "phi-notes";

    public static Command Create(IAnsiConsole console)
    {
        var kinds = RawSynthesizer.Kinds.Append(PhiNotes).ToArray();
        var kind = new Argument<string>("kind") { Description = $"What to synthesise: {string.Join(", ", kinds)}." };
        kind.AcceptOnlyFromAmong(kinds);
        var count = new Option<int>("--count") { Description = "Number of records.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write <kind>.jsonl (cnmle: cnmle.csv, CMExam's columns) into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var knowledge = new Option<DirectoryInfo?>("--knowledge") { Description = "Knowledge tables the records are drawn from (default: ./raw/knowledge when it exists, else the bundled ones)." };
        var language = new Option<string>("--language", "--lang") { Description = "For phi-notes: zh, en or mixed.", DefaultValueFactory = _ => "mixed" };
        language.AcceptOnlyFromAmong("zh", "en", "mixed");
        var templates = new Option<string>("--templates") { Description = "For phi-notes: development (what the recognisers are tuned on) or held-out (templates and surnames kept out of development).", DefaultValueFactory = _ => "development" };
        templates.AcceptOnlyFromAmong("development", "held-out");
        var surnames = new Option<string>("--surnames") { Description = "For phi-notes: realistic (surnames at their frequency) or stress (a third compound, a third rare).", DefaultValueFactory = _ => "realistic" };
        surnames.AcceptOnlyFromAmong("realistic", "stress");
        var command = new Command("synth", "Synthesise raw inputs (reports, EHR notes, dialogues, inpatient bundles, the maturity scenarios' records) with planted personal data, or gold-annotated notes for measuring de-identification.")
        {
            kind, count, output, seed, knowledge, language, templates, surnames,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            if (n < 1)
            {
                throw new UsageException("--count must be at least 1");
            }

            var what = parse.GetValue(kind)!;
            var outDir = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, what == PhiNotes ? what + ".jsonl" : RawSynthesizer.FileName(what));
            if (what == PhiNotes)
            {
                var set = parse.GetValue(templates) == "held-out" ? PhiTemplateSet.HeldOut : PhiTemplateSet.Development;
                var rate = parse.GetValue(surnames) == "stress" ? SurnameRate.Stress : SurnameRate.Realistic;
                var notes = new PhiNoteSynthesizer(parse.GetValue(seed), set, rate).Generate(n, parse.GetValue(language)!);
                await GoldNoteJsonl.WriteAsync(path, notes, ct);
            }
            else
            {
                var knowledgeDir = parse.GetValue(knowledge)?.FullName ?? Bundle.RawFolder("knowledge");
                if (!Directory.Exists(knowledgeDir))
                {
                    throw new UsageException($"knowledge tables not found at {knowledgeDir}; give --knowledge DIR");
                }

                n = await RawSynthesizer.WriteAsync(what, n, path, parse.GetValue(seed), ReferenceData.ForKnowledge(knowledgeDir), ct);
            }

            console.MarkupLineInterpolated($"wrote {n} {what} records to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
