using CurationPipeline.Items;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Tests.Review;

/// <summary>Small valid items of each review kind, and a clock the tests move.</summary>
internal static class ReviewItems
{
    public static readonly string[] Reviewers = ["dr-a", "dr-b", "dr-c"];

    public static BenchmarkItem Choice(string id, string dataset = "MedExam") => TestItems.Choice(id, dataset);

    public static BenchmarkItem Open(string id) => TestItems.Judged(id);

    /// <summary>An extraction item whose entities are pre-labels for the reviewers to check.</summary>
    public static BenchmarkItem Extraction(string id) => TestItems.Extraction(id) with { Flags = ["prelabel"] };
}

/// <summary>A clock that only moves when told.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
