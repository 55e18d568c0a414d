using System.Runtime.ExceptionServices;
using System.Runtime.CompilerServices;
using CurationPipeline.Parquet.Mapping;
using CurationPipeline.Parquet.Reading;

namespace CurationPipeline.Parquet;

/// <summary>Writes and reads whole files of typed rows.</summary>
public static class ParquetSerializer
{
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

        // Row group g+1 is decoded in the background (its columns in parallel) while the rows of g are handed out.
        Task<ColumnData[]>? pending = file.RowGroupCount > 0 ? Task.Run(() => DecodeGroup(file, columns, 0, cancellationToken), cancellationToken) : null;
        try
        {
            for (var g = 0; g < file.RowGroupCount; g++)
            {
                var decoded = await pending!;
                var next = g + 1;
                pending = next < file.RowGroupCount ? Task.Run(() => DecodeGroup(file, columns, next, cancellationToken), cancellationToken) : null;
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

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            if (pending is not null)
            {
                // The file is closed after this; let the background decode finish first.
                try
                {
                    await pending;
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
