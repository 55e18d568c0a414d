using System.Text;
using CurationPipeline.Parquet.Encodings;
using CurationPipeline.Parquet.IO;

namespace CurationPipeline.Parquet.Tests;

public class EncodingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(70_000)]
    [InlineData(1_000_000)]
    public void The_snappy_decoder_reads_what_IronSnappy_writes(int size)
    {
        var random = new Random(size);
        var text = new StringBuilder();
        while (text.Length < size)
        {
            // Mixed repetitive and random content gives literals, short and long copies and overlapping copies.
            text.Append(random.Next(4) switch
            {
                0 => new string('a', random.Next(1, 200)),
                1 => "患者男性，65岁，因反复胸痛3天入院。",
                2 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "abcabcabcabc",
            });
        }

        var data = Encoding.UTF8.GetBytes(text.ToString())[..size];
        var compressed = IronSnappy.Snappy.Encode(data);
        var output = new byte[size];
        SnappyDecoder.Decode(compressed, output);
        Assert.True(data.AsSpan().SequenceEqual(output));
    }

    [Fact]
    public void Damaged_snappy_data_is_a_format_error()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("胸痛 chest pain ", 500)));
        var compressed = IronSnappy.Snappy.Encode(data);
        Assert.Throws<FormatException>(() => SnappyDecoder.Decode(compressed, new byte[data.Length + 1]));
        Assert.Throws<FormatException>(() => SnappyDecoder.Decode(compressed[..^3], new byte[data.Length]));
        var random = new Random(1);
        for (var trial = 0; trial < 500; trial++)
        {
            var damaged = (byte[])compressed.Clone();
            damaged[random.Next(1, damaged.Length)] = (byte)random.Next(256);
            try
            {
                SnappyDecoder.Decode(damaged, new byte[data.Length]);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 17)]
    [InlineData(8, 1000)]
    [InlineData(20, 999)]
    public void Rle_hybrid_round_trips(int bitWidth, int count)
    {
        var random = new Random(bitWidth * 1000 + count);
        var max = (1 << bitWidth) - 1;
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            // Runs and noise, so both RLE and bit-packed runs occur.
            values[i] = random.Next(3) == 0 && i > 0 ? values[i - 1] : random.Next(max + 1);
        }

        using var buffer = new ByteBuffer();
        RleEncoder.Encode(values, bitWidth, buffer);
        var decoded = new int[count];
        RleDecoder.Decode(buffer.Span, bitWidth, decoded);
        Assert.Equal(values, decoded);
        Assert.Throws<FormatException>(() => RleDecoder.Decode(buffer.Span[..(buffer.Length / 2)], bitWidth, new int[count + 100]));
    }
}
