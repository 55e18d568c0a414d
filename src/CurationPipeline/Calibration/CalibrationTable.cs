using CurationPipeline.Parquet;

namespace CurationPipeline.Calibration;

/// <summary>
/// The <c>calibration</c> Parquet table: rows from any number of concurrent items go through one lock into a
/// <see cref="ParquetWriter{T}"/>, which writes a temporary file and renames it into place on
/// <see cref="CompleteAsync"/>, so a reader never sees a half-written table. Disposing without completing
/// leaves no file.
/// </summary>
public sealed class CalibrationTable : ICalibrationSink, IAsyncDisposable
{
    private readonly ParquetWriter<CalibrationRow> _writer;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _completed;

    private CalibrationTable(ParquetWriter<CalibrationRow> writer, string path)
    {
        _writer = writer;
        Path = path;
    }

    /// <summary>Where the table will be once completed.</summary>
    public string Path { get; }

    public long RowsWritten => _writer.RowsWritten;

    /// <summary>Starts a table at <paramref name="path"/> (its folder is created).</summary>
    public static async Task<CalibrationTable> CreateAsync(string path, CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var writer = await ParquetWriter<CalibrationRow>.CreateAsync(path, new ParquetWriteOptions
        {
            Metadata = new Dictionary<string, string> { ["table"] = "calibration", ["schema_version"] = "1" },
        }, cancellationToken);
        return new CalibrationTable(writer, path);
    }

    public async ValueTask WriteAsync(IReadOnlyList<CalibrationRow> rows, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            foreach (var row in rows)
            {
                await _writer.WriteAsync(row, cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes the footer and moves the file into place.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_completed)
            {
                await _writer.CompleteAsync(cancellationToken);
                _completed = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads a calibration table back.</summary>
    public static async Task<List<CalibrationRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"calibration table not found: {path}", path);
        }

        var rows = new List<CalibrationRow>();
        await foreach (var row in ParquetSerializer.ReadAsync<CalibrationRow>(path, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _lock.Dispose();
    }
}
