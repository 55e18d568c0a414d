using System.Globalization;
using System.Text.Json;
using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Splits;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Verification;

/// <summary>
/// <c>curate check</c>: re-reads what a run (or <c>curate sample</c>) wrote and verifies every invariant from the files
/// alone: the items of every split (<see cref="ItemChecks"/>), the split sizes and difficulty counts against
/// sampling.json, run.json and the card, the card's YAML header, and the pool's ids.
/// </summary>
public static class OutputChecker
{
    /// <summary>The file that marks a run folder complete.</summary>
    public const string RunFile = "run.json";

    /// <summary>Checks a run's output folder; an unreadable or incomplete folder is a <see cref="CheckInputException"/>.</summary>
    public static async Task<CheckReport> CheckRunAsync(string directory, CancellationToken cancellationToken = default)
    {
        var runPath = Path.Combine(directory, RunFile);
        if (!Directory.Exists(directory))
        {
            throw new CheckInputException($"{directory}: folder not found");
        }

        if (!File.Exists(runPath))
        {
            throw new CheckInputException($"{directory}: no {RunFile}, so no finished run wrote this folder (a run writes {RunFile} last)");
        }

        using var run = ReadJson(runPath);
        var root = run.RootElement;
        var declared = Property(root, runPath, "splits").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var labels = await LabelsAsync(directory, root, runPath, cancellationToken);
        var items = new ItemChecks(labels, DeidentificationMode(root), PhiGate(root));

        var samplingPath = Path.Combine(directory, "sampling.json");
        using var sampling = ReadJson(samplingPath);
        var sampled = SampledCounts(sampling.RootElement, samplingPath);
        var cardPath = Path.Combine(directory, "README.md");
        var card = Card.Read(cardPath);

        var sizes = new Tally("split sizes", "rows and Hard/Medium/Easy of each split equal sampling.json, run.json and the card");
        var cardCheck = new Tally("card", "README.md's YAML header parses, has the hub's keys, one default config, and a config per split file");
        var pool = new Tally("pool", "pool ids are unique and every split item is in the pool");
        cardCheck.Record("README.md", card.Problem);

        var files = SplitFiles(directory);
        var datasets = declared.Keys.Concat(sampled.Keys).Concat(files.Keys).Concat(card.Configs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var splitIds = new List<(string Split, string Id)>();
        foreach (var dataset in datasets)
        {
            var counts = new LevelTally();
            if (files.TryGetValue(dataset, out var paths))
            {
                foreach (var path in paths)
                {
                    await foreach (var row in ReadRows(path, cancellationToken))
                    {
                        items.Check(row, dataset);
                        counts.Add(row.Difficulty);
                        splitIds.Add((dataset, row.Id));
                    }
                }
            }

            sizes.Record(dataset, SizeProblem(dataset, files.ContainsKey(dataset), counts, declared, sampled, card));
        }

        await PoolAsync(directory, root, runPath, splitIds, pool, cancellationToken);
        return new CheckReport([.. items.All.Select(t => t.ToResult()), sizes.ToResult(), cardCheck.ToResult(), pool.ToResult()]);
    }

    /// <summary>
    /// Checks a sample written by <c>curate sample</c>: its items, and its sizes against the <c>.sampling.json</c> beside it.
    /// Difficulty is checked against the calibration table of <paramref name="runDirectory"/> when that is a finished run folder.
    /// </summary>
    public static async Task<CheckReport> CheckSampleAsync(string sampleFile, string? runDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(sampleFile))
        {
            throw new CheckInputException($"{sampleFile}: file not found");
        }

        IReadOnlyDictionary<string, RelabelledItem>? labels = null;
        string? mode = "surrogate";
        var gated = true;
        if (runDirectory is not null && File.Exists(Path.Combine(runDirectory, RunFile)))
        {
            using var run = ReadJson(Path.Combine(runDirectory, RunFile));
            labels = await LabelsAsync(runDirectory, run.RootElement, Path.Combine(runDirectory, RunFile), cancellationToken);
            mode = DeidentificationMode(run.RootElement);
            gated = PhiGate(run.RootElement);
        }

        var items = new ItemChecks(labels, mode, gated);
        var counts = new Dictionary<string, LevelTally>(StringComparer.Ordinal);
        await foreach (var row in ReadRows(sampleFile, cancellationToken))
        {
            items.Check(row, row.Dataset);
            (counts.TryGetValue(row.Dataset, out var c) ? c : counts[row.Dataset] = new LevelTally()).Add(row.Difficulty);
        }

        var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sampleFile))!, Path.GetFileNameWithoutExtension(sampleFile));
        var samplingPath = stem + ".sampling.json";
        using var sampling = ReadJson(samplingPath);
        var sampled = SampledCounts(sampling.RootElement, samplingPath);
        var sizes = new Tally("split sizes", "rows and Hard/Medium/Easy per dataset equal the .sampling.json beside the sample");
        foreach (var dataset in sampled.Keys.Concat(counts.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var c = counts.GetValueOrDefault(dataset) ?? new LevelTally();
            sizes.Record(dataset, sampled.TryGetValue(dataset, out var s)
                ? s.Equals(c.Counts) ? null : $"{c.Counts} in the sample, {s} in {Path.GetFileName(samplingPath)}"
                : $"not in {Path.GetFileName(samplingPath)}");
        }

        return new CheckReport([.. items.All.Select(t => t.ToResult()), sizes.ToResult()]);
    }

    private static string? SizeProblem(string dataset, bool hasFile, LevelTally counts, IReadOnlyDictionary<string, int> declared,
        IReadOnlyDictionary<string, Levels> sampled, Card card)
    {
        var actual = counts.Counts;
        if (!hasFile)
        {
            return $"no split file under data/{dataset}/";
        }

        if (!declared.TryGetValue(dataset, out var inRun))
        {
            return "not among run.json's splits";
        }

        if (inRun != actual.Total)
        {
            return $"{actual.Total} rows, run.json says {inRun}";
        }

        if (!sampled.TryGetValue(dataset, out var s))
        {
            return "not in sampling.json";
        }

        if (!s.Equals(actual))
        {
            return $"{actual} in the file, {s} in sampling.json";
        }

        if (!card.Examples.TryGetValue(dataset, out var examples) || examples != actual.Total)
        {
            return $"{actual.Total} rows, the card's dataset_info says {(card.Examples.TryGetValue(dataset, out var e) ? e.ToString(CultureInfo.InvariantCulture) : "nothing")}";
        }

        if (!card.Table.TryGetValue(dataset, out var row) || !row.Equals(actual))
        {
            return $"{actual} in the file, the card's table says {(card.Table.TryGetValue(dataset, out var r) ? r.ToString() : "nothing")}";
        }

        return null;
    }

    private static async Task<IReadOnlyDictionary<string, RelabelledItem>?> LabelsAsync(string directory, JsonElement run, string runPath, CancellationToken cancellationToken)
    {
        // A merged sharded run keeps its calibration table as one part per shard.
        var top = Path.Combine(directory, "calibration.parquet");
        var shards = Path.Combine(directory, "shards");
        List<string> tables = File.Exists(top) ? [top]
            : Directory.Exists(shards) ? [.. Directory.GetFiles(shards, "calibration.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];
        if (tables.Count == 0)
        {
            return null;
        }

        CalibrationThresholds thresholds;
        ReviewPolicy policy;
        try
        {
            var values = run.TryGetProperty("difficulty_thresholds", out var t) && t.ValueKind == JsonValueKind.Object
                ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal)
                : [];
            thresholds = CalibrationThresholds.FromValues(values);
            policy = ConfigNames.Parse<ReviewPolicy>(OptionalString(run, "review_policy") ?? ConfigNames.Of(ReviewPolicy.Recorded));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new CheckInputException($"{runPath}: difficulty_thresholds or review_policy cannot be read: {e.Message}", e);
        }

        var labels = new Dictionary<string, RelabelledItem>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            try
            {
                foreach (var label in await Relabel.RunAsync(table, thresholds, policy, cancellationToken))
                {
                    labels[label.ItemId] = label;
                }
            }
            catch (Exception e) when (e is ParquetException or InvalidDataException or FormatException or IOException)
            {
                throw new CheckInputException($"{table}: {e.Message}", e);
            }
        }

        return labels;
    }

    private static async Task PoolAsync(string directory, JsonElement run, string runPath, List<(string Split, string Id)> splitIds, Tally tally, CancellationToken cancellationToken)
    {
        var files = Property(run, runPath, "pool_files").EnumerateArray().Select(f => Path.Combine(directory, f.GetString() ?? "")).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                tally.Fail($"{Path.GetRelativePath(directory, file)}: listed in run.json, not found");
                continue;
            }

            try
            {
                await foreach (var row in ParquetSerializer.ReadAsync<IdRow>(file, cancellationToken))
                {
                    tally.Record($"pool {row.Id}", ids.Add(row.Id) ? null : "id repeats in the pool");
                }
            }
            catch (ParquetException e)
            {
                throw new CheckInputException($"{file}: {e.Message}", e);
            }
        }

        foreach (var (split, id) in splitIds.Where(s => !ids.Contains(s.Id)))
        {
            tally.Fail($"{split} {id}: not in the pool");
        }
    }

    /// <summary>The Parquet files of each split: <c>data/DATASET/*.parquet</c>.</summary>
    private static Dictionary<string, List<string>> SplitFiles(string directory)
    {
        var data = Path.Combine(directory, "data");
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(data))
        {
            return files;
        }

        foreach (var folder in Directory.GetDirectories(data).Order(StringComparer.Ordinal))
        {
            var parquet = Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToList();
            if (parquet.Count > 0)
            {
                files[Path.GetFileName(folder)] = parquet;
            }
        }

        return files;
    }

    private static async IAsyncEnumerable<ItemRow> ReadRows(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = ParquetSerializer.ReadAsync<ItemRow>(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (ParquetException e)
            {
                throw new CheckInputException($"{path}: {e.Message}", e);
            }

            yield return rows.Current;
        }
    }

    private static Dictionary<string, Levels> SampledCounts(JsonElement sampling, string path)
    {
        var result = new Dictionary<string, Levels>(StringComparer.Ordinal);
        foreach (var d in Property(sampling, path, "datasets").EnumerateArray())
        {
            var name = Property(d, path, "dataset").GetString() ?? "";
            var sample = Property(d, path, "sample_by_difficulty");
            result[name] = new Levels(Int(sample, path, "hard"), Int(sample, path, "medium"), Int(sample, path, "easy"), 0);
        }

        return result;
    }

    internal static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (FileNotFoundException e)
        {
            throw new CheckInputException($"{path}: file not found", e);
        }
        catch (JsonException e)
        {
            throw new CheckInputException($"{path}: not valid JSON ({e.Message})", e);
        }
    }

    private static JsonElement Property(JsonElement element, string path, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new CheckInputException($"{path}: key '{name}' is missing");

    private static int Int(JsonElement element, string path, string name) =>
        Property(element, path, name) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : throw new CheckInputException($"{path}: key '{name}' is not a number");

    // run.json of a run that replaced no personal data holds null; one written before the key existed, the default (surrogate).
    private static string? DeidentificationMode(JsonElement run) =>
        run.TryGetProperty("deidentification_mode", out _) ? OptionalString(run, "deidentification_mode") : "surrogate";

    private static bool PhiGate(JsonElement run) =>
        !run.TryGetProperty("phi_gate", out var gate) || gate.ValueKind != JsonValueKind.False;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Hard / Medium / Easy counts, and items without a level.</summary>
    internal readonly record struct Levels(int Hard, int Medium, int Easy, int Unlabelled)
    {
        public int Total => Hard + Medium + Easy + Unlabelled;

        public override string ToString() =>
            $"{Hard}/{Medium}/{Easy} Hard/Medium/Easy" + (Unlabelled > 0 ? $" and {Unlabelled} unlabelled" : "");
    }

    private sealed class LevelTally
    {
        public Levels Counts { get; private set; }

        public void Add(string? difficulty) => Counts = difficulty switch
        {
            nameof(Difficulty.Hard) => Counts with { Hard = Counts.Hard + 1 },
            nameof(Difficulty.Medium) => Counts with { Medium = Counts.Medium + 1 },
            nameof(Difficulty.Easy) => Counts with { Easy = Counts.Easy + 1 },
            _ => Counts with { Unlabelled = Counts.Unlabelled + 1 },
        };
    }

    private sealed class IdRow
    {
        public string Id { get; set; } = "";
    }

    /// <summary>What the card states: its YAML header's configs and example counts, and its splits table.</summary>
    private sealed class Card
    {
        public string? Problem { get; private init; }
        public IReadOnlyList<string> Configs { get; private init; } = [];
        public IReadOnlyDictionary<string, int> Examples { get; private init; } = new Dictionary<string, int>();
        public IReadOnlyDictionary<string, Levels> Table { get; private init; } = new Dictionary<string, Levels>();

        /// <summary>The hub's keys a card must have.</summary>
        public static readonly string[] RequiredKeys = ["pretty_name", "license", "language", "task_categories", "size_categories", "tags", "configs"];

        public static Card Read(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (FileNotFoundException e)
            {
                throw new CheckInputException($"{path}: file not found", e);
            }

            var lines = text.ReplaceLineEndings("\n").Split('\n');
            var end = Array.IndexOf(lines, "---", 1);
            if (lines.Length == 0 || lines[0] != "---" || end < 0)
            {
                return new Card { Problem = "no YAML header between '---' lines" };
            }

            YamlMappingNode header;
            try
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(string.Join('\n', lines[1..end])));
                header = yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode m ? m : throw new InvalidDataException("the header is not one YAML mapping");
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidDataException)
            {
                return new Card { Problem = $"the YAML header does not parse: {e.Message}" };
            }

            var configs = Sequence(header, "configs").OfType<YamlMappingNode>().ToList();
            var names = configs.Select(c => Scalar(c, "config_name") ?? "").ToList();
            var examples = Sequence(header, "dataset_info").OfType<YamlMappingNode>()
                .Select(c => (Name: Scalar(c, "config_name") ?? "", Examples: Sequence(c, "splits").OfType<YamlMappingNode>().Sum(s => int.TryParse(Scalar(s, "num_examples"), out var n) ? n : 0)))
                .ToDictionary(x => x.Name, x => x.Examples, StringComparer.Ordinal);
            var missing = RequiredKeys.Where(k => !header.Children.ContainsKey(new YamlScalarNode(k))).ToList();
            var defaults = configs.Count(c => Scalar(c, "default") == "true");
            var problem = missing.Count > 0 ? $"the header lacks {string.Join(", ", missing)}"
                : defaults != 1 ? $"{defaults} configs are marked default, one must be"
                : names.Distinct(StringComparer.Ordinal).Count() != names.Count ? "a config name repeats"
                : null;
            return new Card { Problem = problem, Configs = names, Examples = examples, Table = SplitsTable(lines[(end + 1)..]) };
        }

        /// <summary>The rows of the card's splits table: dataset, items and "Hard / Medium / Easy".</summary>
        private static Dictionary<string, Levels> SplitsTable(string[] lines)
        {
            var table = new Dictionary<string, Levels>(StringComparer.Ordinal);
            var start = Array.IndexOf(lines, DatasetCard.SplitsHeading);
            if (start < 0)
            {
                return table;
            }

            string[]? header = null;
            foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (header is null)
                {
                    header = cells;
                    continue;
                }

                var items = Array.IndexOf(header, "items");
                var levels = Array.IndexOf(header, "Hard / Medium / Easy");
                if (cells[0].StartsWith("---", StringComparison.Ordinal) || items < 0 || levels < 0 || cells.Length <= Math.Max(items, levels))
                {
                    continue;
                }

                var parts = cells[levels].Split('/').Select(p => int.TryParse(p.Trim(), out var n) ? n : -1).ToArray();
                if (parts.Length == 3 && int.TryParse(cells[items], out var total))
                {
                    table[cells[0]] = new Levels(parts[0], parts[1], parts[2], total - parts.Sum());
                }
            }

            return table;
        }

        private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode s ? s.Children : [];

        private static string? Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;
    }
}
