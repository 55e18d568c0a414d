using System.Globalization;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Deduplication;

/// <summary>
/// The <c>dedup</c> stage: a proprietary item that matches a public benchmark record (<c>decontaminate.against</c>; the
/// public datasets' own items are public already) or an item kept
/// before it (same dataset or another) is rejected with a reason naming what it matched. Items are taken one at a time in
/// the order the pipeline produces them (sources in file order, records in source order, datasets in file order), so the
/// first item of a cluster is the one kept, on every run.
/// </summary>
public sealed class DedupStage : IItemStage
{
    private readonly MinHasher _hasher;
    private readonly NearDuplicateIndex<KeptItem>? _kept;
    private readonly IReadOnlyList<(string Source, NearDuplicateIndex<PublicRecord> Index)> _against;
    private readonly DedupReport _report = new();
    private readonly Lock _lock = new();

    /// <param name="settings">Threshold, n-gram size and LSH shape.</param>
    /// <param name="deduplicate">Whether items are checked against each other (else only against the public files).</param>
    /// <param name="against">Public benchmark records by source name, in the order the pipeline names them.</param>
    public DedupStage(DedupSettings settings, bool deduplicate, IReadOnlyList<(string Source, IReadOnlyList<PublicRecord> Records)> against)
    {
        ArgumentNullException.ThrowIfNull(against);
        _hasher = new MinHasher(settings);
        _kept = deduplicate ? new NearDuplicateIndex<KeptItem>(settings) : null;
        var indexes = new List<(string, NearDuplicateIndex<PublicRecord>)>();
        foreach (var (source, records) in against)
        {
            var index = new NearDuplicateIndex<PublicRecord>(settings);
            foreach (var record in records)
            {
                index.Add(_hasher.Sign(record.Text), record);
            }

            _report.AgainstRecords[source] = records.Count;
            indexes.Add((source, index));
        }

        _against = indexes;
    }

    public StageName Name => StageName.Dedup;

    public bool Sequential => true;

    /// <summary>Counts and clusters so far (complete once the run has finished).</summary>
    public DedupReport Report => _report;

    public bool AppliesTo(BenchmarkItem item) => true;

    public Task<BenchmarkItem> ProcessAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var signature = _hasher.Sign(DedupText.Of(item));
        lock (_lock)
        {
            _report.Checked++;
            foreach (var (source, index) in _against.Where(_ => item.SourceKind != SourceKind.Public))
            {
                if (index.Find(signature) is var (record, similarity, sameQuestion))
                {
                    var how = sameQuestion ? "the same question" : string.Create(CultureInfo.InvariantCulture, $"similarity {similarity:0.00}");
                    _report.Contaminated[source] = _report.Contaminated.GetValueOrDefault(source) + 1;
                    _report.Matches.Add(new ContaminationMatch(item.Id, item.Dataset, source, record.File, record.Record, Math.Round(similarity, 3)));
                    throw new RecordRejectedException(
                        $"contaminated: matches public benchmark '{source}' record {record.Record} ({record.File}), {how}", "question");
                }
            }

            if (_kept is null)
            {
                return Task.FromResult(item);
            }

            if (_kept.Find(signature) is var (kept, score, same))
            {
                var across = kept.Dataset != item.Dataset;
                kept.Cluster.Add(new ClusterMember(item.Id, item.Dataset, Math.Round(score, 3)));
                if (across)
                {
                    _report.DuplicatesAcross++;
                }
                else
                {
                    _report.DuplicatesWithin++;
                }

                var what = same ? "same question (other options) as" : score >= 1 ? "duplicate of" : "near-duplicate of";
                var where = across ? $"in {kept.Dataset}" : "in the same dataset";
                throw new RecordRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} item {kept.Id} {where} (kept, first in pipeline order), similarity {score:0.00}"), "question");
            }

            var entry = new KeptItem(item.Id, item.Dataset, []);
            _kept.Add(signature, entry);
            _report.Kept.Add(entry);
            return Task.FromResult(item);
        }
    }
}

/// <summary>A public benchmark record to check items against.</summary>
public sealed record PublicRecord(string File, string Record, DedupText Text);

/// <summary>A kept item and the items rejected as its duplicates.</summary>
public sealed record KeptItem(string Id, string Dataset, List<ClusterMember> Cluster);

public sealed record ClusterMember(string Id, string Dataset, double Similarity);

public sealed record ContaminationMatch(string Item, string Dataset, string Benchmark, string File, string Record, double Similarity);
