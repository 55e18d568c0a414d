namespace CurationPipeline.Deduplication;

/// <summary>The detector's parameters (the pipeline file's <c>dedup:</c> keys).</summary>
public sealed record DedupSettings
{
    /// <summary>Jaccard similarity of the character n-gram sets, task and context each, at or above which two items are duplicates.</summary>
    public double Threshold { get; init; } = 0.7;

    /// <summary>Characters per n-gram.</summary>
    public int Ngram { get; init; } = 3;

    /// <summary>LSH bands; an item is a candidate when it shares all rows of one band with an earlier one.</summary>
    public int Bands { get; init; } = 32;

    /// <summary>MinHash values per band.</summary>
    public int Rows { get; init; } = 4;

    /// <summary>
    /// Multiple-choice items whose questions (with their contexts) are equal after normalisation and this many
    /// characters or more are duplicates whatever their options; shorter questions ("下列哪项正确") need their options to match as well.
    /// </summary>
    public int StemMinChars { get; init; } = 10;
}
