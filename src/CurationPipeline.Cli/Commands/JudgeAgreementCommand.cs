using System.CommandLine;
using System.Globalization;
using CurationPipeline.Evaluation;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate judge-agreement`: a judge's verdicts against expert labels (Table 5), and judge training data.</summary>
internal static class JudgeAgreementCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var judge = new Option<FileInfo>("--judge") { Description = "The judge's verdicts: JSONL of {id, verdict} or {id, score}.", Required = true };
        var experts = new Option<FileInfo>("--experts") { Description = "Expert labels: JSONL of {id, verdict} or {id, score}.", Required = true };
        var name = new Option<string?>("--name") { Description = "The judge's name in the table (default: the judge file's name)." };
        var threshold = new Option<double>("--threshold") { Description = "A score at or above this is an acceptable verdict.", DefaultValueFactory = _ => 0.6 };
        var export = new Option<FileInfo?>("--export") { Description = "Write the disputed cases with the experts' decisions as chat-format JSONL for fine-tuning a judge." };
        var disputes = new Option<FileInfo?>("--disputes") { Description = "The disputes.jsonl of an evaluation (the cases to export; default: the --judge file when it is one)." };
        var command = new Command("judge-agreement", "Compare a judge's verdicts with expert labels: accuracy, precision, recall, F1 and Cohen's kappa (the paper's Table 5).")
        {
            judge, experts, name, threshold, export, disputes,
        };
        command.SetAction((parse, ct) =>
        {
            var cut = parse.GetValue(threshold);
            if (cut is < 0 or > 1)
            {
                throw new UsageException("--threshold must be within 0..1");
            }

            var judgeFile = parse.GetValue(judge)!.FullName;
            var judged = VerdictFile.Read(judgeFile, cut);
            var expert = VerdictFile.Read(parse.GetValue(experts)!.FullName, cut);
            var (metrics, onlyJudge, onlyExperts) = JudgeAgreement.Compare(judged, expert);
            if (metrics.Total == 0)
            {
                throw new UsageException($"the judge file and the expert file share no case id ({judged.Count} and {expert.Count} cases)");
            }

            var label = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(judgeFile);
            var table = new Table().AddColumns("Model", "Accuracy", "Precision", "Recall", "F1-Score", "Cohen's Kappa", "N");
            table.AddRow(Markup.Escape(label), F(metrics.Accuracy), F(metrics.Precision), F(metrics.Recall), F(metrics.F1), F(metrics.Kappa), metrics.Total.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
            console.MarkupLineInterpolated($"TP {metrics.TruePositives}, FP {metrics.FalsePositives}, FN {metrics.FalseNegatives}, TN {metrics.TrueNegatives}; {onlyJudge} case(s) only in the judge file, {onlyExperts} only in the expert file");
            if (parse.GetValue(export) is { } exportFile)
            {
                var source = parse.GetValue(disputes)?.FullName ?? judgeFile;
                var written = JudgeAgreement.ExportTraining(source, expert, exportFile.FullName);
                console.MarkupLineInterpolated($"wrote {written} training conversation(s) to {exportFile.FullName}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
