using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CurationPipeline.Departments;
using CurationPipeline.IO;
using CurationPipeline.Reference;
using CurationPipeline.Splits;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// Accuracy of the offline department tagger on real labelled dialogues (CMtMedQA cate1/cate2, Toyhom
/// department) that were not used for training: the odd-position records of each source (the derivation
/// script trains on even positions), minus any record listed in raw/departments/train.tsv. Gold labels map
/// to the 64-list through raw/departments/external-map.tsv; labels without a counterpart are counted and skipped.
/// </summary>
internal sealed class TaggerBenchmark : IBenchmark
{
    public string Name => "tagger";

    public string Description => "offline department tagger: top-1 / any-of-3 accuracy on held-out labelled dialogues [--external DIR] [--raw DIR]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (Arg(args, "--explain") is { } pool)
        {
            var retag = args.Contains("--retag") ? OfflineDepartmentTagger.Load(new ReferenceData(Arg(args, "--raw") ?? Path.Combine(TestData.RepositoryRoot, "raw"))) : null;
            await ExplainAsync(pool, Arg(args, "--dataset"), retag, cancellationToken);
            return 0;
        }

        // The held-out rule counts positions in the very files train.tsv was derived from: the vendored samples
        // (a full upstream file has other positions), unless --external names a folder holding the same files.
        var external = Arg(args, "--external") ?? TestData.Samples;
        var raw = Arg(args, "--raw") ?? Path.Combine(TestData.RepositoryRoot, "raw");
        var reference = new ReferenceData(raw);
        var map = ExternalDepartmentMap.Load(reference);
        var trained = TrainingFile.ReadRecords(reference).Select(r => (r.Source, r.Record)).ToHashSet();
        var records = ReadCmtMedQa(external).Concat(ReadToyhom(external)).ToList();
        var leaked = records.Count(r => r.Position % 2 == 0 && !trained.Contains((r.Source, r.Id)));
        var eval = records.Where(r => r.Position % 2 == 1 && !trained.Contains((r.Source, r.Id))).ToList();
        Console.WriteLine($"external data: {Path.GetFullPath(external)}");
        Console.WriteLine($"records: {records.Count}; held out (odd positions, not in train.tsv): {eval.Count}; even-position records not in train.tsv (unmapped or primary-only labels): {leaked}");

        if (args.Contains("--cv"))
        {
            CrossValidate(reference, args.Contains("--misses"));
            return 0;
        }

        var variants = new (string Label, OfflineDepartmentTagger Tagger)[]
        {
            ("lexicon only", OfflineDepartmentTagger.Load(reference, useModel: false)),
            ("lexicon + CNB (lexicon terms only)", OfflineDepartmentTagger.Load(reference, useTrainingText: false)),
            ("lexicon + CNB (terms + train.tsv) [default]", OfflineDepartmentTagger.Load(reference)),
        };
        foreach (var (label, tagger) in variants)
        {
            Console.WriteLine();
            Console.WriteLine($"## {label}: held-out records");
            Table(eval.Select(r => (r.Source, Gold: map.Gold(r.Source, r.Label), r.Text)).ToList(), tagger);
        }

        Console.WriteLine();
        Console.WriteLine("## default tagger against the held-out gold: agreement on the first department");
        var pairs = eval.Select(r => (Gold: map.Gold(r.Source, r.Label), r.Text)).Where(r => r.Gold is not null)
            .Select(r => ((IReadOnlyList<string>)[BestOf(r.Gold!, variants[^1].Tagger.Tag(r.Text).Departments)], variants[^1].Tagger.Tag(r.Text).Departments))
            .ToList();
        var agreement = DepartmentAgreement.Of(pairs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"items {agreement.Items}; department accuracy {100 * agreement.Accuracy:0.0}%, Cohen's kappa {agreement.Kappa:0.000}; primary department accuracy {100 * agreement.GroupAccuracy:0.0}%, kappa {agreement.GroupKappa:0.000}"));
        return 0;
    }

    // Per dataset of a written pool: the most frequent tag combinations and, for each, the words that most often supported them.
    // With --retag, the items are tagged again by the current offline tagger instead of showing the stored tags.
    private static async Task ExplainAsync(string pool, string? dataset, OfflineDepartmentTagger? retag, CancellationToken cancellationToken)
    {
        var items = new List<Items.BenchmarkItem>();
        await foreach (var item in PoolReader.ReadItemsAsync(PoolReader.Resolve(pool), null, cancellationToken))
        {
            if (dataset is null || item.Dataset == dataset)
            {
                var tagging = retag is null ? null : await retag.TagAsync(item, cancellationToken);
                items.Add(tagging is null ? item : item with { Departments = tagging.Departments, DepartmentEvidence = tagging.Evidence });
            }
        }

        foreach (var group in items.GroupBy(i => i.Dataset))
        {
            var n = group.Count();
            Console.WriteLine($"## {group.Key} ({n} items)");
            foreach (var combination in group.GroupBy(i => string.Join(" | ", i.Departments)).OrderByDescending(g => g.Count()).Take(5))
            {
                var words = combination.SelectMany(i => i.DepartmentEvidence.SelectMany(e => e.Words)).GroupBy(w => w)
                    .OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} {g.Count()}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"- {combination.Key}: {combination.Count()} ({100.0 * combination.Count() / n:0.0}%); words: {string.Join(", ", words)}"));
            }
        }
    }

    // The gold label a tagging is scored against: the accepted department it names first, else the first accepted one.
    private static string BestOf(IReadOnlySet<string> gold, IReadOnlyList<string> predicted) =>
        predicted.FirstOrDefault(gold.Contains) ?? gold.Order(StringComparer.Ordinal).First();

    private static void Table(IReadOnlyList<(string Source, IReadOnlySet<string>? Gold, string Text)> records, OfflineDepartmentTagger tagger)
    {
        Console.WriteLine("| source | evaluated | unmapped | top-1 | any-of-3 | no department | mean tags | ms/item |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var source in records.Select(r => r.Source).Distinct().Append("all"))
        {
            var subset = records.Where(r => source == "all" || r.Source == source).ToList();
            int n = 0, unmapped = 0, top1 = 0, any3 = 0, tags = 0, none = 0;
            var watch = Stopwatch.StartNew();
            foreach (var r in subset)
            {
                if (r.Gold is null)
                {
                    unmapped++;
                    continue;
                }

                var predicted = tagger.Tag(r.Text).Departments;
                n++;
                tags += predicted.Count;
                none += predicted[0] == DepartmentCatalog.NoDepartment ? 1 : 0;
                top1 += r.Gold.Contains(predicted[0]) ? 1 : 0;
                any3 += predicted.Any(r.Gold.Contains) ? 1 : 0;
            }

            var ms = watch.Elapsed.TotalMilliseconds / Math.Max(1, n);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {source} | {n} | {unmapped} | {Pct(top1, n)} | {Pct(any3, n)} | {none} | {(double)tags / Math.Max(1, n):0.00} | {ms:0.00} |"));
        }
    }

    // Five-fold cross-validation inside train.tsv (the held-out records are not read): the figures to tune on.
    private static void CrossValidate(ReferenceData reference, bool misses)
    {
        var records = TrainingFile.ReadRecords(reference).ToList();
        Console.WriteLine($"## five-fold cross-validation on train.tsv ({records.Count} records; held-out records not read)");
        var taggers = Enumerable.Range(0, 5)
            .Select(f => OfflineDepartmentTagger.Load(reference, true, true, records.Where((_, i) => i % 5 != f).Select(r => (r.Department, r.Text))))
            .ToList();
        Console.WriteLine("| lexicon weight | keep within | minimum classifier score | top-1 | any-of-3 | mean tags |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var lexiconWeight in new[] { 1.0, 2.0, 3.0 })
        {
            foreach (var keepWithin in new[] { 0.5, 1.0, 1.5, 2.0 })
            {
                foreach (var minimum in new[] { 1.5, 2.5 })
                {
                    int n = 0, top1 = 0, any3 = 0, tags = 0;
                    for (var f = 0; f < 5; f++)
                    {
                        var tagger = taggers[f] with { LexiconWeight = lexiconWeight, KeepWithin = keepWithin, MinimumClassifierScore = minimum };
                        foreach (var r in records.Where((_, i) => i % 5 == f))
                        {
                            var predicted = tagger.Tag(r.Text).Departments;
                            n++;
                            tags += predicted.Count;
                            top1 += predicted[0] == r.Department ? 1 : 0;
                            any3 += predicted.Contains(r.Department) ? 1 : 0;
                            if (misses && lexiconWeight == 1 && keepWithin == 2 && minimum == 2.5 && predicted[0] != r.Department)
                            {
                                Console.WriteLine($"miss {r.Source} {r.Record}: gold {r.Department}; got {string.Join(" | ", predicted)}; {r.Text}");
                            }
                        }
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {lexiconWeight} | {keepWithin} | {minimum} | {Pct(top1, n)} | {Pct(any3, n)} | {(double)tags / n:0.00} |"));
                }
            }
        }
    }

    private sealed record Dialogue(string Source, string Id, int Position, string Label, string Text);

    private static IEnumerable<Dialogue> ReadCmtMedQa(string external)
    {
        var path = Path.Combine(external, "cmtmedqa", "CMtMedQA_test.sample.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var position = 0;
        var list = new List<Dialogue>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            if (!r.TryGetProperty("cate1", out var c1))
            {
                continue;
            }

            var history = r.GetProperty("history");
            var text = history.GetArrayLength() > 0 ? history[0][0].GetString()! : r.GetProperty("instruction").GetString()!;
            list.Add(new Dialogue("cmtmedqa", r.GetProperty("id").GetString()!, position++, $"{c1.GetString()}/{r.GetProperty("cate2").GetString()}", text));
        }

        return list;
    }

    private static IEnumerable<Dialogue> ReadToyhom(string external)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(external, "toyhom-med-dialogue", "IM_neike_sample.csv");
        using var reader = new StreamReader(path, Encoding.GetEncoding("GB18030"));
        var header = Csv.ReadRecordAsync(reader).GetAwaiter().GetResult() ?? throw new InvalidDataException($"{path}: empty file");
        int dep = header.IndexOf("department"), title = header.IndexOf("title"), ask = header.IndexOf("ask");
        var list = new List<Dialogue>();
        var position = 0;
        while (Csv.ReadRecordAsync(reader).GetAwaiter().GetResult() is { } f)
        {
            list.Add(new Dialogue("toyhom", position.ToString(CultureInfo.InvariantCulture), position, f[dep], f[title] + "。" + f[ask]));
            position++;
        }

        return list;
    }

    private static string Pct(int k, int n) => n == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * k / n:0.0}% ({k})");

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
