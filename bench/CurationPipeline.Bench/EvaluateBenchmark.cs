using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Evaluation;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// The evaluator against the loopback server: a synthetic split with the paper's mix (Table 1 sizes, 4,250
/// items), one model and two judges on one endpoint at a fixed latency and concurrency, timed against the
/// latency-and-concurrency bound (calls x latency / concurrency); then the same run again from the cache.
/// </summary>
internal sealed class EvaluateBenchmark : IBenchmark
{
    // (dataset, dimension, scoring, sampled N) as in Table 1 / pipelines/mlb.yaml.
    private static readonly (string Dataset, string Dimension, ScoringMethod Scoring, int N)[] Mix =
    [
        ("CMExam", "MedKQA", ScoringMethod.Accuracy, 100), ("MAExam", "MedKQA", ScoringMethod.Accuracy, 200), ("MAHalt", "MedKQA", ScoringMethod.Accuracy, 200),
        ("GeneralSafety", "MedSE", ScoringMethod.Judge, 200), ("MASafety", "MedSE", ScoringMethod.Accuracy, 200), ("MACompliance", "MedSE", ScoringMethod.Judge, 200), ("MAEthic", "MedSE", ScoringMethod.Judge, 200),
        ("CHIP-CDN", "MedRU", ScoringMethod.MicroF1, 100), ("CMeEE", "MedRU", ScoringMethod.MicroF1, 100), ("CHIP-CDEE", "MedRU", ScoringMethod.MicroF1, 100), ("CMeIE", "MedRU", ScoringMethod.MicroF1, 100),
        ("MAEESymp", "MedRU", ScoringMethod.MicroF1, 200), ("MAEEDisease", "MedRU", ScoringMethod.MicroF1, 200), ("MAEEMedic", "MedRU", ScoringMethod.MicroF1, 150), ("MAEEOper", "MedRU", ScoringMethod.MicroF1, 200),
        ("MAKnowledge", "SmartServ", ScoringMethod.Accuracy, 300), ("MAGuidance", "SmartServ", ScoringMethod.Accuracy, 300), ("MAReport", "SmartServ", ScoringMethod.Accuracy, 300), ("MAMedication", "SmartServ", ScoringMethod.Accuracy, 300),
        ("MAInspection", "SmartCare", ScoringMethod.Judge, 200), ("MADiagnosis", "SmartCare", ScoringMethod.Judge, 200), ("MARecord", "SmartCare", ScoringMethod.Judge, 200),
    ];

    public string Name => "evaluate";

    public string Description => "evaluator: 4,250-item split (paper's mix), 1 model + 2 judges, time vs the latency/concurrency bound, then cached [--latency-ms MS --concurrency C]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var latencyMs = Option(args, "--latency-ms", 200);
        var concurrency = Option(args, "--concurrency", 64);
        using var dir = new TempDirectory();
        var split = dir.File("test-bench.parquet");
        await ParquetSerializer.WriteAsync(split, Items().Select(ItemRow.From), cancellationToken: cancellationToken);
        var items = await SplitSource.LoadAsync(split, cancellationToken);
        var calls = items.Sum(i => i.Scoring switch { ScoringMethod.Accuracy => OptionShuffle.Presentations, ScoringMethod.MicroF1 => 1, _ => 3 });
        var bound = calls * latencyMs / 1000.0 / concurrency;

        await using var server = await OpenAiTestServer.StartAsync(cancellationToken);
        server.KeepRequestLog = false;
        server.Latency = TimeSpan.FromMilliseconds(latencyMs);
        server.Responder = r => TestReply.Text(Reply(r.LastUserMessage));
        var endpoint = new EndpointOptions { Name = "bench", BaseUrl = server.BaseUrl, Model = "bench-model", MaxConcurrency = concurrency, Temperature = 0.7f };
        var file = EndpointsFile.From([endpoint]);
        var options = new ModelHubOptions { CachePath = dir.File("cache.db") };
        Console.WriteLine($"evaluate: {items.Count} items (paper's mix), 1 model + 2 judge instances on one endpoint (temperature 0.7), {calls} calls; latency {latencyMs} ms, concurrency {concurrency}");
        Console.WriteLine($"bound = calls x latency / concurrency = {calls} x {latencyMs / 1000.0:0.###} s / {concurrency} = {bound:0.00} s");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        var (first, rows) = await TimedAsync(file, options, concurrency, items, cancellationToken);
        var firstCalls = server.ChatRequests;
        Console.WriteLine($"run 1: {first.TotalSeconds:0.00} s, {firstCalls} calls, {rows} rows, max in flight {server.MaxInFlight} = {100 * bound / first.TotalSeconds:0.0}% of the bound rate");
        var (second, _) = await TimedAsync(file, options, concurrency, items, cancellationToken);
        var secondCalls = server.ChatRequests - firstCalls;
        Console.WriteLine($"run 2 (same cache): {second.TotalSeconds:0.00} s, {secondCalls} calls");

        var ok = firstCalls == calls && first.TotalSeconds <= bound / 0.9 && secondCalls == 0;
        Console.WriteLine($"within 90% of the bound rate, every call made once, re-run free: {(ok ? "PASS" : "FAIL")}");
        return ok ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, int Rows)> TimedAsync(EndpointsFile file, ModelHubOptions options, int concurrency, IReadOnlyList<BenchmarkItem> items, CancellationToken ct)
    {
        await using var hub = ModelHub.Create(file, options);
        var model = new ChatModel("bench-model", "llm:bench-model@bench", hub.GetClient("bench", "evaluation"));
        // Two instances of one judge model sampling at temperature 0.7: independent verdicts, as the paper's scorer pair.
        var judges = new[] { new ChatJudge("judge#1", hub.GetClient("bench", "judge"), 0), new ChatJudge("judge#2", hub.GetClient("bench", "judge"), 1) };
        var started = Stopwatch.GetTimestamp();
        // Twice as many units as the endpoint admits, so its queue never runs dry while a unit parses or waits on
        // its own previous call (judges follow the answer); the endpoint's limit keeps exactly `concurrency` calls in flight.
        var result = await new Evaluator([model], judges, new EvaluationOptions { Concurrency = 2 * concurrency }).RunAsync(items, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _ = EvaluationSummary.From(result.Rows, result.Disputes.Count);
        return (elapsed, result.Rows.Count);
    }

    // Judges see the template, the model sees the item; the answers vary with the prompt so scores spread.
    internal static string Reply(string prompt)
    {
        var h = (uint)prompt.GetHashCode(StringComparison.Ordinal);
        if (prompt.Contains("Gold Standard Answer", StringComparison.Ordinal))
        {
            return $"Evaluation Analysis\nok\n\nPredicted Answer Score\n\\boxed{{{40 + h % 60}}}";
        }

        return prompt.Contains("\nA. ", StringComparison.Ordinal) ? "答案：" + (char)('A' + h % 5) : "symptom：头痛\nsymptom：发热";
    }

    internal static IEnumerable<BenchmarkItem> Items()
    {
        foreach (var (dataset, dimension, scoring, n) in Mix)
        {
            for (var i = 0; i < n; i++)
            {
                yield return new BenchmarkItem
                {
                    Id = $"{dataset}-{i:0000}",
                    Dataset = dataset,
                    PrimaryDimension = dimension is "SmartServ" or "SmartCare" ? "SceneCap" : "FundCap",
                    SecondaryDimension = dimension,
                    TertiaryTask = "bench",
                    Paradigm = Paradigm.P1,
                    SourceKind = SourceKind.Proprietary,
                    QuestionType = scoring == ScoringMethod.Accuracy ? QuestionType.MultipleChoice : QuestionType.OpenEnded,
                    Scoring = scoring,
                    Question = $"{dataset} 第{i}题：患者头痛发热三天，下一步应如何处理？",
                    Options = scoring == ScoringMethod.Accuracy ? [.. Enumerable.Range(0, 5).Select(k => $"选项{k}-{i}")] : [],
                    Answer = scoring switch { ScoringMethod.Accuracy => ((char)('A' + i % 5)).ToString(), ScoringMethod.MicroF1 => "symptom：头痛；symptom：发热", _ => "完善血常规，对症处理。" },
                    Entities = scoring == ScoringMethod.MicroF1 ? [new GoldEntity("symptom", "头痛"), new GoldEntity("symptom", "发热")] : [],
                    Rubric = scoring == ScoringMethod.Judge ? [new RubricCriterion("准确", 1, "处理得当")] : [],
                    Difficulty = new DifficultyLabel(DifficultyState.Labelled, (Difficulty)(i % 3), null, null, 5, "bench"),
                    Provenance = new Provenance("bench", $"{i}", "bench", "offline", null, "bench"),
                };
            }
        }
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : fallback;
    }
}
