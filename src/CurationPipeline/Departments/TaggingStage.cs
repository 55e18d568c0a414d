using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Departments;

/// <summary>
/// The department tagging stage (section 3.3.2): items of the datasets the pipeline marks get their
/// departments, primary departments, evidence, the tagger's engine and its confidence; others pass through.
/// A tagger answer that breaks the rules (more than three, names outside Table 2, "No Department" mixed with
/// departments, a department without evidence) rejects the item instead of entering the pool.
/// </summary>
public sealed class TaggingStage(IDepartmentTagger tagger, IReadOnlySet<string> datasets) : IItemStage
{
    private readonly IDepartmentTagger _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));
    private readonly IReadOnlySet<string> _datasets = datasets ?? throw new ArgumentNullException(nameof(datasets));

    public StageName Name => StageName.Tag;

    public IDepartmentTagger Tagger => _tagger;

    public bool AppliesTo(BenchmarkItem item) => _datasets.Contains(item.Dataset);

    public async Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tagging = await _tagger.TagAsync(item, cancellationToken);
        var problems = DepartmentRules.Check(tagging.Departments).ToList();
        problems.AddRange(tagging.Departments.Where(d => d != DepartmentCatalog.NoDepartment
            && !tagging.Evidence.Any(e => e.Department == d && e.Words.Count > 0)).Select(d => $"\"{d}\" has no supporting words"));
        if (problems.Count > 0)
        {
            throw new ItemInvalidException("departments", $"item {item.Id}: tagger {tagging.Engine} gave [{string.Join(", ", tagging.Departments)}]: {string.Join("; ", problems)}");
        }

        return item with
        {
            Departments = tagging.Departments,
            DepartmentGroups = tagging.Groups,
            DepartmentEvidence = tagging.Evidence,
            DepartmentEngine = tagging.Engine,
            DepartmentConfidence = tagging.Confidence,
        };
    }
}
