using System.Buffers;
using System.Buffers.Binary;
using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Schema;
using CurationPipeline.Parquet.Thrift;
using Microsoft.Win32.SafeHandles;

namespace CurationPipeline.Parquet.Reading;

/// <summary>Reads and decodes one column chunk (dictionary page, data pages v1 and v2) into a <see cref="ColumnData"/>.</summary>
internal static class ColumnChunkReader
{
    private const int MaxPageBytes = 1 << 30;
    private const int MaxChunkValues = 1 << 28;

    public static ColumnData Read(SafeFileHandle handle, long fileLength, string file, ColumnDescriptor column, ColumnChunk chunk, long numRows)
    {
        var context = $"{file}: column '{column.Name}'";
        var meta = chunk.MetaData ?? throw new ParquetException($"{context}: the column chunk has no metadata");
        if (column.Unsupported is not null)
        {
            throw new ParquetException($"{context}: the column is {column.Unsupported}, which this codec does not read");
        }

        if (meta.Codec is not (CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip))
        {
            throw new ParquetException($"{context}: compression {PageCompression.CodecName(meta.Codec)} is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP)");
        }

        if (chunk.FilePath is not null)
        {
            throw new ParquetException($"{context}: the chunk lives in another file ({chunk.FilePath}), which is not supported");
        }

        var start = meta.DictionaryPageOffset is { } d && d > 0 && d < meta.DataPageOffset ? d : meta.DataPageOffset;
        var length = meta.TotalCompressedSize;
        if (start < 4 || length < 0 || length > int.MaxValue || start + length > fileLength - 8)
        {
            throw new ParquetException($"{context}: the column chunk (offset {start}, {length} bytes) lies outside the file of {fileLength} bytes");
        }

        if (meta.NumValues < 0 || meta.NumValues > MaxChunkValues || (!column.IsList && meta.NumValues != numRows))
        {
            throw new ParquetException($"{context}: the column chunk claims {meta.NumValues} values for {numRows} rows");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
        try
        {
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), start + read);
                if (n == 0)
                {
                    throw new ParquetException($"{context}: the file ends inside the column chunk");
                }

                read += n;
            }

            return DecodePages(buffer, (int)length, context, file, column, (int)meta.NumValues, meta.Codec);
        }
        catch (Exception e) when (e is not ParquetException and not OperationCanceledException)
        {
            var what = e is NotSupportedException ? $"uses {e.Message}, which is not supported" : $"corrupt data ({e.Message})";
            throw new ParquetException($"{context}: {what}", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ColumnData DecodePages(byte[] buffer, int length, string context, string file, ColumnDescriptor column, int totalValues, CompressionCodec codec)
    {
        // Level and value arrays are rented: a reader that releases each chunk after use (ParquetSerializer)
        // then reuses them instead of allocating large arrays, which would trigger full collections.
        var data = new ColumnData
        {
            Column = column,
            File = file,
            Defs = column.MaxDef > 0 ? ArrayPool<byte>.Shared.Rent(totalValues) : null,
            Reps = column.MaxRep > 0 ? ArrayPool<byte>.Shared.Rent(totalValues) : null,
            Values = ValueDecoder.Rent(column, totalValues),
        };
        Array? dictionary = null;
        var dictionaryCount = 0;
        var pos = 0;
        var scratch = Array.Empty<byte>();
        var levels = Array.Empty<int>();
        var complete = false;
        try
        {
            while (pos < length && data.LevelCount < totalValues)
            {
                var reader = new CompactReader(buffer, pos, length, $"{context}: page header");
                var header = PageHeader.Read(reader);
                pos = reader.Position;
                if (header.CompressedPageSize < 0 || header.CompressedPageSize > length - pos || header.UncompressedPageSize is < 0 or > MaxPageBytes)
                {
                    throw new ParquetException($"{context}: a page header at byte {pos} claims sizes ({header.CompressedPageSize} compressed, {header.UncompressedPageSize} uncompressed) that do not fit the column chunk");
                }

                var body = buffer.AsSpan(pos, header.CompressedPageSize);
                pos += header.CompressedPageSize;
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        if (header.NumValues < 0 || header.NumValues > header.UncompressedPageSize * 8L + 8)
                        {
                            throw new FormatException($"a dictionary page claims {header.NumValues} entries");
                        }

                        EnsureSize(ref scratch, header.UncompressedPageSize);
                        PageCompression.Decompress(codec, body, scratch.AsSpan(0, header.UncompressedPageSize));
                        dictionary = ValueDecoder.Allocate(column, header.NumValues);
                        dictionaryCount = header.NumValues;
                        ValueDecoder.Decode(column, ParquetEncoding.Plain, scratch.AsSpan(0, header.UncompressedPageSize), header.NumValues, dictionary, 0, null, 0);
                        break;
                    case PageType.DataPage:
                    case PageType.DataPageV2:
                        if (!header.HasSubHeader || header.NumValues < 0 || header.NumValues > totalValues - data.LevelCount)
                        {
                            throw new FormatException($"a data page claims {header.NumValues} values where {totalValues - data.LevelCount} remain in the chunk");
                        }

                        DecodeDataPage(header, body, codec, column, data, dictionary, dictionaryCount, ref scratch, ref levels);
                        break;
                    default:
                        break;
                }
            }

            if (data.LevelCount != totalValues)
            {
                throw new ParquetException($"{context}: the column chunk holds {data.LevelCount} values where its metadata says {totalValues}");
            }

            complete = true;
            return data;
        }
        finally
        {
            if (scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }

            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }

            if (!complete)
            {
                data.Release();
            }
        }
    }

    private static void DecodeDataPage(PageHeader header, ReadOnlySpan<byte> body, CompressionCodec codec, ColumnDescriptor column, ColumnData data, Array? dictionary, int dictionaryCount, ref byte[] scratch, ref int[] levels)
    {
        var count = header.NumValues;
        ReadOnlySpan<byte> values;
        ReadOnlySpan<byte> repBytes, defBytes;
        if (header.Type == PageType.DataPageV2)
        {
            var repLength = header.RepetitionLevelsByteLength;
            var defLength = header.DefinitionLevelsByteLength;
            if (repLength < 0 || defLength < 0 || repLength + (long)defLength > body.Length)
            {
                throw new FormatException("the level sections of a v2 page do not fit the page");
            }

            repBytes = body[..repLength];
            defBytes = body.Slice(repLength, defLength);
            var compressedValues = body[(repLength + defLength)..];
            var valueSize = header.UncompressedPageSize - repLength - defLength;
            if (valueSize < 0)
            {
                throw new FormatException("a v2 page is smaller than its level sections");
            }

            if (header.IsCompressed && codec != CompressionCodec.Uncompressed)
            {
                EnsureSize(ref scratch, valueSize);
                PageCompression.Decompress(codec, compressedValues, scratch.AsSpan(0, valueSize));
                values = scratch.AsSpan(0, valueSize);
            }
            else
            {
                values = compressedValues;
            }
        }
        else
        {
            EnsureSize(ref scratch, header.UncompressedPageSize);
            var page = scratch.AsSpan(0, header.UncompressedPageSize);
            PageCompression.Decompress(codec, body, page);
            var pos = 0;
            repBytes = column.MaxRep > 0 ? LengthPrefixed(page, ref pos, header.RepetitionLevelEncoding) : default;
            defBytes = column.MaxDef > 0 ? LengthPrefixed(page, ref pos, header.DefinitionLevelEncoding) : default;
            values = page[pos..];
        }

        if (levels.Length < count)
        {
            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }

            levels = ArrayPool<int>.Shared.Rent(count);
        }

        var present = count;
        if (column.MaxRep > 0)
        {
            RleDecoder.Decode(repBytes, RleEncoder.BitWidth(column.MaxRep), levels.AsSpan(0, count));
            CopyLevels(levels.AsSpan(0, count), data.Reps!.AsSpan(data.LevelCount, count), column.MaxRep);
        }

        if (column.MaxDef > 0)
        {
            RleDecoder.Decode(defBytes, RleEncoder.BitWidth(column.MaxDef), levels.AsSpan(0, count));
            present = CopyLevels(levels.AsSpan(0, count), data.Defs!.AsSpan(data.LevelCount, count), column.MaxDef);
        }

        ValueDecoder.Decode(column, header.Encoding, values, present, data.Values, data.ValueCount, dictionary, dictionaryCount);
        data.Pages.Add(new DataPageInfo(header.Type, header.Encoding, data.LevelCount, count, data.ValueCount, present, header.Statistics));
        data.LevelCount += count;
        data.ValueCount += present;
    }

    /// <summary>Copies levels, checking their range; returns how many equal the maximum.</summary>
    private static int CopyLevels(ReadOnlySpan<int> source, Span<byte> target, int max)
    {
        var atMax = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var level = source[i];
            if ((uint)level > (uint)max)
            {
                throw new FormatException($"level {level} exceeds the maximum {max}");
            }

            target[i] = (byte)level;
            if (level == max)
            {
                atMax++;
            }
        }

        return atMax;
    }

    private static ReadOnlySpan<byte> LengthPrefixed(ReadOnlySpan<byte> page, scoped ref int pos, ParquetEncoding encoding)
    {
        if (encoding != ParquetEncoding.Rle)
        {
            throw new NotSupportedException($"level encoding {ValueDecoder.EncodingName(encoding)}");
        }

        if (page.Length - pos < 4)
        {
            throw new FormatException("a page ends before its levels");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(page[pos..]);
        if (length < 0 || length > page.Length - pos - 4)
        {
            throw new FormatException($"levels of {length} bytes run past the end of the page");
        }

        var result = page.Slice(pos + 4, length);
        pos += 4 + length;
        return result;
    }

    private static void EnsureSize(ref byte[] scratch, int size)
    {
        if (scratch.Length >= size)
        {
            return;
        }

        if (scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        scratch = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1024));
    }
}
