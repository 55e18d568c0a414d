using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.Schema;

namespace CurationPipeline.Parquet.Reading;

/// <summary>Decodes the values section of a page into the chunk's typed value array.</summary>
internal static class ValueDecoder
{
    private const int ParallelStringBytes = 4 << 20;

    public static Array Allocate(ColumnDescriptor column, int count) => column.Type switch
    {
        PhysicalType.Boolean => new bool[count],
        PhysicalType.Int32 => new int[count],
        PhysicalType.Int64 or PhysicalType.Int96 => new long[count],
        PhysicalType.Float => new float[count],
        PhysicalType.Double => new double[count],
        PhysicalType.ByteArray when column.IsString => new string[count],
        PhysicalType.ByteArray or PhysicalType.FixedLenByteArray => new byte[count][],
        _ => throw new NotSupportedException($"physical type {column.Type}"),
    };

    /// <summary>Like <see cref="Allocate"/>, from the shared array pools (the array may be longer than asked).</summary>
    public static Array Rent(ColumnDescriptor column, int count) => column.Type switch
    {
        PhysicalType.Boolean => ArrayPool<bool>.Shared.Rent(count),
        PhysicalType.Int32 => ArrayPool<int>.Shared.Rent(count),
        PhysicalType.Int64 or PhysicalType.Int96 => ArrayPool<long>.Shared.Rent(count),
        PhysicalType.Float => ArrayPool<float>.Shared.Rent(count),
        PhysicalType.Double => ArrayPool<double>.Shared.Rent(count),
        PhysicalType.ByteArray when column.IsString => ArrayPool<string>.Shared.Rent(count),
        PhysicalType.ByteArray or PhysicalType.FixedLenByteArray => ArrayPool<byte[]>.Shared.Rent(count),
        _ => throw new NotSupportedException($"physical type {column.Type}"),
    };

    /// <summary>Gives an array from <see cref="Rent"/> back; arrays of references are cleared first.</summary>
    public static void Return(Array values)
    {
        switch (values)
        {
            case bool[] a: ArrayPool<bool>.Shared.Return(a); break;
            case int[] a: ArrayPool<int>.Shared.Return(a); break;
            case long[] a: ArrayPool<long>.Shared.Return(a); break;
            case float[] a: ArrayPool<float>.Shared.Return(a); break;
            case double[] a: ArrayPool<double>.Shared.Return(a); break;
            case string[] a: ArrayPool<string>.Shared.Return(a, clearArray: true); break;
            case byte[][] a: ArrayPool<byte[]>.Shared.Return(a, clearArray: true); break;
        }
    }

    public static void Decode(ColumnDescriptor column, ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, Array dest, int offset, Array? dictionary, int dictionaryCount)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(column, data, count, dest, offset);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                if (dictionary is null)
                {
                    throw new FormatException("a dictionary-encoded page comes without a dictionary page");
                }

                DecodeIndices(data, count, dictionary, dictionaryCount, dest, offset);
                break;
            case ParquetEncoding.Rle when column.Type == PhysicalType.Boolean:
                DecodeRleBooleans(data, count, (bool[])dest, offset);
                break;
            case ParquetEncoding.DeltaBinaryPacked when column.Type is PhysicalType.Int32 or PhysicalType.Int64:
                var pos = 0;
                var longs = DeltaDecoder.DecodeLongs(data, ref pos, count);
                RequireCount(longs.Length, count);
                if (dest is int[] ints)
                {
                    for (var i = 0; i < count; i++)
                    {
                        ints[offset + i] = (int)longs[i];
                    }
                }
                else
                {
                    longs.CopyTo((long[])dest, offset);
                }

                break;
            case ParquetEncoding.DeltaLengthByteArray when column.Type == PhysicalType.ByteArray:
                DecodeDeltaLength(column, data, count, dest, offset);
                break;
            case ParquetEncoding.DeltaByteArray when column.Type is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                DecodeDeltaStrings(column, data, count, dest, offset);
                break;
            case ParquetEncoding.ByteStreamSplit when column.Type is PhysicalType.Float or PhysicalType.Double or PhysicalType.Int32 or PhysicalType.Int64:
                DecodeByteStreamSplit(data, count, dest, offset);
                break;
            default:
                throw new NotSupportedException($"encoding {EncodingName(encoding)} for {column.PhysicalTypeName}");
        }
    }

    public static string EncodingName(ParquetEncoding encoding) => encoding switch
    {
        ParquetEncoding.PlainDictionary => "PLAIN_DICTIONARY",
        ParquetEncoding.RleDictionary => "RLE_DICTIONARY",
        ParquetEncoding.BitPacked => "BIT_PACKED",
        ParquetEncoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        ParquetEncoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        ParquetEncoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        ParquetEncoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        ParquetEncoding.Plain or ParquetEncoding.Rle => encoding.ToString().ToUpperInvariant(),
        _ => $"encoding #{(int)encoding}",
    };

    private static void DecodePlain(ColumnDescriptor column, ReadOnlySpan<byte> data, int count, Array dest, int offset)
    {
        switch (dest)
        {
            case bool[] bools:
                RequireBytes(data, (count + 7) / 8);
                for (var i = 0; i < count; i++)
                {
                    bools[offset + i] = (data[i >> 3] & (1 << (i & 7))) != 0;
                }

                break;
            case int[] ints:
                CopyFixed(data, ints.AsSpan(offset, count));
                break;
            case long[] longs when column.Type == PhysicalType.Int96:
                RequireBytes(data, count * 12L);
                for (var i = 0; i < count; i++)
                {
                    var nanos = BinaryPrimitives.ReadInt64LittleEndian(data[(i * 12)..]);
                    var julian = BinaryPrimitives.ReadInt32LittleEndian(data[((i * 12) + 8)..]);
                    longs[offset + i] = ((julian - 2440588L) * 86_400_000_000L) + (nanos / 1000);
                }

                break;
            case long[] longs:
                CopyFixed(data, longs.AsSpan(offset, count));
                break;
            case float[] floats:
                CopyFixed(data, floats.AsSpan(offset, count));
                break;
            case double[] doubles:
                CopyFixed(data, doubles.AsSpan(offset, count));
                break;
            case string[] strings when data.Length >= ParallelStringBytes:
                DecodeStringsInParallel(data, count, strings, offset);
                break;
            case string[] strings:
                var pos = 0;
                for (var i = 0; i < count; i++)
                {
                    var length = ReadLength(data, ref pos);
                    strings[offset + i] = Encoding.UTF8.GetString(data.Slice(pos, length));
                    pos += length;
                }

                break;
            case byte[][] blobs when column.Type == PhysicalType.FixedLenByteArray:
                var width = column.TypeLength;
                RequireBytes(data, (long)width * count);
                for (var i = 0; i < count; i++)
                {
                    blobs[offset + i] = data.Slice(i * width, width).ToArray();
                }

                break;
            case byte[][] blobs:
                var at = 0;
                for (var i = 0; i < count; i++)
                {
                    var length = ReadLength(data, ref at);
                    blobs[offset + i] = data.Slice(at, length).ToArray();
                    at += length;
                }

                break;
            default:
                throw new NotSupportedException($"PLAIN values of {column.PhysicalTypeName}");
        }
    }

    /// <summary>
    /// Large PLAIN string pages (other writers put a whole column chunk in one page) are transcoded in parallel:
    /// one pass finds the value offsets, then ranges of values become strings on several threads.
    /// </summary>
    private static unsafe void DecodeStringsInParallel(ReadOnlySpan<byte> data, int count, string[] strings, int offset)
    {
        var starts = ArrayPool<int>.Shared.Rent(count + 1);
        try
        {
            var pos = 0;
            for (var i = 0; i < count; i++)
            {
                var length = ReadLength(data, ref pos);
                starts[i] = pos;
                pos += length;
            }

            starts[count] = pos + 4;
            fixed (byte* pointer = data)
            {
                var basePointer = (IntPtr)pointer;
                var ranges = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, count / 4096));
                Parallel.For(0, ranges, r =>
                {
                    var from = (int)((long)count * r / ranges);
                    var to = (int)((long)count * (r + 1) / ranges);
                    for (var i = from; i < to; i++)
                    {
                        // The next value's start minus its 4-byte length prefix is where this value ends.
                        var length = starts[i + 1] - 4 - starts[i];
                        strings[offset + i] = Encoding.UTF8.GetString((byte*)basePointer + starts[i], length);
                    }
                });
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    private static void CopyFixed<T>(ReadOnlySpan<byte> data, Span<T> dest)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(dest);
        RequireBytes(data, bytes.Length);
        data[..bytes.Length].CopyTo(bytes);
    }

    private static int ReadLength(ReadOnlySpan<byte> data, ref int pos)
    {
        RequireBytes(data[pos..], 4);
        var length = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
        pos += 4;
        if (length < 0 || length > data.Length - pos)
        {
            throw new FormatException($"a value of {length} bytes runs past the end of its page");
        }

        return length;
    }

    private static void DecodeIndices(ReadOnlySpan<byte> data, int count, Array dictionary, int dictionaryCount, Array dest, int offset)
    {
        if (count == 0)
        {
            return;
        }

        RequireBytes(data, 1);
        var indices = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var span = indices.AsSpan(0, count);
            RleDecoder.Decode(data[1..], data[0], span);
            foreach (var index in span)
            {
                if ((uint)index >= (uint)dictionaryCount)
                {
                    throw new FormatException($"dictionary index {index} is outside the dictionary of {dictionaryCount} entries");
                }
            }

            switch (dest)
            {
                case string[] s: Gather((string[])dictionary, span, s, offset); break;
                case int[] i: Gather((int[])dictionary, span, i, offset); break;
                case long[] l: Gather((long[])dictionary, span, l, offset); break;
                case double[] d: Gather((double[])dictionary, span, d, offset); break;
                case float[] f: Gather((float[])dictionary, span, f, offset); break;
                case bool[] b: Gather((bool[])dictionary, span, b, offset); break;
                case byte[][] y: Gather((byte[][])dictionary, span, y, offset); break;
                default: throw new NotSupportedException("dictionary values of this type");
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    private static void Gather<T>(T[] dictionary, ReadOnlySpan<int> indices, T[] dest, int offset)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            dest[offset + i] = dictionary[indices[i]];
        }
    }

    private static void DecodeRleBooleans(ReadOnlySpan<byte> data, int count, bool[] dest, int offset)
    {
        RequireBytes(data, 4);
        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            throw new FormatException("an RLE boolean run length runs past the end of its page");
        }

        var bits = new int[count];
        RleDecoder.Decode(data.Slice(4, length), 1, bits);
        for (var i = 0; i < count; i++)
        {
            dest[offset + i] = bits[i] != 0;
        }
    }

    private static void DecodeDeltaLength(ColumnDescriptor column, ReadOnlySpan<byte> data, int count, Array dest, int offset)
    {
        var (lengths, pos) = DeltaDecoder.DecodeLengths(data, count);
        RequireCount(lengths.Length, count);
        for (var i = 0; i < count; i++)
        {
            var length = lengths[i];
            if (length < 0 || length > data.Length - pos)
            {
                throw new FormatException("a DELTA_LENGTH_BYTE_ARRAY value runs past the end of its page");
            }

            Store(column, dest, offset + i, data.Slice(pos, (int)length));
            pos += (int)length;
        }
    }

    private static void DecodeDeltaStrings(ColumnDescriptor column, ReadOnlySpan<byte> data, int count, Array dest, int offset)
    {
        var pos = 0;
        var prefixes = DeltaDecoder.DecodeLongs(data, ref pos, count);
        var (suffixLengths, suffixStart) = DeltaDecoder.DecodeLengths(data[pos..], count);
        RequireCount(prefixes.Length, count);
        RequireCount(suffixLengths.Length, count);
        pos += suffixStart;
        var previous = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var prefix = prefixes[i];
            var suffix = suffixLengths[i];
            if (prefix < 0 || prefix > previous.Length || suffix < 0 || suffix > data.Length - pos)
            {
                throw new FormatException("a DELTA_BYTE_ARRAY value is inconsistent with its page");
            }

            var value = new byte[prefix + suffix];
            previous.AsSpan(0, (int)prefix).CopyTo(value);
            data.Slice(pos, (int)suffix).CopyTo(value.AsSpan((int)prefix));
            pos += (int)suffix;
            Store(column, dest, offset + i, value);
            previous = value;
        }
    }

    private static void Store(ColumnDescriptor column, Array dest, int index, ReadOnlySpan<byte> value)
    {
        if (dest is string[] strings)
        {
            strings[index] = Encoding.UTF8.GetString(value);
        }
        else
        {
            ((byte[][])dest)[index] = value.ToArray();
        }
    }

    private static void DecodeByteStreamSplit(ReadOnlySpan<byte> data, int count, Array dest, int offset)
    {
        var target = dest switch
        {
            int[] i => MemoryMarshal.AsBytes(i.AsSpan(offset, count)),
            long[] l => MemoryMarshal.AsBytes(l.AsSpan(offset, count)),
            float[] f => MemoryMarshal.AsBytes(f.AsSpan(offset, count)),
            double[] d => MemoryMarshal.AsBytes(d.AsSpan(offset, count)),
            _ => throw new NotSupportedException("BYTE_STREAM_SPLIT for this type"),
        };
        var width = count == 0 ? 0 : target.Length / count;
        RequireBytes(data, target.Length);
        for (var b = 0; b < width; b++)
        {
            var stream = data.Slice(b * count, count);
            for (var i = 0; i < count; i++)
            {
                target[(i * width) + b] = stream[i];
            }
        }
    }

    private static void RequireBytes(ReadOnlySpan<byte> data, long needed)
    {
        if (data.Length < needed)
        {
            throw new FormatException($"a page holds {data.Length} bytes of values where {needed} are needed");
        }
    }

    private static void RequireCount(int actual, int expected)
    {
        if (actual < expected)
        {
            throw new FormatException($"a page holds {actual} values where {expected} are needed");
        }
    }
}
