using System.Diagnostics;
using System.Globalization;
using System.Text;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Bench;

/// <summary>
/// Work per record against the record's length: one record of each size (the bundled texts of a source repeated,
/// Chinese notes and dialogues) through every stage of pipelines/mlb.yaml on the offline engines, stage by stage on
/// one thread, for every dataset that reads the source. A stage linear in the record's length takes about twice
/// the time when the size doubles; the table prints that ratio.
/// </summary>
internal sealed class RecordSizeBenchmark : IBenchmark
{
    public string Name => "record-size";

    public string Description => "one large record (1, 2, 4 MB...) through every stage: seconds per stage and the ratio per doubling";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sizes = Option(args, "--sizes", "0.5,1,2,4").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var sourceNames = Option(args, "--sources", "ehr,dialogues").Split(',');
        var root = ParadigmsBenchmark.FindRoot();
        var pipeline = PipelineLoader.Load(Path.Combine(root, "pipelines", "mlb.yaml"));
        // Every size repeats the same texts: duplicates of one another by design. Dedup compares items across the run
        // (docs/bench/dedup.md measures it); here each record's own cost is measured.
        pipeline.Dedup.Enabled = false;
        var output = Directory.CreateTempSubdirectory("curate-bench-record-size-");
        try
        {
            await using var composition = CompositionRoot.Create(new CompositionOptions { RawDirectory = Path.Combine(root, "raw") });
            var engines = await composition.BuildRunAsync(pipeline, output.FullName, cancellationToken);
            var context = new GenerationContext { Seed = pipeline.Seed, PipelineVersion = "bench" };
            Console.WriteLine($"stages of {pipeline.Name} on the offline engines, one thread; sources {string.Join(", ", sourceNames)}; sizes {string.Join(", ", sizes.Select(s => Invariant($"{s} MB")))}");

            // A small record first warms the tables and the JIT.
            var previous = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var size in sizes.Prepend(0.01))
            {
                var times = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var source in pipeline.Sources.Where(s => sourceNames.Contains(s.Name, StringComparer.Ordinal)))
                {
                    var record = LargeRecord(pipeline, source, (int)(size * 1024 * 1024));
                    await Stages(pipeline, engines, context, record, times, cancellationToken);
                }

                if (size == 0.01)
                {
                    continue;
                }

                var line = new StringBuilder(Invariant($"{size,5:0.##} MB "));
                foreach (var (stage, seconds) in times)
                {
                    var ratio = previous.TryGetValue(stage, out var p) && p > 0.005 ? Invariant($" x{seconds / p:0.0}") : "";
                    line.Append(Invariant($" {stage} {seconds:0.000} s{ratio};"));
                }

                line.Append(Invariant($" peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB"));
                Console.WriteLine(line.ToString());
                previous = times;
            }

            foreach (var resource in engines.Resources)
            {
                await resource.DisposeAsync();
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>The record through de-identification, each dataset's generator, validation, the gate and the item stages; seconds per stage added to <paramref name="times"/>.</summary>
    private static async Task Stages(PipelineDefinition pipeline, Hosting.PipelineEngines engines, GenerationContext context, SourceRecord record,
        Dictionary<string, double> times, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var text = engines.Deidentifier?.Deidentify(record.Text, record.Location, record.Source) ?? record.Text;
        Add(times, "deidentify", watch);
        record = record with { Text = text };
        foreach (var dataset in pipeline.Datasets.Where(d => d.Inputs.Contains(record.Source) && d.Where.All(kv => record.Field(kv.Key) == kv.Value)))
        {
            watch.Restart();
            IReadOnlyList<BenchmarkItem> items;
            try
            {
                items = await engines.Generators(dataset).GenerateAsync(record, dataset, context, ct);
            }
            catch (RecordRejectedException)
            {
                items = [];
            }

            Add(times, "generate", watch);
            foreach (var generated in items)
            {
                var item = generated;
                watch.Restart();
                if (!engines.ItemValidator.Validate(item).IsValid)
                {
                    Add(times, "validate", watch);
                    continue;
                }

                Add(times, "validate", watch);
                if (engines.Gate is { } gate)
                {
                    watch.Restart();
                    item = gate.Check(item);
                    Add(times, "gate", watch);
                }

                foreach (var stage in engines.Stages.Where(s => s.AppliesTo(item)))
                {
                    watch.Restart();
                    item = await stage.ProcessAsync(item, ct);
                    Add(times, stage.Name.Name, watch);
                }
            }
        }
    }

    private static void Add(Dictionary<string, double> times, string stage, Stopwatch watch) =>
        times[stage] = times.GetValueOrDefault(stage) + watch.Elapsed.TotalSeconds;

    /// <summary>The source's first record with its text replaced by the source's texts repeated up to <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static SourceRecord LargeRecord(PipelineDefinition pipeline, SourceDefinition source, int bytes)
    {
        var rows = File.ReadLines(pipeline.ResolvePath(source.Path)).Where(l => l.Trim().Length > 0).Select(ParadigmsBenchmark.JsonRow).ToList();
        var text = new StringBuilder();
        var length = 0;
        for (var i = 0; length < bytes; i++)
        {
            var piece = rows[i % rows.Count][source.TextField] + "\n";
            text.Append(piece);
            length += Encoding.UTF8.GetByteCount(piece);
        }

        var fields = new Dictionary<string, string>(rows[0], StringComparer.Ordinal) { [source.TextField] = text.ToString() };
        return new SourceRecord
        {
            Source = source.Name,
            File = source.Path,
            RecordId = "large",
            Kind = source.Kind,
            Text = text.ToString(),
            PatientKey = fields.GetValueOrDefault(source.PatientField),
            Fields = fields,
        };
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
