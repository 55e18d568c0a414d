using System.Runtime.ExceptionServices;
using System.Runtime.CompilerServices;
using CurationPipeline.Parquet.Mapping;
using CurationPipeline.Parquet.Reading;

namespace CurationPipeline.Parquet;

/// <summary>Writes and reads whole files of typed rows.</summary>
public static class ParquetSerializer
{
    /// <summary>Row groups decoded ahead of the one being read; each holds its decoded columns in memory.</summary>
    private const int LookAheadGroups = 2;

    /// <summary>A second group is decoded ahead only while the groups ahead hold less than this (uncompressed).</summary>
    private const long LookAheadBytes = 256L << 20;

    /// <summary>Writes all rows to <paramref name="path"/> atomically.</summary>
    public static async Task WriteAsync<T>(string path, IEnumerable<T> rows, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = await ParquetWriter<T>.CreateAsync(path, options, cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(row, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes all rows of an asynchronous sequence to <paramref name="path"/> atomically.</summary>
    public static async Task WriteAsync<T>(string path, IAsyncEnumerable<T> rows, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = await ParquetWriter<T>.CreateAsync(path, options, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(row, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the rows of a file, one row group in memory at a time. Every mapped property must have a column of the
    /// same name; columns without a property are skipped.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : new()
    {
        var schema = RowSchema<T>.Instance;
        using var file = ParquetFile.Open(path);
        var columns = schema.Columns.Select(binding =>
            file.Descriptors.FirstOrDefault(c => c.Name == binding.Descriptor.Name)
            ?? throw new ParquetException($"{path}: there is no column '{binding.Descriptor.Name}' for property {binding.PropertyName} of {typeof(T).Name}")).ToArray();

        // The next row groups are decoded in the background (each one's columns in parallel) while the rows of
        // the current one are handed out. Two in flight keep both cores busy even when one column dominates.
        var pending = new Queue<(Task<ColumnData[]> Task, long Bytes)>();
        var scheduled = 0;
        void Schedule()
        {
            while (scheduled < file.RowGroupCount && pending.Count < LookAheadGroups
                && (pending.Count == 0 || pending.Sum(p => p.Bytes) < LookAheadBytes))
            {
                var group = scheduled++;
                pending.Enqueue((Task.Run(() => DecodeGroup(file, columns, group, cancellationToken), cancellationToken), file.RowGroups[group].TotalByteSize));
            }
        }

        try
        {
            Schedule();
            for (var g = 0; g < file.RowGroupCount; g++)
            {
                var decoded = await pending.Dequeue().Task;
                Schedule();
                var assigners = new ColumnAssigner<T>[columns.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    assigners[c] = schema.Columns[c].CreateAssigner(columns[c], decoded[c], path);
                }

                var rows = file.RowGroups[g].NumRows;
                for (long r = 0; r < rows; r++)
                {
                    var row = new T();
                    foreach (var assigner in assigners)
                    {
                        assigner.Assign(row, r);
                    }

                    yield return row;
                }

                foreach (var column in decoded)
                {
                    column.Release();
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            // The file is closed after this; let the background decodes finish first.
            while (pending.Count > 0)
            {
                try
                {
                    foreach (var column in await pending.Dequeue().Task)
                    {
                        column.Release();
                    }
                }
                catch (Exception)
                {
                    // The reader was abandoned; a failure of the look-ahead no longer matters.
                }
            }
        }
    }

    private static ColumnData[] DecodeGroup(ParquetFile file, Schema.ColumnDescriptor[] columns, int group, CancellationToken cancellationToken)
    {
        var result = new ColumnData[columns.Length];
        try
        {
            Parallel.For(0, columns.Length, new ParallelOptions { CancellationToken = cancellationToken }, c => result[c] = file.ReadChunk(group, columns[c]));
        }
        catch (AggregateException e)
        {
            // Report the first column's own error (a ParquetException naming file and column), not the wrapper.
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }

        return result;
    }
}
