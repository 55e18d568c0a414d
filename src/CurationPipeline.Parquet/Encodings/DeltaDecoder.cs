namespace CurationPipeline.Parquet.Encodings;

/// <summary>DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY decoding (Encodings.md).</summary>
internal static class DeltaDecoder
{
    /// <summary>Decodes one DELTA_BINARY_PACKED run starting at <paramref name="pos"/>; at most <paramref name="maxCount"/> values.</summary>
    public static long[] DecodeLongs(ReadOnlySpan<byte> data, ref int pos, int maxCount)
    {
        var blockSize = RleDecoder.ReadVarInt(data, ref pos);
        var miniblocks = RleDecoder.ReadVarInt(data, ref pos);
        var total = RleDecoder.ReadVarInt(data, ref pos);
        var first = ZigZag(RleDecoder.ReadVarInt(data, ref pos));
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
        {
            throw new FormatException($"a DELTA_BINARY_PACKED header is invalid (block {blockSize}, miniblocks {miniblocks})");
        }

        if (total > (ulong)maxCount)
        {
            throw new FormatException($"a DELTA_BINARY_PACKED run claims {total} values where at most {maxCount} fit");
        }

        var values = new long[total];
        if (total == 0)
        {
            return values;
        }

        var perMiniblock = (int)(blockSize / miniblocks);
        Span<ulong> deltas = stackalloc ulong[perMiniblock <= 4096 ? perMiniblock : 0];
        if (deltas.Length == 0)
        {
            throw new FormatException("a DELTA_BINARY_PACKED miniblock is too large");
        }

        values[0] = first;
        var i = 1;
        while (i < values.Length)
        {
            var minDelta = ZigZag(RleDecoder.ReadVarInt(data, ref pos));
            if (pos + (int)miniblocks > data.Length)
            {
                throw new FormatException("a DELTA_BINARY_PACKED block runs past the end of the page");
            }

            var widths = data.Slice(pos, (int)miniblocks);
            pos += (int)miniblocks;
            for (var m = 0; m < widths.Length && i < values.Length; m++)
            {
                var width = widths[m];
                if (width > 64)
                {
                    throw new FormatException($"a DELTA_BINARY_PACKED miniblock has bit width {width}");
                }

                var bytes = perMiniblock * width / 8;
                if (pos + bytes > data.Length)
                {
                    throw new FormatException("a DELTA_BINARY_PACKED miniblock runs past the end of the page");
                }

                Unpack64(data.Slice(pos, bytes), width, deltas);
                pos += bytes;
                for (var k = 0; k < perMiniblock && i < values.Length; k++, i++)
                {
                    values[i] = unchecked(values[i - 1] + minDelta + (long)deltas[k]);
                }
            }
        }

        return values;
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: the lengths, then the concatenated bytes.</summary>
    public static (long[] Lengths, int DataStart) DecodeLengths(ReadOnlySpan<byte> data, int maxCount)
    {
        var pos = 0;
        var lengths = DecodeLongs(data, ref pos, maxCount);
        return (lengths, pos);
    }

    private static void Unpack64(ReadOnlySpan<byte> data, int width, Span<ulong> output)
    {
        if (width == 0)
        {
            output.Clear();
            return;
        }

        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var bitPos = 0L;
        for (var k = 0; k < output.Length; k++)
        {
            ulong value = 0;
            var got = 0;
            while (got < width)
            {
                var byteIndex = (int)(bitPos >> 3);
                var bitOffset = (int)(bitPos & 7);
                var take = Math.Min(8 - bitOffset, width - got);
                var bits = (ulong)((data[byteIndex] >> bitOffset) & ((1 << take) - 1));
                value |= bits << got;
                got += take;
                bitPos += take;
            }

            output[k] = value & mask;
        }
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
