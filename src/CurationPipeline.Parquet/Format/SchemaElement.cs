using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>One node of the flattened schema tree (parquet.thrift SchemaElement).</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? Repetition { get; set; }

    public string Name { get; set; } = "";

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public LogicalType? LogicalType { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (Type is { } type)
        {
            w.FieldI32(1, (int)type);
        }

        if (Repetition is { } repetition)
        {
            w.FieldI32(3, (int)repetition);
        }

        w.FieldString(4, Name);
        if (NumChildren is { } children)
        {
            w.FieldI32(5, children);
        }

        if (ConvertedType is { } converted)
        {
            w.FieldI32(6, (int)converted);
        }

        if (LogicalType is not null)
        {
            w.BeginStructField(10);
            LogicalType.Write(w);
            w.EndStruct();
        }

        w.EndStruct();
    }

    public static SchemaElement Read(CompactReader r)
    {
        var e = new SchemaElement();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: e.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when type == CompactType.I32: e.TypeLength = r.ReadI32(); break;
                case 3 when type == CompactType.I32: e.Repetition = (Repetition)r.ReadI32(); break;
                case 4 when type == CompactType.Binary: e.Name = r.ReadString(); break;
                case 5 when type == CompactType.I32: e.NumChildren = r.ReadI32(); break;
                case 6 when type == CompactType.I32: e.ConvertedType = (ConvertedType)r.ReadI32(); break;
                case 10 when type == CompactType.Struct: e.LogicalType = LogicalType.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        return e;
    }
}
