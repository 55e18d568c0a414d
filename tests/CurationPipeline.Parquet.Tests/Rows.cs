namespace CurationPipeline.Parquet.Tests;

public enum Level
{
    Easy,
    Medium,
    Hard,
}

/// <summary>A row with every supported property type.</summary>
public sealed class AllTypesRow
{
    public string Id { get; set; } = "";

    public string? Note { get; set; }

    public int Count { get; set; }

    public int? MaybeCount { get; set; }

    public long Big { get; set; }

    public long? MaybeBig { get; set; }

    public double Score { get; set; }

    public double? MaybeScore { get; set; }

    public bool Flag { get; set; }

    public bool? MaybeFlag { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public Level Difficulty { get; set; }

    public Level? MaybeLevel { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<string>? MaybeTags { get; set; }

    public int[] Numbers { get; set; } = [];

    public IReadOnlyList<long>? Longs { get; set; }

    public List<double>? Doubles { get; set; }

    [ParquetColumn("renamed")]
    public string PrimaryDimension { get; set; } = "";

    /// <summary>A list whose elements may be null.</summary>
    public List<string?>? Terms { get; set; }

    [ParquetIgnore]
    public string Ignored { get; set; } = "";
}
