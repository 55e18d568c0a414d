using System.CommandLine;
using System.Globalization;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Deidentification;
using CurationPipeline.IO;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate deid`: de-identify a JSONL file, or measure recall and precision against gold spans.</summary>
internal static class DeidCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var input = new Option<FileInfo?>("--in") { Description = "JSONL file of records with a text field; other fields are kept." };
        var output = new Option<FileInfo?>("--out") { Description = "De-identified JSONL (with --in), or the evaluation report's base name (with --gold)." };
        var gold = new Option<FileInfo?>("--gold") { Description = "Gold notes (JSONL from `curate synth phi-notes`, or the presidio synthetic set with --gold-format presidio): report recall and precision." };
        var goldFormat = new Option<string>("--gold-format") { Description = "gold (this project's JSONL) or presidio.", DefaultValueFactory = _ => "gold" };
        goldFormat.AcceptOnlyFromAmong("gold", "presidio");
        var mode = new Option<string>("--mode") { Description = "surrogate (realistic replacements) or mask ([NAME] tags).", DefaultValueFactory = _ => ConfigNames.Of(DeidentificationMode.Surrogate) };
        mode.AcceptOnlyFromAmong([.. ConfigNames.All<DeidentificationMode>()]);
        var textField = new Option<string>("--text-field") { Description = "Field holding the text.", DefaultValueFactory = _ => "text" };
        var patientField = new Option<string>("--patient-field") { Description = "Field keying per-patient consistency.", DefaultValueFactory = _ => "patient_id" };
        var command = new Command("deid", "De-identify clinical text (Chinese and English) before any model sees it, or measure de-identification against gold spans. The surrogate secret comes from CURATE_DEID_SECRET.")
        {
            input, output, gold, goldFormat, mode, textField, patientField,
        };
        command.SetAction(async (parse, ct) =>
        {
            var deid = new Deidentifier(DeidentificationSetup.Options(ConfigNames.Parse<DeidentificationMode>(parse.GetValue(mode)), DeidentificationSection.DefaultSecretEnv));
            if (parse.GetValue(gold) is { } goldFile)
            {
                return await EvaluateAsync(console, deid, goldFile, parse.GetValue(goldFormat)!, parse.GetValue(output), ct);
            }

            var inFile = parse.GetValue(input) ?? throw new UsageException("give --in FILE --out FILE to de-identify, or --gold FILE to measure");
            var outFile = parse.GetValue(output) ?? throw new UsageException("--out FILE is required with --in");
            if (!inFile.Exists)
            {
                throw new FileNotFoundException($"{inFile.FullName}: file not found");
            }

            var summary = await JsonlDeidentification.RunAsync(inFile.FullName, outFile.FullName, deid, new JsonlDeidOptions
            {
                TextField = parse.GetValue(textField)!,
                PatientKeyField = parse.GetValue(patientField)!,
                Source = inFile.Name,
            }, ct);
            var table = new Table().AddColumns("category", "found");
            foreach (var (category, n) in summary.Found.OrderByDescending(kv => kv.Value))
            {
                table.AddRow(category.ToString(), n.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
            foreach (var reject in summary.Rejects.Take(20))
            {
                errors.Warning($"{inFile.Name}: line {reject.Line}: {reject.Reason}");
            }

            console.MarkupLineInterpolated($"{summary.LinesRead} lines read, {summary.Written} written to {outFile.FullName}, {summary.WithFindings} with personal data found, {summary.Rejects.Count} rejected");
            return summary.Rejects.Count > 0 ? ExitCodes.TooManyRejects : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> EvaluateAsync(IAnsiConsole console, Deidentifier deid, FileInfo goldFile, string format, FileInfo? output, CancellationToken ct)
    {
        if (!goldFile.Exists)
        {
            throw new FileNotFoundException($"{goldFile.FullName}: file not found");
        }

        var notes = format == "presidio" ? PresidioSynthReader.Read(goldFile.FullName) : await GoldNoteJsonl.ReadAsync(goldFile.FullName, ct);
        var report = DeidEvaluation.Evaluate(deid, notes);
        console.WriteLine(report.ToMarkdown());
        if (output is not null)
        {
            var stem = Path.Combine(output.DirectoryName ?? ".", Path.GetFileNameWithoutExtension(output.Name));
            await AtomicFile.WriteAllTextAsync(stem + ".md", report.ToMarkdown(), ct);
            await AtomicFile.WriteAllTextAsync(stem + ".json", report.ToJson(), ct);
            console.MarkupLineInterpolated($"wrote {stem}.md and {stem}.json");
        }

        return ExitCodes.Success;
    }
}
