using CurationPipeline.Items;

namespace CurationPipeline.Departments;

/// <summary>
/// Tags an item with at most three secondary departments of Table 2 (English names), or with
/// <see cref="DepartmentCatalog.NoDepartment"/> alone for a non-clinical query.
/// </summary>
public interface IDepartmentTagger
{
    /// <summary>What the tagger is, e.g. <c>offline:lexicon+nb</c> or <c>llm:qwen2.5-72b</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<string>> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default);
}
