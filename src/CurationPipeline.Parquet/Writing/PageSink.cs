using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Writing;

/// <summary>
/// Compresses one column's pages and collects them, with their headers, into the column chunk's bytes.
/// Each column has its own sink, so the columns of a row group can be encoded in parallel; offsets are
/// relative to the chunk start until the file writer places the chunk.
/// </summary>
internal sealed class PageSink(CompressionCodec codec) : IDisposable
{
    private readonly ByteBuffer _compressed = new(1 << 17);
    private readonly ByteBuffer _header = new(256);

    public CompressionCodec Codec { get; } = codec;

    /// <summary>Scratch buffer the column writer fills with an uncompressed page body.</summary>
    public ByteBuffer Body { get; } = new(1 << 17);

    /// <summary>The chunk written so far: page headers and compressed pages.</summary>
    public ByteBuffer Chunk { get; } = new(1 << 16);

    /// <summary>Offset of the next page, relative to the chunk start.</summary>
    public long Position => Chunk.Length;

    public long ChunkUncompressed { get; private set; }

    public long ChunkCompressed => Chunk.Length;

    public void BeginChunk()
    {
        Chunk.Clear();
        ChunkUncompressed = 0;
    }

    /// <summary>Adds <see cref="Body"/> as a dictionary page.</summary>
    public void WriteDictionaryPage(int count) =>
        WritePage(new PageHeader { Type = PageType.DictionaryPage, NumValues = count, Encoding = ParquetEncoding.Plain }, 0);

    /// <summary>
    /// Adds <see cref="Body"/> as a page; in v2 data pages its first <paramref name="levelBytes"/> bytes are the
    /// repetition and definition levels, which stay uncompressed.
    /// </summary>
    public void WritePage(PageHeader header, int levelBytes)
    {
        _compressed.Clear();
        _compressed.Write(Body.Span[..levelBytes]);
        PageCompression.Compress(Codec, Body.Span[levelBytes..], _compressed);
        _header.Clear();
        header.UncompressedPageSize = Body.Length;
        header.CompressedPageSize = _compressed.Length;
        header.Write(new CompactWriter(_header));

        Chunk.Write(_header.Span);
        Chunk.Write(_compressed.Span);
        ChunkUncompressed += _header.Length + Body.Length;
        Body.Clear();
    }

    public void Dispose()
    {
        _compressed.Dispose();
        _header.Dispose();
        Body.Dispose();
        Chunk.Dispose();
    }
}
