using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CurationPipeline.Parquet.Encodings;

/// <summary>
/// Decompresses a raw Snappy block (format_description.txt of the Snappy project) straight into the caller's
/// buffer: no allocation per page, and every element is bounds-checked against input and output.
/// </summary>
internal static class SnappyDecoder
{
    public static void Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var pos = 0;
        var declared = RleDecoder.ReadVarInt(input, ref pos);
        if (declared != (ulong)output.Length)
        {
            throw new FormatException($"a Snappy page declares {declared} bytes, its header says {output.Length}");
        }

        var written = 0;
        while (pos < input.Length)
        {
            var tag = input[pos++];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        var extra = length - 59;
                        if (pos + extra > input.Length)
                        {
                            throw Truncated();
                        }

                        length = 0;
                        for (var b = 0; b < extra; b++)
                        {
                            length |= input[pos + b] << (8 * b);
                        }

                        pos += extra;
                    }

                    length++;
                    if (length <= 0 || length > input.Length - pos || length > output.Length - written)
                    {
                        throw new FormatException("a Snappy literal runs past the end of its data");
                    }

                    if (length <= 16 && input.Length - pos >= 16 && output.Length - written >= 16)
                    {
                        // Short literal: one 16-byte move; the bytes beyond it are overwritten by what follows.
                        Unsafe.WriteUnaligned(ref output[written], Unsafe.ReadUnaligned<Vector128<byte>>(in input[pos]));
                    }
                    else
                    {
                        input.Slice(pos, length).CopyTo(output[written..]);
                    }

                    pos += length;
                    written += length;
                    continue;
                case 1:
                    if (pos >= input.Length)
                    {
                        throw Truncated();
                    }

                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | input[pos++];
                    break;
                case 2:
                    if (pos + 2 > input.Length)
                    {
                        throw Truncated();
                    }

                    length = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(input[pos..]);
                    pos += 2;
                    break;
                default:
                    if (pos + 4 > input.Length)
                    {
                        throw Truncated();
                    }

                    length = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadInt32LittleEndian(input[pos..]);
                    pos += 4;
                    break;
            }

            if (offset <= 0 || offset > written || length > output.Length - written)
            {
                throw new FormatException("a Snappy copy points outside the decompressed data");
            }

            if (offset >= 8 && output.Length - written >= length + 8)
            {
                // Eight bytes at a time: with an offset of at least 8 every read lies in bytes already written,
                // and the up to 7 bytes written past the copy are overwritten by what follows.
                ref var target = ref output[written];
                ref var source = ref output[written - offset];
                for (var i = 0; i < length; i += 8)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i)));
                }
            }
            else if (offset >= length)
            {
                output.Slice(written - offset, length).CopyTo(output[written..]);
            }
            else
            {
                // Overlapping copy: repeats the last `offset` bytes.
                for (var i = 0; i < length; i++)
                {
                    output[written + i] = output[written - offset + i];
                }
            }

            written += length;
        }

        if (written != output.Length)
        {
            throw new FormatException($"a Snappy page decompressed to {written} bytes, its header says {output.Length}");
        }
    }

    private static FormatException Truncated() => new("a Snappy page ends in the middle of an element");
}
