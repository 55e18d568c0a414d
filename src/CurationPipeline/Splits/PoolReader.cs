using System.Runtime.CompilerServices;
using System.Text.Json;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Sampling;

namespace CurationPipeline.Splits;

/// <summary>Reads a pool (<c>pool.parquet</c>, <c>pool/part-*.parquet</c>, a folder holding either, or any Parquet of the item schema).</summary>
public static class PoolReader
{
    /// <summary>The Parquet files of a pool given as a file or a folder.</summary>
    public static IReadOnlyList<string> Resolve(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var single = Path.Combine(path, "pool.parquet");
            if (File.Exists(single))
            {
                return [single];
            }

            var parts = Directory.Exists(Path.Combine(path, "pool"))
                ? Directory.GetFiles(Path.Combine(path, "pool"), "part-*.parquet")
                : Directory.GetFiles(path, "*.parquet");
            if (parts.Length > 0)
            {
                return [.. parts.Order(StringComparer.Ordinal)];
            }
        }

        throw new FileNotFoundException($"{path}: no pool found (expected a .parquet file, or a folder with pool.parquet or pool/part-*.parquet)");
    }

    /// <summary>All candidates of a pool in one list (sampling needs the whole pool).</summary>
    public static async Task<List<SampleCandidate>> ReadAllCandidatesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        // Sized from the footers: growing a list of a million entries would copy it twenty times on the large-object heap.
        long rows = 0;
        foreach (var file in files)
        {
            using var parquet = ParquetFile.Open(file);
            rows += parquet.RowCount;
        }

        var candidates = new List<SampleCandidate>((int)Math.Min(rows, 1 << 27));
        await foreach (var c in ReadCandidatesAsync(files, cancellationToken))
        {
            candidates.Add(c);
        }

        return candidates;
    }

    /// <summary>Reads only the columns the sampler needs.</summary>
    public static async IAsyncEnumerable<SampleCandidate> ReadCandidatesAsync(IReadOnlyList<string> files, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A pool repeats few distinct attribute objects (risk type, source ...): parse each JSON text once.
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        // Likewise department lists: sharing them keeps a million-item pool from holding a million small lists.
        var departments = new Dictionary<List<string>, IReadOnlyList<string>>(ListComparer.Instance);
        foreach (var file in files)
        {
            await foreach (var row in ParquetSerializer.ReadAsync<CandidateRow>(file, cancellationToken))
            {
                if (!attributes.TryGetValue(row.Attributes, out var parsed))
                {
                    parsed = CandidateRow.ParseAttributes(row.Attributes, file, row.Id);
                    if (attributes.Count < 100_000)
                    {
                        attributes[row.Attributes] = parsed;
                    }
                }

                if (!departments.TryGetValue(row.Departments, out var shared))
                {
                    shared = row.Departments.Count == 0 ? [] : row.Departments.ToArray();
                    if (departments.Count < 100_000)
                    {
                        departments[row.Departments] = shared;
                    }
                }

                yield return row.ToCandidate(parsed, shared, file);
            }
        }
    }

    /// <summary>Reads whole items, keeping those <paramref name="keep"/> accepts.</summary>
    public static async IAsyncEnumerable<BenchmarkItem> ReadItemsAsync(IReadOnlyList<string> files, Func<string, bool>? keep = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in files)
        {
            await foreach (var row in ParquetSerializer.ReadAsync<ItemRow>(file, cancellationToken))
            {
                if (keep is null || keep(row.Id))
                {
                    BenchmarkItem item;
                    try
                    {
                        item = row.ToItem();
                    }
                    catch (FormatException e)
                    {
                        throw new FormatException($"{file}: {e.Message}", e);
                    }

                    yield return item;
                }
            }
        }
    }

    /// <summary>The sampling columns of an item row (the reader skips the rest).</summary>
    private sealed class CandidateRow
    {
        public string Id { get; set; } = "";
        public string Dataset { get; set; } = "";
        public string? Difficulty { get; set; }
        public string DifficultyState { get; set; } = "";
        public string ReviewStatus { get; set; } = "";
        public List<string> Departments { get; set; } = [];
        public string Attributes { get; set; } = "{}";
        public List<string> Flags { get; set; } = [];

        public static IReadOnlyDictionary<string, string> ParseAttributes(string json, string file, string id)
        {
            try
            {
                return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            }
            catch (JsonException)
            {
                throw new FormatException($"{file}: item {id}: column 'attributes' is not a JSON object of strings");
            }
        }

        public SampleCandidate ToCandidate(IReadOnlyDictionary<string, string> attributes, IReadOnlyList<string> departments, string file) =>
            new(
                Id,
                Dataset,
                Difficulty switch
                {
                    null => null,
                    "Hard" => Items.Difficulty.Hard,
                    "Medium" => Items.Difficulty.Medium,
                    "Easy" => Items.Difficulty.Easy,
                    _ => throw new FormatException($"{file}: item {Id}: column 'difficulty' holds '{Difficulty}', expected Hard, Medium or Easy"),
                },
                ItemRow.ParseDifficultyState(DifficultyState),
                ItemRow.ParseReviewStatus(ReviewStatus),
                departments,
                attributes,
                Flags.Count == 0 ? [] : Flags);
    }

    /// <summary>Compares department lists by their elements (ordinal), so equal lists share one array.</summary>
    private sealed class ListComparer : IEqualityComparer<List<string>>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(List<string>? x, List<string>? y) =>
            x is not null && y is not null && x.Count == y.Count && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(List<string> list)
        {
            var hash = new HashCode();
            foreach (var item in list)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
