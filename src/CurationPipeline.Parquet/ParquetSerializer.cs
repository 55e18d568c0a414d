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

        for (var g = 0; g < file.RowGroupCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var assigners = new ColumnAssigner<T>[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                ColumnData data = file.ReadChunk(g, columns[c]);
                assigners[c] = schema.Columns[c].CreateAssigner(columns[c], data, path);
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

            await Task.Yield();
        }
    }
}
