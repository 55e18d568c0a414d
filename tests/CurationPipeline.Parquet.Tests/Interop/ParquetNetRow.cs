using System.Text.Json.Serialization;

namespace CurationPipeline.Parquet.Tests.Interop;

/// <summary>
/// <see cref="AllTypesRow"/> as a Parquet.Net user declares it for Parquet.Net's serializer: the same column
/// names, enums as strings (Parquet.Net has no enum mapping), nullability from the property types.
/// </summary>
public sealed class ParquetNetRow
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("count")]
    public int Count { get; set; }

    [JsonPropertyName("maybe_count")]
    public int? MaybeCount { get; set; }

    [JsonPropertyName("big")]
    public long Big { get; set; }

    [JsonPropertyName("maybe_big")]
    public long? MaybeBig { get; set; }

    [JsonPropertyName("score")]
    public double Score { get; set; }

    [JsonPropertyName("maybe_score")]
    public double? MaybeScore { get; set; }

    [JsonPropertyName("flag")]
    public bool Flag { get; set; }

    [JsonPropertyName("maybe_flag")]
    public bool? MaybeFlag { get; set; }

    [JsonPropertyName("created_at")]
    public DateTime CreatedAt { get; set; }

    [JsonPropertyName("reviewed_at")]
    public DateTime? ReviewedAt { get; set; }

    [JsonPropertyName("difficulty")]
    public string Difficulty { get; set; } = "";

    [JsonPropertyName("maybe_level")]
    public string? MaybeLevel { get; set; }

    [JsonPropertyName("tags")]
    public List<string> Tags { get; set; } = [];

    [JsonPropertyName("maybe_tags")]
    public List<string>? MaybeTags { get; set; }

    [JsonPropertyName("numbers")]
    public List<int> Numbers { get; set; } = [];

    [JsonPropertyName("longs")]
    public List<long>? Longs { get; set; }

    [JsonPropertyName("doubles")]
    public List<double>? Doubles { get; set; }

    [JsonPropertyName("renamed")]
    public string Renamed { get; set; } = "";

    [JsonPropertyName("terms")]
    public List<string?>? Terms { get; set; }

    public static ParquetNetRow From(AllTypesRow row) => new()
    {
        Id = row.Id,
        Note = row.Note,
        Count = row.Count,
        MaybeCount = row.MaybeCount,
        Big = row.Big,
        MaybeBig = row.MaybeBig,
        Score = row.Score,
        MaybeScore = row.MaybeScore,
        Flag = row.Flag,
        MaybeFlag = row.MaybeFlag,
        CreatedAt = row.CreatedAt,
        ReviewedAt = row.ReviewedAt?.UtcDateTime,
        Difficulty = row.Difficulty.ToString(),
        MaybeLevel = row.MaybeLevel?.ToString(),
        Tags = row.Tags,
        MaybeTags = row.MaybeTags,
        Numbers = [.. row.Numbers],
        Longs = row.Longs?.ToList(),
        Doubles = row.Doubles,
        Renamed = row.PrimaryDimension,
        Terms = row.Terms,
    };
}
