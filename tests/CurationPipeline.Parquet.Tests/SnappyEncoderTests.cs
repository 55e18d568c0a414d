using System.Globalization;
using System.Text;
using CurationPipeline.Parquet.Encodings;

namespace CurationPipeline.Parquet.Tests;

public class SnappyEncoderTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "mixed", 0 },
        { "mixed", 1 },
        { "mixed", 16 },
        { "mixed", 17 },
        { "mixed", 65_535 },
        { "mixed", 65_536 },
        { "mixed", 65_537 },
        { "mixed", 1_000_000 },
        { "random", 100 },
        { "random", 200_000 },
        { "run", 5 },
        { "run", 100_000 },
        { "period3", 70_000 },
        { "chinese", 300_000 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void IronSnappy_and_the_own_decoder_read_what_the_encoder_writes(string kind, int size)
    {
        var data = Make(kind, size);
        var compressed = Compress(data);

        Assert.Equal(data, IronSnappy.Snappy.Decode(compressed));
        var output = new byte[size];
        SnappyDecoder.Decode(compressed, output);
        Assert.Equal(data, output);
    }

    [Theory]
    [InlineData("mixed", 0.6)]
    [InlineData("run", 0.06)]
    [InlineData("chinese", 0.3)]
    public void Repetitive_data_gets_smaller(string kind, double maxRatio)
    {
        var data = Make(kind, 500_000);
        Assert.InRange(Compress(data).Length, 1, (int)(data.Length * maxRatio));
    }

    [Theory]
    [InlineData("mixed")]
    [InlineData("chinese")]
    [InlineData("period3")]
    public void Compresses_about_as_well_as_IronSnappy(string kind)
    {
        var data = Make(kind, 1 << 20);
        var own = Compress(data).Length;
        var reference = IronSnappy.Snappy.Encode(data).Length;
        Assert.True(own <= reference * 1.05, $"{own} bytes against IronSnappy's {reference}");
    }

    [Fact]
    public void Incompressible_data_stays_within_the_bound()
    {
        var data = Make("random", 1 << 20);
        var compressed = Compress(data);
        Assert.InRange(compressed.Length, data.Length, SnappyEncoder.MaxCompressedLength(data.Length));
    }

    [Fact]
    public void Random_lengths_and_contents_round_trip()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            var size = random.Next(0, 3) == 0 ? random.Next(0, 40) : random.Next(0, 140_000);
            var data = Make(random.Next(4) switch { 0 => "random", 1 => "run", 2 => "period3", _ => "mixed" }, size, trial);
            var compressed = Compress(data);
            var output = new byte[size];
            SnappyDecoder.Decode(compressed, output);
            Assert.True(data.AsSpan().SequenceEqual(output), $"trial {trial}, {size} bytes");
        }
    }

    private static byte[] Compress(byte[] data)
    {
        var buffer = new byte[SnappyEncoder.MaxCompressedLength(data.Length)];
        return buffer[..SnappyEncoder.Encode(data, buffer)];
    }

    private static byte[] Make(string kind, int size, int seed = 0)
    {
        var random = new Random(size + seed);
        switch (kind)
        {
            case "random":
                var noise = new byte[size];
                random.NextBytes(noise);
                return noise;
            case "run":
                return Enumerable.Repeat((byte)'x', size).ToArray();
            case "period3":
                return Enumerable.Range(0, size).Select(i => (byte)(i % 3)).ToArray();
        }

        var text = new StringBuilder();
        var bytes = 0;
        while (bytes < size)
        {
            var piece = kind == "chinese" ? "患者男性，65岁，因反复胸痛3天入院。既往高血压病史十年。" : random.Next(4) switch
            {
                0 => new string('a', random.Next(1, 200)),
                1 => "Patient reports chest pain radiating to the left arm. ",
                2 => random.Next().ToString(CultureInfo.InvariantCulture),
                _ => "abcabcabcabc",
            };
            text.Append(piece);
            bytes += Encoding.UTF8.GetByteCount(piece);
        }

        return Encoding.UTF8.GetBytes(text.ToString())[..size];
    }
}
