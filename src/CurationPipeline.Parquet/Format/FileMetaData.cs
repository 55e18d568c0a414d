using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>The footer (parquet.thrift FileMetaData).</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; } = [];

    public List<KeyValuePair<string, string?>> KeyValueMetadata { get; } = [];

    public string? CreatedBy { get; set; }

    /// <summary>Number of leaf columns that get a TYPE_ORDER column order; 0 writes none.</summary>
    public int ColumnOrderCount { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, Version);
        w.FieldListHeader(2, CompactType.Struct, Schema.Count);
        foreach (var e in Schema)
        {
            e.Write(w);
        }

        w.FieldI64(3, NumRows);
        w.FieldListHeader(4, CompactType.Struct, RowGroups.Count);
        foreach (var g in RowGroups)
        {
            g.Write(w);
        }

        if (KeyValueMetadata.Count > 0)
        {
            w.FieldListHeader(5, CompactType.Struct, KeyValueMetadata.Count);
            foreach (var (key, value) in KeyValueMetadata)
            {
                w.BeginStruct();
                w.FieldString(1, key);
                if (value is not null)
                {
                    w.FieldString(2, value);
                }

                w.EndStruct();
            }
        }

        if (CreatedBy is not null)
        {
            w.FieldString(6, CreatedBy);
        }

        if (ColumnOrderCount > 0)
        {
            w.FieldListHeader(7, CompactType.Struct, ColumnOrderCount);
            for (var i = 0; i < ColumnOrderCount; i++)
            {
                w.BeginStruct();
                w.BeginStructField(1);
                w.EndStruct();
                w.EndStruct();
            }
        }

        w.EndStruct();
    }

    public static FileMetaData Read(CompactReader r)
    {
        var m = new FileMetaData();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: m.Version = r.ReadI32(); break;
                case 2 when type == CompactType.List:
                    var count = r.ReadListHeader(out _);
                    for (var i = 0; i < count; i++)
                    {
                        m.Schema.Add(SchemaElement.Read(r));
                    }

                    break;
                case 3 when type == CompactType.I64: m.NumRows = r.ReadI64(); break;
                case 4 when type == CompactType.List:
                    var groups = r.ReadListHeader(out _);
                    for (var i = 0; i < groups; i++)
                    {
                        m.RowGroups.Add(RowGroup.Read(r));
                    }

                    break;
                case 5 when type == CompactType.List:
                    var pairs = r.ReadListHeader(out _);
                    for (var i = 0; i < pairs; i++)
                    {
                        m.KeyValueMetadata.Add(ReadKeyValue(r));
                    }

                    break;
                case 6 when type == CompactType.Binary: m.CreatedBy = r.ReadString(); break;
                case 8 or 9:
                    throw new ParquetException($"{r.Context}: encrypted files are not supported");
                default: r.Skip(type); break;
            }
        }

        return m;
    }

    private static KeyValuePair<string, string?> ReadKeyValue(CompactReader r)
    {
        string key = "";
        string? value = null;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary: key = r.ReadString(); break;
                case 2 when type == CompactType.Binary: value = r.ReadString(); break;
                default: r.Skip(type); break;
            }
        }

        return new(key, value);
    }
}
