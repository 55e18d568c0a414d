using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>A row group and its column chunks (parquet.thrift RowGroup and ColumnChunk).</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.FieldListHeader(1, CompactType.Struct, Columns.Count);
        foreach (var c in Columns)
        {
            w.BeginStruct();
            w.FieldI64(2, c.FileOffset);
            w.BeginStructField(3);
            c.MetaData!.Write(w);
            w.EndStruct();
            w.EndStruct();
        }

        w.FieldI64(2, TotalByteSize);
        w.FieldI64(3, NumRows);
        if (FileOffset is { } offset)
        {
            w.FieldI64(5, offset);
        }

        if (TotalCompressedSize is { } compressed)
        {
            w.FieldI64(6, compressed);
        }

        if (Ordinal is { } ordinal)
        {
            w.FieldI32(7, ordinal);
        }

        w.EndStruct();
    }

    public static RowGroup Read(CompactReader r)
    {
        var g = new RowGroup();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                    {
                        g.Columns.Add(ReadColumnChunk(r));
                    }

                    break;
                case 2 when type == CompactType.I64: g.TotalByteSize = r.ReadI64(); break;
                case 3 when type == CompactType.I64: g.NumRows = r.ReadI64(); break;
                default: r.Skip(type); break;
            }
        }

        return g;
    }

    private static ColumnChunk ReadColumnChunk(CompactReader r)
    {
        var c = new ColumnChunk();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary: c.FilePath = r.ReadString(); break;
                case 2 when type == CompactType.I64: c.FileOffset = r.ReadI64(); break;
                case 3 when type == CompactType.Struct: c.MetaData = ColumnMetaData.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        return c;
    }
}
