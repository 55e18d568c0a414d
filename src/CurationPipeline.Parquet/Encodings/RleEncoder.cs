using System.Buffers;
using CurationPipeline.Parquet.IO;

namespace CurationPipeline.Parquet.Encodings;

/// <summary>The RLE / bit-packed hybrid encoder (Encodings.md), used for levels and dictionary indices.</summary>
internal static class RleEncoder
{
    public static int BitWidth(int maxValue) => maxValue == 0 ? 0 : 32 - int.LeadingZeroCount(maxValue);

    public static void Encode(ReadOnlySpan<byte> values, int bitWidth, ByteBuffer output)
    {
        var widened = ArrayPool<int>.Shared.Rent(Math.Max(values.Length, 1));
        try
        {
            for (var j = 0; j < values.Length; j++)
            {
                widened[j] = values[j];
            }

            Encode(widened.AsSpan(0, values.Length), bitWidth, output);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(widened);
        }
    }

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var byteWidth = (bitWidth + 7) / 8;
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= 8)
            {
                output.WriteUnsignedVarInt((ulong)run << 1);
                var v = values[i];
                for (var b = 0; b < byteWidth; b++)
                {
                    output.WriteByte((byte)(v >> (8 * b)));
                }

                i += run;
                continue;
            }

            var start = i;
            var groups = 0;
            do
            {
                i += 8;
                groups++;
            }
            while (i < values.Length && RunLength(values, i) < 8);

            output.WriteUnsignedVarInt(((ulong)groups << 1) | 1);
            var end = Math.Min(i, values.Length);
            i = end;
            BitPack(values[start..end], groups * 8, bitWidth, output);
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        var v = values[start];
        var end = start + 1;
        while (end < values.Length && values[end] == v)
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Packs values LSB first; the tail up to <paramref name="paddedCount"/> is zero.</summary>
    private static void BitPack(ReadOnlySpan<int> values, int paddedCount, int bitWidth, ByteBuffer output)
    {
        var byteCount = paddedCount * bitWidth / 8;
        var span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        if (bitWidth == 0)
        {
            return;
        }

        ulong buffer = 0;
        var bits = 0;
        var pos = 0;
        for (var k = 0; k < paddedCount; k++)
        {
            var v = k < values.Length ? (ulong)(uint)values[k] : 0;
            buffer |= v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[pos++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        output.Advance(byteCount);
    }
}
