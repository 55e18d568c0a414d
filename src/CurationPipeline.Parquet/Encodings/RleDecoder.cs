namespace CurationPipeline.Parquet.Encodings;

/// <summary>Decodes the RLE / bit-packed hybrid. Throws <see cref="FormatException"/> when the data runs out.</summary>
internal static class RleDecoder
{
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new FormatException($"bit width {bitWidth} is out of range");
        }

        var byteWidth = (bitWidth + 7) / 8;
        var pos = 0;
        var n = 0;
        while (n < output.Length)
        {
            var header = ReadVarInt(data, ref pos);
            if ((header & 1) == 0)
            {
                var count = (int)Math.Min(header >> 1, (ulong)(output.Length - n));
                if (pos + byteWidth > data.Length)
                {
                    throw new FormatException("an RLE run runs past the end of its data");
                }

                var v = 0;
                for (var b = 0; b < byteWidth; b++)
                {
                    v |= data[pos + b] << (8 * b);
                }

                pos += byteWidth;
                output.Slice(n, count).Fill(v);
                n += count;
            }
            else
            {
                var groups = header >> 1;
                var values = (long)Math.Min(groups * 8, (ulong)int.MaxValue);
                var bytes = groups * (ulong)bitWidth;
                var available = (ulong)(data.Length - pos);
                var take = (int)Math.Min(values, output.Length - n);
                if ((ulong)take * (ulong)bitWidth > available * 8)
                {
                    throw new FormatException("a bit-packed run runs past the end of its data");
                }

                BitUnpack(data[pos..], bitWidth, output.Slice(n, take));
                n += take;
                pos += (int)Math.Min(bytes, available);
            }
        }
    }

    public static void BitUnpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        ulong buffer = 0;
        var bits = 0;
        var pos = 0;
        for (var k = 0; k < output.Length; k++)
        {
            while (bits < bitWidth)
            {
                buffer |= (ulong)data[pos++] << bits;
                bits += 8;
            }

            output[k] = (int)((uint)buffer & mask);
            buffer >>= bitWidth;
            bits -= bitWidth;
        }
    }

    public static ulong ReadVarInt(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new FormatException("a varint runs past the end of its data");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("a varint is too long");
    }
}
