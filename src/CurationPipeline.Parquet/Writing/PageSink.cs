using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Writing;

/// <summary>Compresses pages, writes them with their headers to the output and keeps the chunk's running totals.</summary>
internal sealed class PageSink(Stream output, CompressionCodec codec) : IDisposable
{
    private readonly ByteBuffer _compressed = new(1 << 17);
    private readonly ByteBuffer _header = new(256);

    public long Position { get; set; }

    public CompressionCodec Codec { get; } = codec;

    /// <summary>Scratch buffer the column writers fill with an uncompressed page body.</summary>
    public ByteBuffer Body { get; } = new(1 << 17);

    public long ChunkUncompressed { get; private set; }

    public long ChunkCompressed { get; private set; }

    public void BeginChunk()
    {
        ChunkUncompressed = 0;
        ChunkCompressed = 0;
    }

    /// <summary>Writes <see cref="Body"/> as one dictionary or v1 data page.</summary>
    public ValueTask WritePageAsync(PageType type, int numValues, ParquetEncoding encoding, CancellationToken cancellationToken) =>
        WriteAsync(new PageHeader { Type = type, NumValues = numValues, Encoding = encoding }, 0, cancellationToken);

    /// <summary>
    /// Writes <see cref="Body"/> as a v2 data page: its first <paramref name="levelBytes"/> bytes are the
    /// repetition and definition levels, which stay uncompressed.
    /// </summary>
    public ValueTask WritePageV2Async(PageHeader header, int levelBytes, CancellationToken cancellationToken) =>
        WriteAsync(header, levelBytes, cancellationToken);

    private async ValueTask WriteAsync(PageHeader header, int levelBytes, CancellationToken cancellationToken)
    {
        _compressed.Clear();
        _compressed.Write(Body.Span[..levelBytes]);
        PageCompression.Compress(Codec, Body.Span[levelBytes..], _compressed);
        _header.Clear();
        header.UncompressedPageSize = Body.Length;
        header.CompressedPageSize = _compressed.Length;
        header.Write(new CompactWriter(_header));

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
