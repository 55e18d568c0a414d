using CurationPipeline.Items;
using CurationPipeline.Parquet;

namespace CurationPipeline.Hosting;

/// <summary>
/// Writes the labelled pool as it streams in: <c>pool.parquet</c>, or <c>pool/part-NNNNN.parquet</c> once it
/// outgrows one part; or, given <paramref name="singleFile"/>, that one file (a shard's part of a sharded pool).
/// Every file is written to a temporary name and renamed when complete.
/// </summary>
public sealed class PoolWriter(string outputDirectory, int partRows, IReadOnlyDictionary<string, string> metadata, string? singleFile = null) : IAsyncDisposable
{
    private readonly string _partsDirectory = Path.Combine(outputDirectory, "pool");
    private readonly List<string> _parts = [];
    private ParquetWriter<ItemRow>? _current;
    private long _rowsInPart;

    public long Rows { get; private set; }

    public async Task WriteAsync(BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        if (_current is null || (singleFile is null && _rowsInPart >= partRows))
        {
            await RollAsync(cancellationToken);
        }

        await _current!.WriteAsync(ItemRow.From(item), cancellationToken);
        _rowsInPart++;
        Rows++;
    }

    /// <summary>Completes the files; a single part becomes <c>pool.parquet</c>. Returns the written paths.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_current is null)
        {
            await RollAsync(cancellationToken);
        }

        await _current!.CompleteAsync(cancellationToken);
        await _current.DisposeAsync();
        _current = null;
        if (singleFile is not null)
        {
            return _parts;
        }

        var single = Path.Combine(outputDirectory, "pool.parquet");
        if (_parts.Count == 1)
        {
            File.Move(_parts[0], single, overwrite: true);
            TryDeleteEmpty(_partsDirectory);
            return [single];
        }

        // A pool from an earlier, smaller run must not shadow the parts.
        File.Delete(single);
        return _parts;
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
        }
    }

    private async Task RollAsync(CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            await _current.CompleteAsync(cancellationToken);
            await _current.DisposeAsync();
        }

        if (singleFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(singleFile))!);
            _parts.Add(singleFile);
            _current = await ParquetWriter<ItemRow>.CreateAsync(singleFile, new ParquetWriteOptions { Metadata = metadata }, cancellationToken);
            return;
        }

        Directory.CreateDirectory(_partsDirectory);
        if (_parts.Count == 0)
        {
            foreach (var stale in Directory.EnumerateFiles(_partsDirectory, "part-*.parquet"))
            {
                File.Delete(stale);
            }
        }

        var path = Path.Combine(_partsDirectory, $"part-{_parts.Count:00000}.parquet");
        _parts.Add(path);
        _current = await ParquetWriter<ItemRow>.CreateAsync(path, new ParquetWriteOptions { Metadata = metadata }, cancellationToken);
        _rowsInPart = 0;
    }

    private static void TryDeleteEmpty(string directory)
    {
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }
}
