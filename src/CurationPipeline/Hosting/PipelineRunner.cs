using System.Threading.Tasks.Dataflow;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;

namespace CurationPipeline.Hosting;

/// <summary>
/// Turns a pipeline definition into a TPL Dataflow graph and runs it:
/// read → deidentify → route → generate → validate → gate → the item stages (dedup, calibrate, tag, review) → write pool.
/// Blocks are bounded (back-pressure), per-stage parallel, cancellable; one record's failure is a reject,
/// never a lost record. The pool is written atomically; sampling and splits follow (see <see cref="Splits.SplitWriter"/>).
/// </summary>
public sealed class PipelineRunner
{
    private readonly PipelineDefinition _definition;
    private readonly PipelineEngines _engines;
    private readonly RunOptions _options;
    private readonly List<StageCounters> _stages = [];

    public PipelineRunner(PipelineDefinition definition, PipelineEngines engines, RunOptions options)
    {
        _definition = definition;
        _engines = engines;
        _options = options;
        foreach (var name in StageOrder())
        {
            _stages.Add(new StageCounters(name));
        }
    }

    /// <summary>Live counters of every stage, in flow order (for progress display).</summary>
    public IReadOnlyList<StageCounters> Stages => _stages;

    public int Seed => _options.Seed ?? _definition.Seed;

    /// <summary>Runs the flow up to the written pool. Throws <see cref="OperationCanceledException"/> when cancelled; nothing half-written is left.</summary>
    public async Task<PoolResult> RunAsync(RejectSink rejects, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        var sources = ResolveSources(rejects);
        var time = _options.Time;
        var context = new Dictionary<string, GenerationContext>(StringComparer.Ordinal);
        foreach (var d in _definition.Datasets)
        {
            context[d.Name] = ContextFor(d);
        }

        var generators = _definition.Datasets.ToDictionary(d => d.Name, d => _engines.Generators(d), StringComparer.Ordinal);
        var capacity = _definition.Stages.BoundedCapacity;
        var budget = TimeSpan.FromSeconds(_definition.Limits.RecordTimeout ?? LimitsSection.DefaultRecordTimeout);
        int Parallel(StageName stage) => _definition.Stages.Parallelism.GetValueOrDefault(stage.Name, _definition.Stages.MaxDegreeOfParallelism);
        StageCounters Counter(StageName name) => _stages.Single(s => s.Name == name);

        var deidentify = StageBlock.Create<SourceRecord, SourceRecord>(Counter(StageName.Deidentify),
            (r, _) => Task.FromResult(StageBlock.Outcome<SourceRecord>.Of(Deidentify(r))),
            (r, e) => RecordReject(StageName.Deidentify, r, null, e), rejects, Parallel(StageName.Deidentify), capacity, time, budget, cancellationToken);

        var route = StageBlock.Create<SourceRecord, DatasetWork>(Counter(StageName.Route),
            (r, _) => Task.FromResult(Route(r)),
            (r, e) => RecordReject(StageName.Route, r, null, e), rejects, 1, capacity, time, budget, cancellationToken);

        var generate = StageBlock.Create<DatasetWork, BenchmarkItem>(Counter(StageName.Generate),
            async (w, ct) => StageBlock.Outcome<BenchmarkItem>.Many(await generators[w.Dataset.Name].GenerateAsync(w.Record, w.Dataset, context[w.Dataset.Name], ct)),
            (w, e) => RecordReject(StageName.Generate, w.Record, w.Dataset.Name, e), rejects, Parallel(StageName.Generate), capacity, time, budget, cancellationToken);

        var validate = ItemStage(StageName.Validate, (item, _) => Task.FromResult(Validate(item)), Parallel(StageName.Validate));
        ISourceBlock<BenchmarkItem> tail = validate;
        generate.LinkTo(validate, Propagate);

        if (_engines.Gate is { } gate)
        {
            var gateBlock = ItemStage(StageName.Gate, (item, _) => Task.FromResult(item.Paradigm == Paradigm.Public ? item : gate.Check(item)), Parallel(StageName.Gate));
            tail.LinkTo(gateBlock, Propagate);
            tail = gateBlock;
        }

        foreach (var stage in _engines.Stages)
        {
            var block = ItemStage(stage.Name, (item, ct) => stage.AppliesTo(item) ? stage.ProcessAsync(item, ct) : Task.FromResult(item),
                stage.Sequential ? 1 : Parallel(stage.Name));
            tail.LinkTo(block, Propagate);
            tail = block;
        }

        await using var pool = new PoolWriter(_options.OutputDirectory, _options.PoolPartRows, Metadata(), _options.PoolFile);
        var writeCounter = Counter(StageName.Write);
        var write = new ActionBlock<BenchmarkItem>(async item =>
        {
            writeCounter.OnReceived(time.GetTimestamp());
            await pool.WriteAsync(item, cancellationToken);
            writeCounter.OnSucceeded(1);
        }, new ExecutionDataflowBlockOptions { BoundedCapacity = capacity, CancellationToken = cancellationToken });

        deidentify.LinkTo(route, Propagate);
        route.LinkTo(generate, Propagate);
        tail.LinkTo(write, Propagate);

        await ProduceAsync(sources, deidentify, Counter(StageName.Read), rejects, cancellationToken);
        deidentify.Complete();
        await write.Completion;
        foreach (var s in _stages)
        {
            s.OnFinished(time);
        }

        var files = await pool.CompleteAsync(cancellationToken);
        return new PoolResult(files, pool.Rows);

        TransformManyBlock<BenchmarkItem, BenchmarkItem> ItemStage(StageName name, Func<BenchmarkItem, CancellationToken, Task<BenchmarkItem>> body, int parallelism) =>
            StageBlock.Create<BenchmarkItem, BenchmarkItem>(Counter(name),
                async (item, ct) => StageBlock.Outcome<BenchmarkItem>.Of(await body(item, ct)),
                (item, e) => ItemReject(name, item, e), rejects, parallelism, capacity, time, budget, cancellationToken);
    }

    private static readonly DataflowLinkOptions Propagate = new() { PropagateCompletion = true };

    private IEnumerable<StageName> StageOrder()
    {
        yield return StageName.Read;
        yield return StageName.Deidentify;
        yield return StageName.Route;
        yield return StageName.Generate;
        yield return StageName.Validate;
        if (_engines.Gate is not null)
        {
            yield return StageName.Gate;
        }

        foreach (var stage in _engines.Stages)
        {
            yield return stage.Name;
        }

        yield return StageName.Write;
    }

    private async Task ProduceAsync(IReadOnlyList<(SourceDefinition Source, string Path, string Display)> sources,
        ITargetBlock<SourceRecord> target, StageCounters read, RejectSink rejects, CancellationToken ct)
    {
        // --limit counts records per source, over all the files a source's pattern matched.
        var takenBySource = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, path, display) in sources)
        {
            var taken = takenBySource.GetValueOrDefault(source.Name);
            if (new FileInfo(path).Length == 0)
            {
                EmptySources.Add(display);
                continue;
            }

            var any = false;
            await foreach (var r in SourceReader.ReadAsync(_engines.Formats, source, path, display, _definition.Limits.MaxRecordBytes, ct))
            {
                any = true;
                if (_options.Limit is { } limit && taken >= limit)
                {
                    break;
                }

                taken++;
                takenBySource[source.Name] = taken;
                RecordsSeen++;
                if (_options.Shard is { } shard && !shard.Takes(source.Name, path, r.Reject?.Record ?? r.Record!.RecordId))
                {
                    continue;
                }

                read.OnReceived(_options.Time.GetTimestamp());
                if (r.Reject is { } reject)
                {
                    read.OnRejected();
                    rejects.Add(reject);
                    continue;
                }

                read.OnSucceeded(1);
                if (!await target.SendAsync(r.Record!, ct))
                {
                    // The graph stopped taking records: a fault or cancellation; Completion says which.
                    ct.ThrowIfCancellationRequested();
                    throw new InvalidOperationException("the pipeline stopped accepting records");
                }
            }

            if (!any)
            {
                EmptySources.Add(display);
            }
        }
    }

    private List<(SourceDefinition, string, string)> ResolveSources(RejectSink rejects)
    {
        var used = _definition.Datasets.SelectMany(d => d.Inputs).ToHashSet(StringComparer.Ordinal);
        var list = new List<(SourceDefinition, string, string)>();
        foreach (var source in _definition.Sources.Where(s => used.Contains(s.Name)))
        {
            var path = _definition.ResolvePath(source.Path);
            var files = SourcePaths.Expand(path);
            if (files.Count == 0)
            {
                if (!source.Optional)
                {
                    var what = SourcePaths.IsPattern(path) ? "no file matches" : "file not found";
                    throw new PipelineConfigException($"{_definition.FilePath}: source '{source.Name}': {what}: {DisplayPath(path)}");
                }

                MissingSources.Add(source.Name);
                continue;
            }

            list.AddRange(files.Select(f => (source, f, DisplayPath(f))));
        }

        return list;
    }

    /// <summary>Records read from the sources, those of every shard (a sharded run takes only its own).</summary>
    public long RecordsSeen { get; private set; }

    /// <summary>Optional sources whose files were not there; the report names them.</summary>
    public List<string> MissingSources { get; } = [];

    /// <summary>Source files that held no record at all (as displayed); the run warns about each.</summary>
    public List<string> EmptySources { get; } = [];

    private string DisplayPath(string path)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(_definition.FilePath)) ?? ".";
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 4 ? path : relative;
    }

    private SourceRecord Deidentify(SourceRecord record)
    {
        if (_engines.Deidentifier is not { } deid || record.Kind == "public")
        {
            return record;
        }

        var text = deid.Deidentify(record.Text, record.PatientKey ?? record.Location, record.Source);
        return record with { Text = text };
    }

    private StageBlock.Outcome<DatasetWork> Route(SourceRecord record)
    {
        var works = _definition.Datasets
            .Where(d => d.Inputs.Contains(record.Source) && d.Where.All(kv => record.Field(kv.Key) == kv.Value))
            .Select(d => new DatasetWork(record, d))
            .ToList();
        return works.Count > 0 ? StageBlock.Outcome<DatasetWork>.Many(works) : StageBlock.Outcome<DatasetWork>.Filtered("no dataset takes this record");
    }

    private BenchmarkItem Validate(BenchmarkItem item)
    {
        var result = _engines.ItemValidator.Validate(item);
        if (!result.IsValid)
        {
            var first = result.Errors[0];
            throw new ItemInvalidException(KeyNames.Snake(first.PropertyName), first.ErrorMessage);
        }

        return item;
    }

    private GenerationContext ContextFor(DatasetDefinition dataset)
    {
        string? template = null;
        string? hash = null;
        if (dataset.Prompt is { } prompt && File.Exists(_definition.ResolvePath(prompt)))
        {
            template = File.ReadAllText(_definition.ResolvePath(prompt));
            hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(template)))[..16];
        }

        return new GenerationContext
        {
            Seed = Seed,
            PipelineVersion = PipelineInfo.Version,
            PromptHash = hash,
            PromptTemplate = template,
        };
    }

    private Dictionary<string, string> Metadata() => new(StringComparer.Ordinal)
    {
        ["curation.pipeline"] = _definition.Name,
        ["curation.config_hash"] = _definition.ConfigHash,
        ["curation.pipeline_version"] = PipelineInfo.Version,
        ["curation.seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Reject RecordReject(StageName stage, SourceRecord r, string? dataset, Exception e) => new()
    {
        Stage = stage,
        Source = r.Source,
        File = r.File,
        Record = r.RecordId,
        Dataset = dataset,
        Field = FieldOf(e),
        Reason = ReasonOf(e),
        RawResponse = (e as RecordRejectedException)?.RawResponse ?? (e as Llm.LlmException)?.RawResponse,
    };

    private static Reject ItemReject(StageName stage, BenchmarkItem item, Exception e) => new()
    {
        Stage = stage,
        File = item.Provenance.SourceFile,
        Record = item.Provenance.SourceRecord,
        Dataset = item.Dataset,
        ItemId = item.Id,
        Field = FieldOf(e),
        Reason = ReasonOf(e),
        RawResponse = (e as RecordRejectedException)?.RawResponse ?? (e as Llm.LlmException)?.RawResponse,
    };

    private static string? FieldOf(Exception e) => e switch
    {
        RecordRejectedException r => r.Field,
        ItemInvalidException i => i.Field,
        _ => null,
    };

    private static string ReasonOf(Exception e) => e switch
    {
        RecordRejectedException or ItemInvalidException or Llm.LlmException or RecordTimeoutException => e.Message,
        OperationCanceledException => "timed out or was cancelled while the run went on",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}

/// <summary>The written pool: its files and row count.</summary>
public sealed record PoolResult(IReadOnlyList<string> Files, long Rows);
