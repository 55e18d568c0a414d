using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Compresses pages, writes them with their headers to the output and keeps the chunk's running totals.</summary>
internal sealed class PageSink(Stream output, CompressionCodec codec) : IDisposable
{
    private readonly ByteBuffer _compressed = new(1 << 20);
    private readonly ByteBuffer _header = new(256);

    public long Position { get; set; }

    public CompressionCodec Codec { get; } = codec;

    /// <summary>Scratch buffer the column writers fill with an uncompressed page body.</summary>
    public ByteBuffer Body { get; } = new(1 << 20);

    public long ChunkUncompressed { get; private set; }

    public long ChunkCompressed { get; private set; }

    public void BeginChunk()
    {
        ChunkUncompressed = 0;
        ChunkCompressed = 0;
    }

    /// <summary>Writes <see cref="Body"/> as one page.</summary>
    public async ValueTask WritePageAsync(PageType type, int numValues, ParquetEncoding encoding, CancellationToken cancellationToken)
    {
        _compressed.Clear();
        PageCompression.Compress(Codec, Body.Span, _compressed);
        _header.Clear();
        new PageHeader
        {
            Type = type,
            UncompressedPageSize = Body.Length,
            CompressedPageSize = _compressed.Length,
            NumValues = numValues,
            Encoding = encoding,
        }.Write(new CompactWriter(_header));

        await output.WriteAsync(_header.Memory, cancellationToken);
        await output.WriteAsync(_compressed.Memory, cancellationToken);
        Position += _header.Length + _compressed.Length;
        ChunkUncompressed += _header.Length + Body.Length;
        ChunkCompressed += _header.Length + _compressed.Length;
        Body.Clear();
    }

    public void Dispose()
    {
        _compressed.Dispose();
        _header.Dispose();
        Body.Dispose();
    }
}
