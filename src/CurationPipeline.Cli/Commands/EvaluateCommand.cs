using System.CommandLine;
using System.Globalization;
using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Offline;
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
        var decisions = new Option<FileInfo?>("--decisions") { Description = "Human decisions on disputes: JSONL of {id, score} (id as in disputes.jsonl); final where given." };
        var command = new Command("evaluate", "Evaluate models on a split (three shuffled presentations per multiple-choice item, pooled micro-F1, two judges with disputes) and report as the paper's tables.")
        {
            split, models, endpoints, judges, output, trials, concurrency, knowledge, decisions,
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
                catch (Exception ex) when (ex is FormatException or Pipeline.ItemInvalidException)
                {
                    throw new FormatException($"{parse.GetValue(split)}: {ex.Message}", ex);
                }
            }

            var endpointsFile = parse.GetValue(endpoints) is { } e ? EndpointsFile.Load(e.FullName) : null;
            var hubOptions = calls.HubOptions(parse, outDir, endpointsFile is null ? null : calls.CachePath(parse));
            if (hubOptions.Plan && endpointsFile is null)
            {
                throw new UsageException("--plan counts model calls: give --endpoints FILE (the offline baselines call no model)");
            }

            Directory.CreateDirectory(outDir);
            await using var hub = endpointsFile is null ? null : ModelHub.Create(endpointsFile, hubOptions);
            var rawDir = parse.GetValue(knowledge)?.FullName ?? Bundle.RawFolder();
            var panel = new Lazy<IReadOnlyList<ICalibrationSolver>>(() => OfflinePanel.Create(rawDir));
            var modelList = Names(parse.GetValue(models)!).Select(n => ResolveModel(n, panel, hub, endpointsFile)).ToList();
            var judgeList = ResolveJudges(parse.GetValue(judges), hub, endpointsFile);
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
                await Pipeline.AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "usage.json"), usage.ToJson(), ct);
            }

            console.MarkupLineInterpolated($"{result.Disputes.Count} dispute(s); wrote {outDir}/results.parquet ({result.Rows.Count} rows), summary.md, summary.json, disputes.jsonl, report.html");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<string> Names(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names
            ? names.Distinct(StringComparer.Ordinal).ToList()
            : throw new UsageException("--models names no model");

    private static IEvaluatedModel ResolveModel(string name, Lazy<IReadOnlyList<ICalibrationSolver>> panel, ModelHub? hub, EndpointsFile? file)
    {
        if (name.StartsWith("offline:", StringComparison.Ordinal))
        {
            var solver = panel.Value.FirstOrDefault(s => s.Name == name)
                ?? throw new UsageException($"--models: no offline baseline '{name}' (known: {string.Join(", ", panel.Value.Select(s => s.Name))})");
            return new OfflineModel(solver);
        }

        if (hub is null || file is null)
        {
            throw new UsageException($"--models: '{name}' is not an offline:<solver> baseline; give --endpoints FILE to evaluate endpoint models");
        }

        var served = file.Endpoints.Where(e => e.Name == name || e.Model == name).ToList();
        if (served.Count == 0)
        {
            throw new UsageException($"--models: no endpoint or model named '{name}' in the endpoints file (endpoints: {string.Join(", ", hub.EndpointNames)})");
        }

        return new ChatModel(name, "llm:" + string.Join("+", served.Select(e => $"{e.Model}@{e.Name}").Distinct(StringComparer.Ordinal)), hub.GetClient(name, "evaluation"));
    }

    private static IReadOnlyList<IResponseScorer> ResolveJudges(string? list, ModelHub? hub, EndpointsFile? file)
    {
        var pair = RubricOverlapScorer.Pair();
        if (string.IsNullOrWhiteSpace(list))
        {
            return pair;
        }

        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length is < 2 or > 3)
        {
            throw new UsageException($"--judges needs two names (and optionally a third for disputes), got {names.Length}");
        }

        return [.. names.Select((n, i) => n switch
        {
            "offline:a" => pair[0],
            "offline:b" => pair[1],
            _ when hub is not null && file is not null && file.Endpoints.Any(e => e.Name == n || e.Model == n) => new ChatJudge(names.Count(x => x == n) > 1 ? $"{n}#{i + 1}" : n, hub.GetClient(n, "judge"), i),
            _ => throw new UsageException($"--judges: '{n}' is neither offline:a / offline:b nor an endpoint or model of the endpoints file"),
        })];
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
