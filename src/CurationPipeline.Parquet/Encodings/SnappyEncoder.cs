using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CurationPipeline.Parquet.Encodings;

/// <summary>
/// Compresses into the raw Snappy block format (format_description.txt of the Snappy project): a varint of the
/// uncompressed length, then literals and copies. Input is cut into 64 KiB blocks so every copy offset fits two
/// bytes; matches are found through a hash table of 4-byte sequences, skipping faster through data that does not
/// compress. Writes straight into the caller's buffer and allocates nothing.
/// </summary>
internal static class SnappyEncoder
{
    private const int BlockSize = 1 << 16;
    private const int HashBits = 14;

    // Matches need 4 readable bytes; the tail of a block shorter than this is always a literal.
    private const int InputMargin = 4;

    [ThreadStatic]
    private static ushort[]? t_table;

    /// <summary>An upper bound of the compressed size of <paramref name="length"/> bytes.</summary>
    public static int MaxCompressedLength(int length) => 32 + length + (length / 6);

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/> (at least <see cref="MaxCompressedLength"/> long); returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var pos = 0;
        var length = (uint)input.Length;
        while (length >= 0x80)
        {
            output[pos++] = (byte)(length | 0x80);
            length >>= 7;
        }

        output[pos++] = (byte)length;
        var table = t_table ??= new ushort[1 << HashBits];
        for (var start = 0; start < input.Length; start += BlockSize)
        {
            var block = input.Slice(start, Math.Min(BlockSize, input.Length - start));
            pos = EncodeBlock(block, output, pos, table);
        }

        return pos;
    }

    private static int EncodeBlock(ReadOnlySpan<byte> block, Span<byte> output, int pos, ushort[] table)
    {
        var nextEmit = 0;
        if (block.Length > 16)
        {
            Array.Clear(table);
            var limit = block.Length - InputMargin;
            var ip = 1;
            while (true)
            {
                // Look for a 4-byte match; after 32 misses the step grows by one, and so on.
                var skip = 32;
                int candidate;
                while (true)
                {
                    if (ip > limit)
                    {
                        goto Remainder;
                    }

                    var current = Load32(block, ip);
                    var hash = Hash(current);
                    candidate = table[hash];
                    table[hash] = (ushort)ip;
                    if (Load32(block, candidate) == current)
                    {
                        break;
                    }

                    ip += skip >> 5;
                    skip++;
                }

                pos = EmitLiteral(block[nextEmit..ip], output, pos);
                do
                {
                    var matched = 4 + CommonPrefix(block[(candidate + 4)..], block[(ip + 4)..]);
                    pos = EmitCopy(ip - candidate, matched, output, pos);
                    ip += matched;
                    nextEmit = ip;
                    if (ip > limit)
                    {
                        goto Remainder;
                    }

                    // Index the position just before, then try for another match right away.
                    table[Hash(Load32(block, ip - 1))] = (ushort)(ip - 1);
                    var current = Load32(block, ip);
                    var hash = Hash(current);
                    candidate = table[hash];
                    table[hash] = (ushort)ip;
                    if (Load32(block, candidate) != current)
                    {
                        break;
                    }
                }
                while (true);

                ip++;
            }
        }

    Remainder:
        return nextEmit < block.Length ? EmitLiteral(block[nextEmit..], output, pos) : pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint value) => (int)((value * 0x1E35A7BDu) >> (32 - HashBits));

    /// <summary>Length of the common prefix of two spans, compared eight bytes at a time.</summary>
    private static int CommonPrefix(ReadOnlySpan<byte> earlier, ReadOnlySpan<byte> later)
    {
        var n = 0;
        var max = later.Length;
        while (n + 8 <= max)
        {
            var diff = BinaryPrimitives.ReadUInt64LittleEndian(earlier[n..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(later[n..]);
            if (diff != 0)
            {
                return n + (BitOperations.TrailingZeroCount(diff) >> 3);
            }

            n += 8;
        }

        while (n < max && earlier[n] == later[n])
        {
            n++;
        }

        return n;
    }

    private static int EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> output, int pos)
    {
        var n = literal.Length - 1;
        if (n < 60)
        {
            output[pos++] = (byte)(n << 2);
        }
        else
        {
            // Tags 60..63 say that 1..4 little-endian bytes of length follow.
            var bytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4;
            output[pos++] = (byte)((59 + bytes) << 2);
            for (var b = 0; b < bytes; b++)
            {
                output[pos++] = (byte)(n >> (8 * b));
            }
        }

        literal.CopyTo(output[pos..]);
        return pos + literal.Length;
    }

    private static int EmitCopy(int offset, int length, Span<byte> output, int pos)
    {
        // A two-byte-offset copy holds 1..64 bytes; long matches are split, never leaving a piece under 4.
        while (length >= 68)
        {
            pos = EmitCopy2(offset, 64, output, pos);
            length -= 64;
        }

        if (length > 64)
        {
            pos = EmitCopy2(offset, 60, output, pos);
            length -= 60;
        }

        if (length >= 12 || offset >= 2048)
        {
            return EmitCopy2(offset, length, output, pos);
        }

        // One-byte-offset copy: 4..11 bytes at an offset below 2048.
        output[pos++] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
        output[pos++] = (byte)offset;
        return pos;
    }

    private static int EmitCopy2(int offset, int length, Span<byte> output, int pos)
    {
        output[pos++] = (byte)(2 | ((length - 1) << 2));
        BinaryPrimitives.WriteUInt16LittleEndian(output[pos..], (ushort)offset);
        return pos + 2;
    }
}
