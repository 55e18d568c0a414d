namespace CurationPipeline.Items;

/// <summary>
/// The reference of an extraction item (the paper's P3) is its entities with their spans; the answer text is only
/// their rendering, made from the entities whenever it is read, so the two can never disagree.
/// </summary>
public static class ExtractionAnswer
{
    /// <summary>Whether the answer of items of <paramref name="paradigm"/> is rendered from their entities.</summary>
    public static bool IsRendered(Paradigm paradigm) => paradigm == Paradigm.P3;

    /// <summary>A readable rendering of entities in span order: <c>发热 [12,14)；咳嗽 [15,17)</c> (an entity without a span is its text, last).</summary>
    public static string Render(IEnumerable<GoldEntity> entities) =>
        string.Join("；", entities.OrderBy(e => e.Start ?? int.MaxValue).ThenBy(e => e.End ?? int.MaxValue)
            .Select(e => e.Start is null ? e.Text : $"{e.Text} [{e.Start},{e.End})"));
}
