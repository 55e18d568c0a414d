using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>Where a column chunk's pages are and how they are encoded (parquet.thrift ColumnMetaData).</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<ParquetEncoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    /// <summary>Writes the fields; the caller opens and closes the struct.</summary>
    public void Write(CompactWriter w)
    {
        w.FieldI32(1, (int)Type);
        w.FieldListHeader(2, CompactType.I32, Encodings.Count);
        foreach (var e in Encodings)
        {
            w.I32((int)e);
        }

        w.FieldListHeader(3, CompactType.Binary, PathInSchema.Count);
        foreach (var p in PathInSchema)
        {
            w.String(p);
        }

        w.FieldI32(4, (int)Codec);
        w.FieldI64(5, NumValues);
        w.FieldI64(6, TotalUncompressedSize);
        w.FieldI64(7, TotalCompressedSize);
        w.FieldI64(9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionaryOffset)
        {
            w.FieldI64(11, dictionaryOffset);
        }

        if (Statistics is not null)
        {
            w.BeginStructField(12);
            Statistics.Write(w);
            w.EndStruct();
        }
    }

    public static ColumnMetaData Read(CompactReader r)
    {
        var m = new ColumnMetaData();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: m.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when type == CompactType.List:
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                    {
                        m.Encodings.Add((ParquetEncoding)r.ReadI32());
                    }

                    break;
                case 3 when type == CompactType.List:
                    var parts = r.ReadListHeader(out _);
                    for (var i = 0; i < parts; i++)
                    {
                        m.PathInSchema.Add(r.ReadString());
                    }

                    break;
                case 4 when type == CompactType.I32: m.Codec = (CompressionCodec)r.ReadI32(); break;
                case 5 when type == CompactType.I64: m.NumValues = r.ReadI64(); break;
                case 6 when type == CompactType.I64: m.TotalUncompressedSize = r.ReadI64(); break;
                case 7 when type == CompactType.I64: m.TotalCompressedSize = r.ReadI64(); break;
                case 9 when type == CompactType.I64: m.DataPageOffset = r.ReadI64(); break;
                case 11 when type == CompactType.I64: m.DictionaryPageOffset = r.ReadI64(); break;
                case 12 when type == CompactType.Struct: m.Statistics = Statistics.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        return m;
    }
}
