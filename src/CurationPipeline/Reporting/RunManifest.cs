using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CurationPipeline.Reporting;

/// <summary>run.json: what a run did, with which configuration and engines, and what it cost.</summary>
public sealed record RunManifest
{
    public required string Pipeline { get; init; }
    public required string PipelineFile { get; init; }
    public required string ConfigHash { get; init; }
    public required string PipelineVersion { get; init; }
    public required int Seed { get; init; }
    public int? Limit { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public required IReadOnlyDictionary<string, string> Engines { get; init; }
    public required IReadOnlyList<StageSummary> Stages { get; init; }

    /// <summary>True when every stage accounted for every record it received (succeeded + rejected + filtered).</summary>
    public required bool CountsBalanced { get; init; }
    public required long Rejects { get; init; }
    public required IReadOnlyDictionary<string, int> RejectsByStage { get; init; }
    public required double RejectFraction { get; init; }
    public required double MaxRejectFraction { get; init; }
    public required long PoolItems { get; init; }
    public required IReadOnlyList<string> PoolFiles { get; init; }
    public required IReadOnlyDictionary<string, int> Splits { get; init; }
    public required IReadOnlyList<string> MissingSources { get; init; }

    /// <summary>Source files that held no record.</summary>
    public IReadOnlyList<string> EmptySources { get; init; } = [];

    /// <summary>Pool items whose difficulty waits for a human score on a disputed judgement.</summary>
    public int PendingHumanScores { get; init; }

    /// <summary>Agreement of the two reviewers per criterion, from the review store.</summary>
    public IReadOnlyList<Review.CriterionAgreement> ReviewAgreement { get; init; } = [];
    /// <summary>The review policy (<c>required</c> or <c>recorded</c>) the splits were sampled under.</summary>
    public string? ReviewPolicy { get; init; }

    /// <summary>The thresholds the difficulty labels follow, by name (see <c>CalibrationThresholds.ToValues</c>).</summary>
    public IReadOnlyDictionary<string, double> DifficultyThresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>How personal data was replaced (<c>surrogate</c> or <c>mask</c>); null when neither de-identification nor the gate ran.</summary>
    public string? DeidentificationMode { get; init; }

    /// <summary>Whether the PHI gate scanned every generated item.</summary>
    public bool PhiGate { get; init; }
    public Llm.UsageSnapshot? Models { get; init; }
    public Core.DeidentificationAudit? Deidentification { get; init; }

    /// <summary>Duplicates and contamination found by the dedup stage; null when the run had no such stage.</summary>
    public Deduplication.DedupSummary? Dedup { get; init; }
    public required int ExitCode { get; init; }

    /// <summary>Which shard of a sharded run this was and what it read; null for a whole run.</summary>
    public ShardSummary? Shard { get; init; }

    /// <summary>The shards a merged run was made of (<c>curate merge</c>); null otherwise.</summary>
    public IReadOnlyList<ShardSummary>? Shards { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One shard of a sharded run: its index and count, the source records of all shards it saw, those it took, its pool items.</summary>
public sealed record ShardSummary(int Index, int Count, long RecordsSeen, long RecordsTaken, long PoolItems);

/// <summary>Counts and time of one stage.</summary>
public sealed record StageSummary(string Name, long Received, long Succeeded, long Emitted, long Rejected, long Filtered, double Seconds, bool Balanced);
