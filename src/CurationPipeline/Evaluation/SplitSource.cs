using CurationPipeline.Items;
using CurationPipeline.Splits;

namespace CurationPipeline.Evaluation;

/// <summary>
/// What <c>--split</c> names: a run folder (its <c>data/*/test-*.parquet</c>), a folder of Parquet files, one
/// Parquet file of the item schema, a maturity scenario set (a YAML file of <c>scenarios:</c>), or a pipeline file, which stands for the splits
/// <c>curate run</c> built from it in <c>curated/NAME</c> (<c>pipelines/maturity.yaml</c>).
/// </summary>
public static class SplitSource
{
    /// <summary>The Parquet files a path stands for (empty for a maturity set file).</summary>
    public static IReadOnlyList<string> Resolve(string path)
    {
        if (Directory.Exists(path))
        {
            var data = Path.Combine(path, "data");
            if (Directory.Exists(data))
            {
                var tests = Directory.GetFiles(data, "test-*.parquet", SearchOption.AllDirectories);
                if (tests.Length > 0)
                {
                    return [.. tests.Order(StringComparer.Ordinal)];
                }
            }
        }

        return PoolReader.Resolve(path);
    }

    public static bool IsMaturitySet(string path) =>
        File.Exists(path) && (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The run folder a pipeline file stands for (<c>curated/NAME</c> under the current folder, where <c>curate run</c>
    /// writes by default), or null when the YAML file is not a pipeline (no top-level <c>datasets:</c>).
    /// </summary>
    public static string? PipelineOutput(string yamlPath)
    {
        var lines = File.ReadAllLines(yamlPath);
        if (!lines.Any(l => l.StartsWith("datasets:", StringComparison.Ordinal)))
        {
            return null;
        }

        var name = lines.Select(l => l.StartsWith("name:", StringComparison.Ordinal) ? l["name:".Length..].Split('#')[0].Trim().Trim('"', '\'') : null).FirstOrDefault(n => n is { Length: > 0 })
            ?? Path.GetFileNameWithoutExtension(yamlPath);
        return Path.GetFullPath(Path.Combine("curated", name));
    }

    /// <summary>All items the path holds, in file order; ids must be unique.</summary>
    public static async Task<IReadOnlyList<BenchmarkItem>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (IsMaturitySet(path))
        {
            if (PipelineOutput(path) is not { } built)
            {
                return MaturitySet.Load(path);
            }

            if (!Directory.Exists(Path.Combine(built, "data")))
            {
                throw new FileNotFoundException($"{path} is a pipeline and its splits are not built in {built}; build them with `curate run {path}` or give the run folder as --split");
            }

            path = built;
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: split not found (give a run folder, a folder or file of Parquet items, or a maturity .yaml)");
        }

        var items = new List<BenchmarkItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in PoolReader.ReadItemsAsync(Resolve(path), cancellationToken: cancellationToken))
        {
            if (!seen.Add(item.Id))
            {
                throw new FormatException($"{path}: item id '{item.Id}' occurs more than once");
            }

            items.Add(item);
        }

        return items;
    }
}
