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

    /// <summary>Reads only the columns the sampler needs.</summary>
    public static async IAsyncEnumerable<SampleCandidate> ReadCandidatesAsync(IReadOnlyList<string> files, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in files)
        {
            await foreach (var row in ParquetSerializer.ReadAsync<CandidateRow>(file, cancellationToken))
            {
                yield return row.ToCandidate(file);
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

        public SampleCandidate ToCandidate(string file)
        {
            Dictionary<string, string> attributes;
            try
            {
                attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes) ?? [];
            }
            catch (JsonException)
            {
                throw new FormatException($"{file}: item {Id}: column 'attributes' is not a JSON object of strings");
            }

            return new SampleCandidate(
                Id,
                Dataset,
                Difficulty is null ? null : Enum.Parse<Items.Difficulty>(Difficulty),
                ItemRow.ParseDifficultyState(DifficultyState),
                ItemRow.ParseReviewStatus(ReviewStatus),
                Departments,
                attributes,
                Flags);
        }
    }
}
