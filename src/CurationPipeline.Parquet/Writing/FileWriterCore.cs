using System.Runtime.ExceptionServices;
using System.Buffers.Binary;
using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Writing;

/// <summary>
/// Lays out the file: magic, one row group per flush, then the footer. Rows go into one of two sets of column
/// writers; a full row group is encoded and written in the background while the next one fills the other set,
/// so shredding rows and compressing pages run on different cores. At most one row group is in flight.
/// </summary>
internal sealed class FileWriterCore(Stream output, IReadOnlyList<ColumnWriter>[] sets, List<SchemaElement> schema, ParquetWriteOptions options) : IDisposable
{
    /// <summary>A row group is closed early when its buffered values pass this size.</summary>
    private const long MaxRowGroupBytes = 128L << 20;

    internal static readonly string CreatedBy = $"CurationPipeline.Parquet version {typeof(FileWriterCore).Assembly.GetName().Version?.ToString(3)}";

    // Sinks are shared by both sets: only one row group is encoded at a time.
    private readonly PageSink[] _sinks = sets[0].Select(_ => new PageSink(PageCompression.ToCodec(options.Compression))).ToArray();
    private readonly List<RowGroup> _rowGroups = [];
    private readonly int _rowGroupSize = options.RowGroupSize > 0 ? options.RowGroupSize
        : throw new ArgumentOutOfRangeException(nameof(options), "RowGroupSize must be positive");

    private long _position;
    private long _rowsInGroup;
    private long _totalRows;
    private Task _pending = Task.CompletedTask;

    public bool NeedsFlush { get; private set; }

    /// <summary>Index of the set of column writers that takes the next rows.</summary>
    public int Current { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync("PAR1"u8.ToArray(), cancellationToken);
        _position = 4;
    }

    public void RowAdded()
    {
        _rowsInGroup++;
        _totalRows++;
        if (_rowsInGroup >= _rowGroupSize)
        {
            NeedsFlush = true;
        }
        else if ((_rowsInGroup & 1023) == 0)
        {
            long buffered = 0;
            foreach (var column in sets[Current])
            {
                buffered += column.BufferedBytes;
            }

            NeedsFlush = buffered > MaxRowGroupBytes;
        }
    }

    /// <summary>
    /// Hands the current row group to the background and switches to the other set of column writers; waits
    /// first for the previous row group, whose failure (if any) surfaces here.
    /// </summary>
    public async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        NeedsFlush = false;
        if (_rowsInGroup == 0)
        {
            return;
        }

        await _pending;
        var columns = sets[Current];
        var rows = _rowsInGroup;
        _pending = Task.Run(() => WriteRowGroupAsync(columns, rows, cancellationToken), cancellationToken);
        Current = 1 - Current;
        _rowsInGroup = 0;
    }

    /// <summary>Waits for the row group in flight, if any.</summary>
    public Task DrainAsync() => _pending;

    private async Task WriteRowGroupAsync(IReadOnlyList<ColumnWriter> columns, long rows, CancellationToken cancellationToken)
    {
        // Columns are encoded and compressed in parallel into their own buffers, then written in order.
        var chunks = new ColumnChunk[columns.Count];
        try
        {
            Parallel.For(0, columns.Count, new ParallelOptions { CancellationToken = cancellationToken }, c => chunks[c] = columns[c].WriteChunk(_sinks[c]));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }

        var group = new RowGroup { NumRows = rows, FileOffset = _position, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
        long compressed = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var chunk = chunks[c];
            var meta = chunk.MetaData!;
            chunk.FileOffset += _position;
            meta.DataPageOffset += _position;
            meta.DictionaryPageOffset += _position;
            await output.WriteAsync(_sinks[c].Chunk.Memory, cancellationToken);
            _position += _sinks[c].Chunk.Length;
            group.Columns.Add(chunk);
            group.TotalByteSize += meta.TotalUncompressedSize;
            compressed += meta.TotalCompressedSize;
            columns[c].Reset();
            _sinks[c].BeginChunk();
        }

        group.TotalCompressedSize = compressed;
        _rowGroups.Add(group);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken);
        await _pending;
        var meta = new FileMetaData { NumRows = _totalRows, CreatedBy = CreatedBy, ColumnOrderCount = _sinks.Length };
        meta.Schema.AddRange(schema);
        meta.RowGroups.AddRange(_rowGroups);
        foreach (var (key, value) in options.Metadata)
        {
            meta.KeyValueMetadata.Add(new(key, value));
        }

        using var footer = new ByteBuffer(1 << 14);
        meta.Write(new CompactWriter(footer));
        var length = footer.Length;
        var tail = footer.GetSpan(8);
        BinaryPrimitives.WriteInt32LittleEndian(tail, length);
        "PAR1"u8.CopyTo(tail[4..]);
        footer.Advance(8);
        await output.WriteAsync(footer.Memory, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Releases the buffers; call after <see cref="DrainAsync"/> so no row group still uses them.</summary>
    public void Dispose()
    {
        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }

        foreach (var column in sets.SelectMany(set => set))
        {
            (column as IDisposable)?.Dispose();
        }
    }
}
