using System.Runtime.ExceptionServices;
using System.Buffers.Binary;
using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Lays out the file: magic, one row group per flush, then the footer.</summary>
internal sealed class FileWriterCore(Stream output, IReadOnlyList<ColumnWriter> columns, List<SchemaElement> schema, ParquetWriteOptions options) : IDisposable
{
    /// <summary>A row group is closed early when its buffered values pass this size.</summary>
    private const long MaxRowGroupBytes = 128L << 20;

    internal static readonly string CreatedBy = $"CurationPipeline.Parquet version {typeof(FileWriterCore).Assembly.GetName().Version?.ToString(3)}";

    private readonly PageSink[] _sinks = columns.Select(_ => new PageSink(PageCompression.ToCodec(options.Compression))).ToArray();
    private readonly List<RowGroup> _rowGroups = [];
    private readonly int _rowGroupSize = options.RowGroupSize > 0 ? options.RowGroupSize
        : throw new ArgumentOutOfRangeException(nameof(options), "RowGroupSize must be positive");

    private long _position;
    private long _rowsInGroup;
    private long _totalRows;

    public bool NeedsFlush { get; private set; }

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
            foreach (var column in columns)
            {
                buffered += column.BufferedBytes;
            }

            NeedsFlush = buffered > MaxRowGroupBytes;
        }
    }

    public async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        NeedsFlush = false;
        if (_rowsInGroup == 0)
        {
            return;
        }

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

        var group = new RowGroup { NumRows = _rowsInGroup, FileOffset = _position, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
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
        _rowsInGroup = 0;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken);
        var meta = new FileMetaData { NumRows = _totalRows, CreatedBy = CreatedBy, ColumnOrderCount = columns.Count };
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

    public void Dispose()
    {
        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }

        foreach (var column in columns)
        {
            (column as IDisposable)?.Dispose();
        }
    }
}
