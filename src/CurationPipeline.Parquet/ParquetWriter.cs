using CurationPipeline.Parquet.Mapping;
using CurationPipeline.Parquet.Writing;

namespace CurationPipeline.Parquet;

/// <summary>
/// Streams rows of <typeparamref name="T"/> into a Parquet file, one row group at a time. For a path target the
/// file is written to a temporary file in the same folder and renamed over the target by <see cref="CompleteAsync"/>;
/// disposing without completing deletes the temporary file and leaves the target untouched.
/// </summary>
public sealed class ParquetWriter<T> : IAsyncDisposable
    where T : new()
{
    private readonly ColumnAppender<T>[][] _appenders;
    private readonly FileWriterCore _core;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string? _path;
    private readonly string? _tempPath;
    private bool _completed;
    private bool _faulted;
    private bool _disposed;

    private ParquetWriter(Stream stream, bool ownsStream, string? path, string? tempPath, ParquetWriteOptions options)
    {
        var schema = RowSchema<T>.Instance;
        // Two sets of column writers: one takes rows while the other's row group is written in the background.
        _appenders = [CreateAppenders(schema, options), CreateAppenders(schema, options)];
        _core = new FileWriterCore(stream, _appenders.Select(set => (IReadOnlyList<ColumnWriter>)set.Select(a => a.Writer).ToArray()).ToArray(), schema.BuildSchemaElements(), options);
        _stream = stream;
        _ownsStream = ownsStream;
        _path = path;
        _tempPath = tempPath;
    }

    /// <summary>Rows accepted so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Starts a file at <paramref name="path"/>, written through a temporary file in the same folder.</summary>
    public static async Task<ParquetWriter<T>> CreateAsync(string path, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
        var writer = default(ParquetWriter<T>);
        try
        {
            writer = new ParquetWriter<T>(stream, ownsStream: true, full, temp, options ?? ParquetWriteOptions.Default);
            await writer._core.StartAsync(cancellationToken);
            return writer;
        }
        catch
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
            else
            {
                await stream.DisposeAsync();
                File.Delete(temp);
            }

            throw;
        }
    }

    /// <summary>Starts a file on a stream positioned at its start; the stream is left open.</summary>
    public static async Task<ParquetWriter<T>> CreateAsync(Stream stream, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new ParquetWriter<T>(stream, ownsStream: false, null, null, options ?? ParquetWriteOptions.Default);
        await writer._core.StartAsync(cancellationToken);
        return writer;
    }

    /// <summary>
    /// Adds one row. A full row group is handed to the background to be encoded and written; this waits only for
    /// the row group before it, so at most two row groups are buffered.
    /// </summary>
    public ValueTask WriteAsync(T row, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            foreach (var appender in _appenders[_core.Current])
            {
                appender.Append(row, RowsWritten);
            }
        }
        catch
        {
            // Some columns already hold part of this row: the file can no longer be completed.
            _faulted = true;
            throw;
        }

        RowsWritten++;
        _core.RowAdded();
        return _core.NeedsFlush ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>Writes the last row group and the footer; for a path target, renames the file into place.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        try
        {
            await _core.CompleteAsync(cancellationToken);
        }
        catch
        {
            _faulted = true;
            throw;
        }

        _completed = true;
        if (_ownsStream)
        {
            await _stream.DisposeAsync();
            File.Move(_tempPath!, _path!, overwrite: true);
        }
    }

    /// <summary>Releases buffers; without <see cref="CompleteAsync"/> the temporary file is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _core.DrainAsync();
        }
        catch (Exception)
        {
            // The file is abandoned; a failure of its last row group no longer matters.
        }

        _core.Dispose();
        if (_ownsStream && !_completed)
        {
            await _stream.DisposeAsync();
            try
            {
                File.Delete(_tempPath!);
            }
            catch (IOException)
            {
                // Nothing more can be done; the target itself was never touched.
            }
        }
    }

    private static ColumnAppender<T>[] CreateAppenders(RowSchema<T> schema, ParquetWriteOptions options) =>
        schema.Columns.Select(c => c.CreateAppender(options)).ToArray();

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _core.FlushRowGroupAsync(cancellationToken);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the writer is already complete");
        }

        if (_faulted)
        {
            throw new InvalidOperationException("an earlier write failed; the file cannot be completed");
        }
    }
}
