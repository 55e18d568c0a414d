using CurationPipeline.Parquet.Format;
using CurationPipeline.Parquet.IO;
using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Tests;

/// <summary>The compact protocol reader skips every field kind it does not know, as other writers add them.</summary>
public class ThriftTests
{
    [Fact]
    public void Unknown_fields_of_every_kind_are_skipped_and_the_known_ones_still_read()
    {
        using var buffer = new ByteBuffer();
        var w = new CompactWriter(buffer);
        w.BeginStruct();
        w.FieldI32(1, (int)PageType.DataPage);
        w.FieldI32(2, 300);
        w.FieldBinary(10, new byte[200]);         // a binary whose length takes a two-byte varint
        w.FieldString(11, "页眉");
        w.FieldListHeader(12, CompactType.Binary, 20);
        for (var i = 0; i < 20; i++)
        {
            w.Binary(new byte[i * 10]);
        }

        w.BeginStructField(13);
        w.FieldBinary(1, [1, 2, 3]);
        w.FieldBool(2, true);
        w.FieldListHeader(3, CompactType.BooleanTrue, 2);
        buffer.WriteByte(1);
        buffer.WriteByte(2);
        w.EndStruct();
        w.FieldI64(14, long.MinValue);
        w.FieldI32(15, 200);
        w.EndStruct();

        var bytes = buffer.Span.ToArray();
        var reader = new CompactReader(bytes, 0, bytes.Length, "test");
        reader.BeginStruct();
        var seen = new List<short>();
        while (reader.NextField(out var id, out var type))
        {
            seen.Add(id);
            if (id == 15)
            {
                Assert.Equal(200, reader.ReadI32());
            }
            else
            {
                reader.Skip(type);
            }
        }

        Assert.Equal([1, 2, 10, 11, 12, 13, 14, 15], seen);
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public void A_page_header_with_statistics_and_a_crc_reads_its_sizes_and_counts()
    {
        using var buffer = new ByteBuffer();
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            NumValues = 42,
            Encoding = ParquetEncoding.Plain,
            UncompressedPageSize = 1000,
            CompressedPageSize = 900,
            Statistics = new Statistics { NullCount = 3, MinValue = new byte[300], MaxValue = [0xFF] },
        };
        header.Write(new CompactWriter(buffer));
        var bytes = buffer.Span.ToArray();

        var read = PageHeader.Read(new CompactReader(bytes, 0, bytes.Length, "test"));
        Assert.Equal((42, 1000, 900), (read.NumValues, read.UncompressedPageSize, read.CompressedPageSize));
        Assert.Equal(3, read.Statistics?.NullCount);
        Assert.Equal(300, read.Statistics?.MinValue?.Length);
        Assert.Equal([0xFF], read.Statistics?.MaxValue);
    }
}
