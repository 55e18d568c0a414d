using CurationPipeline.Items;

namespace CurationPipeline.Departments;

/// <summary>
/// Tags an item with at most three secondary departments of Table 2 (English names), each with the words of
/// the item that support it, or with <see cref="DepartmentCatalog.NoDepartment"/> alone when nothing in the
/// item points at a department.
/// </summary>
public interface IDepartmentTagger
{
    /// <summary>What the tagger is, e.g. <c>offline:lexicon+cnb</c> or <c>llm:qwen2.5-72b</c>.</summary>
    string Name { get; }

    Task<DepartmentTagging> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default);
}
