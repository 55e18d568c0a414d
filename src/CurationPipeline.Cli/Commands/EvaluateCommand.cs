using System.CommandLine;
using System.Globalization;
using CurationPipeline.Calibration;
using CurationPipeline.Composition;
using CurationPipeline.Evaluation;
using CurationPipeline.Llm;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate evaluate`: run models over a split and write results, summaries and the report page.</summary>
internal static class EvaluateCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var split = new Option<string>("--split") { Description = "A run folder (data/*/test-*.parquet), a Parquet file or folder of the item schema, or a maturity set (.yaml; `maturity` is the bundled one).", Required = true };
        var models = new Option<string>("--models") { Description = "Comma-separated endpoint or model names of the endpoints file, or offline:<solver> baselines.", Required = true };
        var endpoints = new Option<FileInfo?>("--endpoints") { Description = "Endpoints file (YAML) naming the models and judges." };
        var judges = new Option<string?>("--judges") { Description = "Two judges (endpoint names, or offline:a / offline:b), and optionally a third that settles disputes. Default: the offline scorer pair." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder: results.parquet, summary.md, summary.json, disputes.jsonl, report.html, and usage.json (model calls, tokens, cost) with --endpoints.", Required = true };
        var trials = new Option<int>("--trials") { Description = "Repeated runs per item and model; results are averaged.", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Item x model x trial units in flight (default 16; every unit at once when the endpoints file has a batch endpoint, so that batches fill).", DefaultValueFactory = _ => 16 };
        var knowledge = new Option<DirectoryInfo?>("--knowledge") { Description = "Raw folder the offline baselines read (default: ./raw when it exists, else the bundled one)." };
        var maxFailed = new Option<int>("--max-failed") { Description = "Units whose model call failed (flag call-failed, scored 0) that are tolerated; more ends with exit 1 naming them.", DefaultValueFactory = _ => 0 };
        var decisions = new Option<FileInfo?>("--decisions") { Description = "Human decisions on disputes: JSONL of {id, score} (id as in disputes.jsonl); final where given." };
        var command = new Command("evaluate", "Evaluate models on a split (three shuffled presentations per multiple-choice item, pooled micro-F1, two judges with disputes) and report as the paper's tables.")
        {
            split, models, endpoints, judges, output, trials, concurrency, knowledge, decisions, maxFailed,
        };
        var calls = new ModelCallOptions();
        calls.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var trialCount = parse.GetValue(trials);
            var parallel = parse.GetValue(concurrency);
            if (trialCount < 1 || parallel < 1)
            {
                throw new UsageException("--trials and --concurrency must be at least 1");
            }

            var outDir = parse.GetValue(output)!.FullName;
            var splitPath = Bundle.PathOrBundled(parse.GetValue(split)!);
            var items = await SplitSource.LoadAsync(splitPath, ct);
            if (items.Count == 0)
            {
                throw new UsageException($"{parse.GetValue(split)}: the split holds no items");
            }

            foreach (var item in items)
            {
                try
                {
                    Evaluator.Validate(item);
                }
                catch (Exception ex) when (ex is FormatException or Core.ItemInvalidException)
                {
                    throw new FormatException($"{parse.GetValue(split)}: {ex.Message}", ex);
                }
            }

            var endpointsPath = parse.GetValue(endpoints)?.FullName;
            var hubOptions = calls.HubOptions(parse, outDir, endpointsPath is null ? null : calls.CachePath(parse));
            if (hubOptions.Plan && endpointsPath is null)
            {
                throw new UsageException("--plan counts model calls: give --endpoints FILE (the offline baselines call no model)");
            }

            if (endpointsPath is not null && !hubOptions.Plan)
            {
                await EndpointProbe.CheckAsync(EndpointsFile.Load(endpointsPath).Endpoints, Environment.GetEnvironmentVariable, TimeSpan.FromSeconds(15), ct);
            }

            Directory.CreateDirectory(outDir);
            await using var root = CompositionRoot.Create(new CompositionOptions
            {
                RawDirectory = parse.GetValue(knowledge)?.FullName ?? Bundle.RawFolder(),
                EndpointsFile = endpointsPath,
                ModelLayer = hubOptions,
            });
            var endpointsFile = root.Endpoints;
            var modelList = Names(parse.GetValue(models)!).Select(n => Named("--models", () => root.Model(n))).ToList();
            var judgeList = Judges(parse.GetValue(judges), root);
            var hub = root.Hub;
            var human = parse.GetValue(decisions) is { } d
                ? VerdictFile.Read(d.FullName).ToDictionary(kv => kv.Key, kv => kv.Value.Score ?? (kv.Value.Acceptable ? 1.0 : 0.0), StringComparer.Ordinal)
                : new Dictionary<string, double>(StringComparer.Ordinal);

            var units = items.Count * modelList.Count * trialCount;
            if (parse.GetResult(concurrency) is null or { Implicit: true } && endpointsFile is not null && endpointsFile.Endpoints.Any(e => e.Batch))
            {
                parallel = Math.Max(parallel, Math.Min(units, 100_000)); // a batch fills only with requests waiting at once
            }

            var subject = $"evaluate {Path.GetFullPath(splitPath)} models {parse.GetValue(models)} judges {parse.GetValue(judges)} trials {trialCount}";
            errors.MarkupLineInterpolated($"{(hubOptions.Plan ? "planning" : "evaluating")} {items.Count} items x {modelList.Count} model(s) x {trialCount} trial(s) = {units} units, concurrency {parallel}; judges: {string.Join(", ", judgeList.Select(j => j.Name))}");
            var evaluator = new Evaluator(modelList, judgeList, new EvaluationOptions
            {
                Trials = trialCount,
                Concurrency = parallel,
                HumanDecisions = human,
                OnUnitDone = n =>
                {
                    if (n % 500 == 0)
                    {
                        errors.MarkupLineInterpolated($"  {n}/{units} units");
                    }
                },
            });
            if (hubOptions.Plan)
            {
                await evaluator.RunAsync(items, ct);
                CallPlan.Print(console, hub!.Usage());
                await CallPlan.WriteAsync(outDir, subject, hub.Usage(), ct);
                console.MarkupLineInterpolated($"wrote {Path.Combine(outDir, CallPlan.FileName)}");
                return ExitCodes.Success;
            }

            var work = evaluator.RunAsync(items, ct);
            if (hub is not null)
            {
                await new ModelProgress(hub, CallPlan.Read(outDir, subject)).WatchAsync(errors, work, TimeSpan.FromSeconds(10));
            }

            var result = await work;

            var summary = await EvaluationOutput.WriteAsync(outDir, result, "Evaluation of " + Path.GetFileName(Path.TrimEndingDirectorySeparator(parse.GetValue(split)!)), ct);
            var table = new Table().AddColumns(["model", "engine", "average", .. summary.Dimensions]);
            foreach (var m in summary.Models)
            {
                table.AddRow([Markup.Escape(m.Model), Markup.Escape(string.Join(", ", m.Engines)), F(m.Average), .. summary.Dimensions.Select(x => F(m.ByDimension.GetValueOrDefault(x)))]);
            }

            console.Write(table);
            if (hub is not null)
            {
                var usage = hub.Usage();
                console.WriteLine(usage.ToTable());
                console.MarkupLineInterpolated($"calls {usage.Total.Calls}, cache hits {usage.Total.CacheHits}");
                await IO.AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "usage.json"), usage.ToJson(), ct);
            }

            console.MarkupLineInterpolated($"{result.Disputes.Count} dispute(s); wrote {outDir}/results.parquet ({result.Rows.Count} rows), summary.md, summary.json, disputes.jsonl, report.html");
            return FailedCalls(result, parse.GetValue(maxFailed), errors);
        });
        return command;
    }

    /// <summary>Exit 1 when more units than <paramref name="allowed"/> failed their call, naming each (the first 20).</summary>
    private static int FailedCalls(EvaluationResult result, int allowed, IAnsiConsole errors)
    {
        var failed = result.Rows.Where(r => r.Flags.Contains("call-failed")).ToList();
        if (failed.Count <= allowed)
        {
            return ExitCodes.Success;
        }

        errors.Error($"{failed.Count} of {result.Rows.Count} units failed their model call (--max-failed {allowed}); they are scored 0 in the results:");
        foreach (var r in failed.Take(20))
        {
            errors.WriteLine($"  item {r.ItemId} ({r.Dataset}), model {r.Model}, trial {r.Trial}: {r.Error}");
        }

        if (failed.Count > 20)
        {
            errors.WriteLine($"  ... and {failed.Count - 20} more (flag call-failed in results.parquet)");
        }

        return ExitCodes.TooManyRejects;
    }

    private static IReadOnlyList<string> Names(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names
            ? names.Distinct(StringComparer.Ordinal).ToList()
            : throw new UsageException("--models names no model");

    /// <summary>The engine a name resolves to; a name the roles do not know is a usage error of <paramref name="option"/>.</summary>
    private static T Named<T>(string option, Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }

    private static IReadOnlyList<IResponseScorer> Judges(string? list, CompositionRoot root)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return root.Judges(null);
        }

        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length is < 2 or > 3)
        {
            throw new UsageException($"--judges needs two names (and optionally a third for disputes), got {names.Length}");
        }

        return Named("--judges", () => root.Judges(names));
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
