using System.CommandLine;
using System.Globalization;
using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Splits;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate relabel`: difficulty recomputed from the calibration table with other thresholds, without calling any model.</summary>
internal static class RelabelCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var calibration = new Option<FileInfo>("--calibration") { Description = "calibration.parquet of a run.", Required = true };
        var pool = new Option<string?>("--pool") { Description = "Pool to relabel (file or run folder); with --out, writes the relabelled pool." };
        var output = new Option<FileInfo?>("--out") { Description = "Relabelled pool Parquet file." };
        var f1 = new Option<double>("--f1") { Description = "Micro-F1 above which an extraction answer is correct.", DefaultValueFactory = _ => PaperConstants.F1Correct };
        var easy = new Option<double>("--easy-score") { Description = "Mean score above which a judged item is Easy.", DefaultValueFactory = _ => PaperConstants.EasyScore };
        var medium = new Option<double>("--medium-score") { Description = "Mean score from which a judged item is Medium.", DefaultValueFactory = _ => PaperConstants.MediumScore };
        var gap = new Option<double>("--gap") { Description = "Score gap above which two judges disagree.", DefaultValueFactory = _ => PaperConstants.DisputeGap };
        var easyCorrect = new Option<int?>("--easy-correct") { Description = "Models correct for Easy (default: the whole panel)." };
        var mediumCorrect = new Option<int?>("--medium-correct") { Description = "Models correct for Medium (default: the panel less one)." };
        var policy = new Option<string>("--policy") { Description = "required or recorded: what an unsettled dispute does.", DefaultValueFactory = _ => ConfigNames.Of(ReviewPolicy.Recorded) };
        policy.AcceptOnlyFromAmong([.. ConfigNames.All<ReviewPolicy>()]);
        var command = new Command("relabel", "Recompute difficulty from a run's calibration table with other thresholds; no model is called.")
        {
            calibration, pool, output, f1, easy, medium, gap, easyCorrect, mediumCorrect, policy,
        };
        command.SetAction(async (parse, ct) =>
        {
            var table = parse.GetValue(calibration)!;
            if (!table.Exists)
            {
                throw new FileNotFoundException($"{table.FullName}: file not found");
            }

            var thresholds = new CalibrationThresholds
            {
                F1Correct = parse.GetValue(f1),
                EasyScore = parse.GetValue(easy),
                MediumScore = parse.GetValue(medium),
                DisputeGap = parse.GetValue(gap),
                EasyCorrect = parse.GetValue(easyCorrect),
                MediumCorrect = parse.GetValue(mediumCorrect),
            };
            try
            {
                thresholds.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var labels = await Relabel.RunAsync(table.FullName, thresholds, ConfigNames.Parse<ReviewPolicy>(parse.GetValue(policy)), ct);
            var summary = new Table().AddColumns("dataset", "Hard", "Medium", "Easy", "pending");
            foreach (var group in labels.GroupBy(l => l.Dataset).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                string Count(Func<RelabelledItem, bool> f) => group.Count(f).ToString(CultureInfo.InvariantCulture);
                summary.AddRow(group.Key, Count(l => l.Label.Level == Difficulty.Hard), Count(l => l.Label.Level == Difficulty.Medium),
                    Count(l => l.Label.Level == Difficulty.Easy), Count(l => l.Label.State == DifficultyState.PendingHuman));
            }

            console.Write(summary);
            if (parse.GetValue(pool) is { } poolPath && parse.GetValue(output) is { } outFile)
            {
                var byId = labels.ToDictionary(l => l.ItemId, StringComparer.Ordinal);
                var rows = new List<ItemRow>();
                await foreach (var item in PoolReader.ReadItemsAsync(PoolReader.Resolve(poolPath), cancellationToken: ct))
                {
                    var relabelled = byId.TryGetValue(item.Id, out var l)
                        ? item with { Difficulty = l.Label, Flags = l.DisputeUnsettled ? item.WithFlag(CalibrationStage.DisputeUnsettledFlag).Flags : [.. item.Flags.Where(f => f != CalibrationStage.DisputeUnsettledFlag)] }
                        : item;
                    rows.Add(ItemRow.From(relabelled));
                }

                await ParquetSerializer.WriteAsync(outFile.FullName, rows, cancellationToken: ct);
                console.MarkupLineInterpolated($"wrote {rows.Count} items to {outFile.FullName}; sample it with `curate sample --pool {outFile.FullName}`");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
