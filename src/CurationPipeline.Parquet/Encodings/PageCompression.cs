using System.IO.Compression;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;

namespace CurationPipeline.Parquet.Encodings;

/// <summary>Compresses and decompresses page bodies with the codecs this codec supports.</summary>
internal static class PageCompression
{
    public static CompressionCodec ToCodec(ParquetCompression compression) => compression switch
    {
        ParquetCompression.None => CompressionCodec.Uncompressed,
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        _ => throw new ArgumentOutOfRangeException(nameof(compression)),
    };

    /// <summary>Appends the compressed form of <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Compress(CompressionCodec codec, ReadOnlySpan<byte> input, ByteBuffer output)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                output.Write(input);
                break;
            case CompressionCodec.Snappy:
                var target = output.GetSpan(SnappyEncoder.MaxCompressedLength(input.Length));
                output.Advance(SnappyEncoder.Encode(input, target));
                break;
            case CompressionCodec.Gzip:
                using (var stream = new BufferStream(output))
                using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(input);
                }

                break;
            default:
                throw new ParquetException($"compression {codec} is not supported for writing");
        }
    }

    /// <summary>Decompresses into exactly <paramref name="output"/>.Length bytes; a size mismatch is corruption.</summary>
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> input, Span<byte> output)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (input.Length != output.Length)
                {
                    throw new FormatException($"an uncompressed page holds {input.Length} bytes, its header says {output.Length}");
                }

                input.CopyTo(output);
                break;
            case CompressionCodec.Snappy:
                SnappyDecoder.Decode(input, output);
                break;
            case CompressionCodec.Gzip:
                unsafe
                {
                    fixed (byte* p = input)
                    {
                        using var source = new UnmanagedMemoryStream(p, input.Length);
                        using var gzip = new GZipStream(source, CompressionMode.Decompress);
                        var total = 0;
                        while (total < output.Length)
                        {
                            var read = gzip.Read(output[total..]);
                            if (read == 0)
                            {
                                break;
                            }

                            total += read;
                        }

                        if (total != output.Length || gzip.Read(stackalloc byte[1]) != 0)
                        {
                            throw new FormatException($"a GZIP page does not decompress to the {output.Length} bytes its header says");
                        }
                    }
                }

                break;
            default:
                throw new NotSupportedException($"compression codec {CodecName(codec)}");
        }
    }

    public static string CodecName(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => "UNCOMPRESSED",
        CompressionCodec.Lz4Raw => "LZ4_RAW",
        _ => codec.ToString().ToUpperInvariant(),
    };

    /// <summary>A write-only stream that appends to a <see cref="ByteBuffer"/>.</summary>
    private sealed class BufferStream(ByteBuffer buffer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => buffer.Length;

        public override long Position { get => buffer.Length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> span) => buffer.Write(span);
    }
}
